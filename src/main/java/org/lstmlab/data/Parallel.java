package org.lstmlab.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The one way work runs in parallel: job(0 .. count-1) on the calling thread and at most threads - 1 threads of one
 * shared pool, which makes no thread before one is needed and whose daemon threads live on between calls (no pool is
 * made per call). Jobs are claimed in index order, so the first start first. The caller claims jobs too, so a call completes even when
 * no pool thread is free, and a parallel call made inside another's job (a model trained on a pool thread whose
 * engine splits its batch) cannot starve. A call returns when every job it started has ended; after a failure no
 * further job starts, and the failure of the lowest index is thrown.
 */
public final class Parallel {
    private Parallel() {}

    /** Threads are made when every existing one is busy and end after a minute idle, so callers never wait in a queue. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lstm-lab-parallel");
        t.setDaemon(true);   // an abandoned job must not keep the JVM alive
        return t;
    });

    public static void forEach(int count, int threads, IntConsumer job) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (count <= 0) return;
        if (threads == 1 || count == 1) {
            for (int i = 0; i < count; i++) job.accept(i);
            return;
        }
        Run run = new Run(count, job);
        for (int h = Math.min(threads, count) - 1; h > 0; h--) POOL.execute(run);
        run.run();
        run.await();
    }

    /** job(0 .. count-1) as {@link #forEach} runs them, the results in index order. */
    public static <T> List<T> map(int count, int threads, IntFunction<T> job) {
        Object[] out = new Object[Math.max(count, 0)];
        forEach(count, threads, i -> out[i] = job.apply(i));
        @SuppressWarnings("unchecked") List<T> list = (List<T>) Arrays.asList(out);
        return Collections.unmodifiableList(list);
    }

    /** One call: every index is claimed exactly once, and run unless an earlier claim failed. */
    private static final class Run implements Runnable {
        private final int count;
        private final IntConsumer job;
        private final AtomicInteger next = new AtomicInteger(), ended = new AtomicInteger();
        private volatile boolean failed;
        private Throwable failure;
        private int failedAt = Integer.MAX_VALUE;

        Run(int count, IntConsumer job) {
            this.count = count;
            this.job = job;
        }

        @Override public void run() {
            for (int i; (i = next.getAndIncrement()) < count; ) {
                try {
                    if (!failed) job.accept(i);
                } catch (Throwable t) {   // also ThreadDeath, so that the caller is never left waiting
                    fail(i, t);
                } finally {
                    if (ended.incrementAndGet() == count) synchronized (this) { notifyAll(); }
                }
            }
        }

        private synchronized void fail(int i, Throwable t) {
            failed = true;
            if (i < failedAt) {
                failedAt = i;
                failure = t;
            }
        }

        /** Waits, even through an interrupt, since running jobs still write into the caller's arrays. */
        void await() {
            boolean interrupted = false;
            Throwable f;
            synchronized (this) {
                while (ended.get() < count) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                f = failure;
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (f instanceof RuntimeException e) throw e;
            if (f instanceof Error e) throw e;
            if (f != null) throw new IllegalStateException(f);
        }
    }
}
