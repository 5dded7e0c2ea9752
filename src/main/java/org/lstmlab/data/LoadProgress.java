package org.lstmlab.data;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

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

    /** A text progress bar on stderr (me.tongfei progressbar). */
    static LoadProgress console() {
        return new LoadProgress() {
            private ProgressBar bar;

            @Override public synchronized void started(String task, int total) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
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
