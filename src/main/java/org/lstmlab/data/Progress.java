package org.lstmlab.data;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a long task, the one event type for feature loads (files) and training calls (batches): {@code done}
 * of {@code total} units, with a short status such as the running cost. A task starts with done = 0 and has ended
 * when done reaches total.
 */
public record Progress(String task, long done, long total, String status) {

    public boolean complete() { return done >= total; }

    /** Tenths of the way, 0 to 10. */
    long tenths() { return total <= 0 ? 10 : Math.min(10, done * 10 / total); }

    /** "task: done/total (percent) status", as a log line shows it. */
    public String line() {
        return String.format(Locale.ROOT, "%s: %d/%d (%d%%)%s", task, done, total, tenths() * 10,
                status.isEmpty() ? "" : " " + status);
    }

    /** Where progress goes. Events of a load come from worker threads, so not always in order of done. */
    @FunctionalInterface
    public interface Sink {
        void update(Progress p);

        Sink NONE = p -> {};

        /** A live bar on stderr when it is a terminal, else {@link #lines} on stderr. */
        static Sink console() {
            return System.console() != null ? new ConsoleBar(System.err) : lines(line -> {
                System.err.println(line);
                System.err.flush();
            });
        }

        /**
         * Whole lines, for a log or a pipe where redrawn frames would pile up on one line: one when a task starts and
         * one each time another tenth is done, at most 11 a task.
         */
        static Sink lines(Consumer<String> out) {
            return new Sink() {
                private String task;
                private long tenths;

                @Override public synchronized void update(Progress p) {
                    if (!p.task().equals(task) || p.done() == 0 && tenths == 10) {
                        task = p.task();
                        tenths = -1;
                    }
                    if (p.tenths() <= tenths) return;   // this tenth is shown, or a late event of an ended task
                    tenths = p.tenths();
                    out.accept(p.line());
                }
            };
        }
    }
}
