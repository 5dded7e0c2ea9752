package org.lstmlab.plot;

/** Text for HTML: the report's results table and the notebooks' tables and progress bars. */
public final class Html {
    private Html() {}

    /** Escapes text for an element body or a double-quoted attribute. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
