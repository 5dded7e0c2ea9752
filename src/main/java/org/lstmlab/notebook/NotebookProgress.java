package org.lstmlab.notebook;

import java.util.Locale;

/**
 * A progress bar that redraws itself in place in a notebook cell (an HTML {@code <progress>} element via
 * {@link Display}); outside a kernel it prints a text line every tenth of the way. Redraws are throttled, since a
 * kernel message per training batch would flood the notebook.
 */
public class NotebookProgress {

    static final long MIN_REDRAW_NANOS = 200_000_000L;

    private final String label;
    private String id;
    private long lastRedraw;
    private long lastTenth = -1;

    public NotebookProgress(String label) {
        this.label = label;
    }

    /** Moves the bar to {@code done} of {@code total}, with a short status such as the running loss. */
    public void update(long done, long total, String status) {
        boolean last = done >= total;
        if (!Display.inKernel()) {
            long tenth = total <= 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                Display.text(text(label, done, total, status));
            }
            return;
        }
        long now = System.nanoTime();
        if (id != null && !last && now - lastRedraw < MIN_REDRAW_NANOS) return;
        lastRedraw = now;
        String html = html(label, done, total, status);
        if (id == null) id = Display.html(html);
        else Display.updateHtml(id, html);
    }

    static String html(String label, long done, long total, String status) {
        return String.format(Locale.ROOT,
                "<div class=\"lstmlab-progress\"><code>%s</code> <progress value=\"%d\" max=\"%d\" style=\"width:40%%\">"
                        + "</progress> %d/%d <code>%s</code></div>",
                HtmlTable.escape(label), done, Math.max(total, 1), done, total, HtmlTable.escape(status));
    }

    static String text(String label, long done, long total, String status) {
        int width = 30;
        int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %s", label, "#".repeat(filled), ".".repeat(width - filled),
                done, total, status);
    }
}
