package org.lstmlab.cli;

import org.lstmlab.train.BookLog;
import org.lstmlab.train.History;
import org.lstmlab.train.TrainingListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The console view of training: the book's lines on stdout and, on a terminal, a progress bar over all batches on
 * stderr with the running loss and accuracy. The bar's line is cleared before each book line so the two never mix.
 */
final class TrainProgress implements TrainingListener, AutoCloseable {
    private final PrintStream out;
    private final boolean showBar;
    private final BookLog book;
    private ProgressBar bar;

    TrainProgress(PrintStream out, boolean showBar) {
        this.out = out;
        this.showBar = showBar;
        this.book = BookLog.to(this::line);
    }

    private synchronized void line(String s) {
        if (bar != null) System.err.print("\r\033[2K");
        out.println(s);
        out.flush();
    }

    @Override public void trainingStarted(Start s) {
        book.trainingStarted(s);
        if (showBar)
            bar = new ProgressBarBuilder().setTaskName(s.modelName()).setInitialMax((long) s.epochs() * s.batches())
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250).clearDisplayOnFinish().build();
    }

    @Override public void batchFinished(BatchDone b) {
        if (bar == null) return;
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d loss %.3f acc %.3f", b.runEpoch(), b.runningLoss(), b.runningAccuracy()));
    }

    @Override public void reported(Report r) { book.reported(r); }

    @Override public void trainingEnded(String model, History h, long seconds) {
        close();
        book.trainingEnded(model, h, seconds);
    }

    @Override public void noted(String model, String note) { book.noted(model, note); }

    @Override public void tested(String model, double accuracy, long seconds) { book.tested(model, accuracy, seconds); }

    /** Removes the bar; also after a failed run. */
    @Override public synchronized void close() {
        if (bar != null) bar.close();
        bar = null;
    }

    /** A bar only where someone watches: an interactive console. */
    static boolean interactive() { return System.console() != null; }
}
