package org.lstmlab.report;

import java.util.List;

/**
 * One piece of the report, rendered alike to HTML (and from it the PDF) and to Markdown. Text is plain; the
 * renderers escape it.
 */
sealed interface Block {
    /** A numbered section heading (level 1 to 3). */
    record Heading(int level, String text) implements Block {}

    record Para(String text) implements Block {}

    record Items(List<String> items) implements Block {}

    /** A table kept on one page; numeric marks columns to right-align (by index). */
    record Table(List<String> header, List<List<String>> rows, java.util.Set<Integer> numeric) implements Block {}

    /** A chart of charts/ by name (no extension); half = two side by side. */
    record Figure(String chart, String caption, boolean half) implements Block {}

    /**
     * One model's block, a two-column table: label and content rows, then the log lines verbatim under
     * logLabel. Kept on one page.
     */
    record Model(String title, String itemHeader, String contentHeader, List<List<String>> rows, String logLabel,
                 List<String> log) implements Block {}

    /** Preformatted text (the manifest). */
    record Pre(String text) implements Block {}
}
