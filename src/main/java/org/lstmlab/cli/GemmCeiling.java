package org.lstmlab.cli;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

/**
 * The machine's float32 matrix-multiply ceiling, the yardstick for the engine's throughput: C += A·B with M = 96,
 * N = 16 vectors, K = 128, B packed in panels two vectors wide, so each step of k in a 6-row block loads two
 * vectors of B, broadcasts six scalars of A and issues twelve FMAs into twelve accumulators that never leave the
 * registers. A panel (16 kB at 16 lanes) stays in L1 while the six-row blocks of A stream past it. With t threads,
 * each multiplies its own matrices; GFLOP/s counts 2·M·N·K per product.
 */
final class GemmCeiling {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length(), W = 2 * L;
    static final int M = 96, N = 8 * W, K = 128;

    /** A and C row-major; B by {@link #packedIndex}. */
    final float[] a = new float[M * K], packedB = new float[K * N], c = new float[M * N];

    GemmCeiling(long seed) {
        Random rng = new Random(seed);
        for (int i = 0; i < a.length; i++) a[i] = rng.nextFloat() - 0.5f;
        for (int i = 0; i < packedB.length; i++) packedB[i] = rng.nextFloat() - 0.5f;
    }

    static String shape() { return "M=" + M + " N=" + N + " K=" + K + ", " + L + " float lanes"; }

    /** B[k][j] of the row-major K×N matrix as this product stores it: panel j / W, row k, column j % W. */
    static int packedIndex(int k, int j) { return j / W * K * W + k * W + j % W; }

    /** C += A·B. */
    void multiply() {
        for (int p = 0; p < N / W; p++)
            for (int i = 0; i < M; i += 6) block(i, p);
    }

    /** Rows i..i+5 of C, columns of panel p: the accumulators are written out, since an array of vectors would box. */
    private void block(int i, int p) {
        int b = p * K * W, a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K, a4 = a3 + K, a5 = a4 + K;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int k = 0; k < K; k++, b += W) {
            FloatVector b0 = FloatVector.fromArray(S, packedB, b), b1 = FloatVector.fromArray(S, packedB, b + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + k]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + k]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + k]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + k]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + k]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[a5 + k]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
        }
        int o = i * N + p * W;
        FloatVector.fromArray(S, c, o).add(c00).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(c01).intoArray(c, o + L);
        FloatVector.fromArray(S, c, o += N).add(c10).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(c11).intoArray(c, o + L);
        FloatVector.fromArray(S, c, o += N).add(c20).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(c21).intoArray(c, o + L);
        FloatVector.fromArray(S, c, o += N).add(c30).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(c31).intoArray(c, o + L);
        FloatVector.fromArray(S, c, o += N).add(c40).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(c41).intoArray(c, o + L);
        FloatVector.fromArray(S, c, o += N).add(c50).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(c51).intoArray(c, o + L);
    }

    /**
     * GFLOP/s of t threads multiplying at once, each its own matrices: products run for warmup seconds (C2 compiles
     * the block), then are counted for seconds; C is cleared now and then so that its values stay finite.
     */
    static double gflops(int threads, double warmup, double seconds) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        long[] products = new long[threads];
        double[] elapsed = new double[threads];
        List<Thread> all = IntStream.range(0, threads).mapToObj(id -> new Thread(() -> {
            GemmCeiling g = new GemmCeiling(id);
            try {
                run(g, warmup);
                start.await();
                long t0 = System.nanoTime();
                products[id] = run(g, seconds);
                elapsed[id] = (System.nanoTime() - t0) / 1e9;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        all.forEach(Thread::start);
        for (Thread t : all) t.join();
        return IntStream.range(0, threads).mapToDouble(t -> products[t] * 2.0 * M * N * K / elapsed[t]).sum() / 1e9;
    }

    private static long run(GemmCeiling g, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9), products = 0;
        do {
            if (products % 64 == 0) java.util.Arrays.fill(g.c, 0);
            g.multiply();
            products++;
        } while (System.nanoTime() < end);
        return products;
    }
}
