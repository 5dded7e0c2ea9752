package org.lstmlab.notebook;

import org.lstmlab.data.LoadProgress;
import org.lstmlab.plot.Html;
import org.lstmlab.train.History;
import org.lstmlab.train.TrainingListener;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A progress bar that redraws itself in place in a notebook cell (an HTML {@code <progress>} element via
 * {@link Display}); outside a kernel it prints a text line every tenth of the way. Redraws are throttled, since a
 * kernel message per training batch would flood the notebook. As a {@link TrainingListener} it shows one bar per
 * training call over all its batches, labelled with the model's name, with the epoch and running cost and accuracy;
 * as a {@link LoadProgress} one bar per feature-extraction task (its calls may come from worker threads).
 */
public class NotebookProgress implements TrainingListener, LoadProgress {

    static final long MIN_REDRAW_MILLIS = 200;

    private final InstantSource clock;
    private String label;
    private String id;
    private long lastRedraw;
    private long lastTenth = -1;
    private int epochs;
    private long steps;

    public NotebookProgress(String label) {
        this(label, InstantSource.system());
    }

    /** A bar whose redraws are throttled by this clock (tests drive it by hand). */
    NotebookProgress(String label, InstantSource clock) {
        this.label = label;
        this.clock = clock;
    }

    /**
     * For runners that train several models at once, each on its own thread (events do not name their model): one
     * bar per training thread, each restarting with the model that thread trains next.
     */
    public static TrainingListener parallel() {
        Map<Thread, NotebookProgress> bars = new ConcurrentHashMap<>();
        return new TrainingListener() {
            private NotebookProgress bar() { return bars.computeIfAbsent(Thread.currentThread(), t -> new NotebookProgress()); }
            @Override public void trainingStarted(Start s) { bar().trainingStarted(s); }
            @Override public void batchFinished(BatchDone b) { bar().batchFinished(b); }
            @Override public void trainingEnded(String n, History h, long s) { bar().trainingEnded(n, h, s); }
        };
    }

    /** A bar for training; each training call starts a new bar named after its model. */
    public NotebookProgress() {
        this("training");
    }

    @Override
    public synchronized void trainingStarted(Start start) {
        restart(start.modelName(), (long) start.epochs() * start.batches());
        epochs = start.epochs();
        update(0, steps, "epoch 1/" + epochs);
    }

    @Override
    public synchronized void started(String task, int total) {
        restart(task, total);
        update(0, steps, "");
    }

    @Override
    public synchronized void advanced(int done) {
        update(done, steps, "");
    }

    @Override
    public synchronized void finished() {
        update(steps, steps, "done");
    }

    private void restart(String newLabel, long total) {
        label = newLabel;
        id = null;
        lastTenth = -1;
        steps = total;
    }

    @Override
    public void batchFinished(BatchDone b) {
        update((long) (b.runEpoch() - 1) * b.batches() + b.batch(), steps,
                String.format(Locale.ROOT, "epoch %d/%d cost=%.3f accuracy=%.3f", b.runEpoch(), epochs,
                        b.runningLoss(), b.runningAccuracy()));
    }

    @Override
    public void trainingEnded(String modelName, History history, long seconds) {
        if (history.isEmpty()) return;
        var last = history.last();
        update(steps, steps, String.format(Locale.ROOT, "%d epochs in %d s, cost=%.3f accuracy=%.3f", history.size(), seconds,
                last.cost(), last.trainAccuracy()));
    }

    /** Moves the bar to {@code done} of {@code total}, with a short status such as the running loss. */
    public synchronized void update(long done, long total, String status) {
        boolean last = done >= total;
        if (!Display.inKernel()) {
            long tenth = total <= 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                Display.text(text(label, done, total, status));
            }
            return;
        }
        long now = clock.millis();
        if (id != null && !last && now - lastRedraw < MIN_REDRAW_MILLIS) return;
        lastRedraw = now;
        String html = html(label, done, total, status);
        if (id == null) id = Display.html(html);
        else Display.updateHtml(id, html);
    }

    static String html(String label, long done, long total, String status) {
        return String.format(Locale.ROOT,
                "<div class=\"lstmlab-progress\"><code>%s</code> <progress value=\"%d\" max=\"%d\" style=\"width:40%%\">"
                        + "</progress> %d/%d <code>%s</code></div>",
                Html.escape(label), done, Math.max(total, 1), done, total, Html.escape(status));
    }

    static String text(String label, long done, long total, String status) {
        int width = 30;
        int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %s", label, "#".repeat(filled), ".".repeat(width - filled),
                done, total, status);
    }
}
