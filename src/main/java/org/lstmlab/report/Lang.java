package org.lstmlab.report;

import java.util.Locale;
import java.util.ResourceBundle;

/** The report's language: its words (report.properties, report_ko.properties) and the charts' locale. */
public enum Lang {
    EN(Locale.ENGLISH), KO(Locale.KOREAN);

    private final Locale locale;
    private final ResourceBundle words;

    Lang(Locale locale) {
        this.locale = locale;
        // no fallback to the machine's locale: English is the base bundle
        this.words = ResourceBundle.getBundle("org.lstmlab.report.report", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() { return locale; }

    /** "en" or "ko", as in --lang and the HTML lang attribute. */
    public String id() { return locale.getLanguage(); }

    /** A phrase of the bundle with {0}, {1}... replaced by the arguments as they are (no MessageFormat quoting). */
    public String text(String key, Object... args) {
        String s = words.getString(key);
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    public boolean has(String key) { return words.containsKey(key); }

    /** Accepts en or ko (any case). */
    public static Lang parse(String s) {
        for (Lang l : values()) if (l.id().equalsIgnoreCase(s.trim())) return l;
        throw new IllegalArgumentException("unknown language '" + s + "': expected en or ko");
    }
}
