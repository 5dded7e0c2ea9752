package org.lstmlab.data;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** Progress of a dataset load; notebooks pass their own to draw a widget. Calls may come from worker threads. */
public interface LoadProgress {

    /** A task over {@code total} files begins. */
    void started(String task, int total);

    /** {@code done} of the total files are finished. */
    void advanced(int done);

    void finished();

    LoadProgress NONE = new LoadProgress() {
        @Override public void started(String task, int total) {}
        @Override public void advanced(int done) {}
        @Override public void finished() {}
    };

    /** On a terminal a live bar on stderr, else at most a line per tenth of the way (see {@link #console(PrintStream, boolean)}). */
    static LoadProgress console() { return console(System.err, System.console() != null); }

    /**
     * A text progress bar (me.tongfei progressbar) on {@code out} when it is a terminal. Elsewhere (a log file, a
     * pipe) frames redrawn in place would pile up on one line, so it prints whole lines instead: one when the task
     * starts and one each time another tenth is done, at most 11 per task.
     */
    static LoadProgress console(PrintStream out, boolean terminal) {
        if (!terminal) return new LoadProgress() {
            private String task;
            private int total;
            private long tenths = -1;

            @Override public synchronized void started(String t, int n) {
                task = t;
                total = n;
                tenths = -1;
                advanced(0);
            }

            @Override public synchronized void advanced(int done) {
                long tenth = total <= 0 ? 10 : Math.min(10, (long) done * 10 / total);
                if (task == null || tenth <= tenths) return;
                tenths = tenth;
                out.println(String.format(java.util.Locale.ROOT, "%s: %d/%d (%d%%)", task, done, total, tenth * 10));
                out.flush();
            }

            @Override public synchronized void finished() { task = null; }
        };
        return new LoadProgress() {
            private ProgressBar bar;

            @Override public synchronized void started(String task, int total) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                        .build();
            }

            @Override public synchronized void advanced(int done) { if (bar != null) bar.stepTo(done); }

            @Override public synchronized void finished() {
                if (bar != null) bar.close();
                bar = null;
            }
        };
    }
}
