package org.lstmlab.notebook;

import org.lstmlab.data.Progress;
import org.lstmlab.plot.Html;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The notebook's view of {@link Progress}: each task gets an HTML {@code <progress>} bar in the cell (via
 * {@link Display}), drawn once and then redrawn in place; tasks that run at once (models training on several threads)
 * get a bar each. Redraws are throttled, since a kernel message per training batch would flood the notebook, but a
 * task's end is always drawn. Outside a kernel it prints the console's lines, one per tenth.
 */
public class NotebookProgress implements Progress.Sink {

    static final long MIN_REDRAW_MILLIS = 200;

    /** A drawn bar: its display id, when it was last drawn, and whether its task has ended. */
    private record Bar(String id, long drawnAt, boolean ended) {}

    private final InstantSource clock;
    private final Map<String, Bar> bars = new HashMap<>();
    private final Progress.Sink lines = Progress.Sink.lines(Display::text);
    private final String label;

    public NotebookProgress() { this("progress"); }

    /** A bar for {@link #update(long, long, String)}, labelled {@code label}. */
    public NotebookProgress(String label) { this(label, InstantSource.system()); }

    /** A bar whose redraws are throttled by this clock (tests drive it by hand). */
    NotebookProgress(String label, InstantSource clock) {
        this.label = label;
        this.clock = clock;
    }

    /** Moves this object's own bar to {@code done} of {@code total}, with a short status. */
    public void update(long done, long total, String status) { update(new Progress(label, done, total, status)); }

    @Override public synchronized void update(Progress p) {
        if (!Display.inKernel()) {
            lines.update(p);
            return;
        }
        Bar bar = p.done() == 0 ? null : bars.get(p.task());
        long now = clock.millis();
        // after the end only the end is redrawn (a training call's summary); late events of a load are dropped
        if (bar != null && !p.complete() && (bar.ended() || now - bar.drawnAt() < MIN_REDRAW_MILLIS)) return;
        String html = html(p);
        String id = bar == null ? Display.html(html) : bar.id();
        if (bar != null) Display.updateHtml(id, html);
        bars.put(p.task(), new Bar(id, now, p.complete()));
    }

    static String html(Progress p) {
        return String.format(Locale.ROOT,
                "<div class=\"lstmlab-progress\"><code>%s</code> <progress value=\"%d\" max=\"%d\" style=\"width:40%%\">"
                        + "</progress> %d/%d <code>%s</code></div>",
                Html.escape(p.task()), p.done(), Math.max(p.total(), 1), p.done(), p.total(), Html.escape(p.status()));
    }
}
