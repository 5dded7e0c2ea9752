package org.lstmlab.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class ParallelTest {

    @Test
    void everyIndexRunsOnceAndMapKeepsTheOrder() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int count : new int[] {0, 1, 2, 7, 100}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(count);
                List<Integer> squares = Parallel.map(count, threads, i -> {
                    runs.incrementAndGet(i);
                    return i * i;
                });
                assertEquals(IntStream.range(0, count).map(i -> i * i).boxed().toList(), squares, threads + " threads");
                for (int i = 0; i < count; i++) assertEquals(1, runs.get(i), "index " + i);
            }
        }
    }

    /** Three jobs that each wait for the other two can only finish if three threads run them at once. */
    @Test
    void runsOnTheCallerAndUpToThreadsMinusOnePoolThreads() {
        CyclicBarrier all = new CyclicBarrier(3);
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
        Parallel.forEach(3, 3, i -> {
            used.add(Thread.currentThread());
            try {
                all.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(3, used.size());
        assertTrue(used.contains(Thread.currentThread()), "the caller takes a share");

        Parallel.forEach(40, 2, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            running.decrementAndGet();
        });
        assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
    }

    /** A job that itself runs a parallel call (a model trained on a pool thread, its engine splitting batches). */
    @Test
    void nestedCallsFinish() {
        AtomicInteger inner = new AtomicInteger();
        Parallel.forEach(4, 4, i -> Parallel.forEach(4, 4, k -> inner.incrementAndGet()));
        assertEquals(16, inner.get());
    }

    @Test
    void theLowestFailingIndexIsThrownAndNoJobStartsAfterAFailure() {
        AtomicInteger started = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(200, 2, i -> {
            if (i == 0 || i == 150) throw new IllegalStateException("job " + i);
            started.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        }));
        assertEquals("job 0", e.getMessage());
        assertTrue(started.get() < 50, started.get() + " jobs started after job 0 failed");
    }

    @Test
    void refusesFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.forEach(3, 0, i -> {}));
    }
}
