package org.lstmlab.data;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import java.io.PrintStream;

/** {@link Progress} as a live text bar (me.tongfei progressbar) redrawn in place on a terminal, one task at a time. */
final class ConsoleBar implements Progress.Sink {
    private final PrintStream out;
    private String task;
    private ProgressBar bar;

    ConsoleBar(PrintStream out) { this.out = out; }

    @Override public synchronized void update(Progress p) {
        if (!p.task().equals(task) || p.done() == 0 && bar == null) {
            if (bar != null) bar.close();
            task = p.task();
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(p.total()).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(250).build();
        }
        if (bar == null) return;   // a late event of an ended task
        bar.maxHint(p.total());
        bar.stepTo(Math.max(bar.getCurrent(), p.done()));
        bar.setExtraMessage(p.status());
        if (p.complete()) {
            bar.close();
            bar = null;
        }
    }
}
