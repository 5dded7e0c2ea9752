package org.lstmlab.cli;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import java.util.Arrays;
import java.util.Random;

/**
 * Throughput of an engine in sample-steps per second: valid time steps of one sequence, forward, backward and
 * the Adam update (trainStep), on a synthetic batch. Compare engines by running them in the same process.
 */
public final class EngineBenchmark {
    private EngineBenchmark() {}

    /**
     * Matrix-product FLOPs of one sample-step of trainStep, with G gates (RNN 1, GRU 3, LSTM 4): forward [x, h]·W,
     * 2(F+H)·GH; backward G_a·W_hᵀ for G_h, 2·GH·H (G_x is never formed); and the gradient zᵀ·G_a, 2(F+H)·GH.
     * At F = 100, H = 20: RNN 10,400, GRU 31,200, LSTM 41,600. Not counted, under 2% at these sizes: the element-wise gate
     * arithmetic, the head (6·H·classes per sequence) and Adam (about 10 per weight per batch).
     */
    public static double flopsPerSampleStep(ModelConfig c) {
        return 2.0 * c.gateWidth() * (2 * c.zWidth() + c.hidden());
    }

    /** A seeded batch of size sequences with lengths drawn uniformly from [minLength, steps], N(0,1) features. */
    public static Batch syntheticBatch(int size, int steps, int minLength, int features, int classes, long seed) {
        if (minLength < 1 || minLength > steps)
            throw new IllegalArgumentException("minimum length must be in 1.." + steps + ", got " + minLength);
        Random rng = new Random(seed);
        int[] lengths = new int[size], labels = new int[size];
        int longest = 0;
        for (int i = 0; i < size; i++) {
            lengths[i] = minLength + rng.nextInt(steps - minLength + 1);
            labels[i] = rng.nextInt(classes);
            longest = Math.max(longest, lengths[i]);
        }
        float[] x = new float[size * longest * features];
        for (int i = 0; i < size; i++)
            for (int k = 0; k < lengths[i] * features; k++) x[i * longest * features + k] = (float) rng.nextGaussian();
        return new Batch(size, longest, features, lengths, x, labels);
    }

    /** Sample-steps per second: runs trainStep for warmupSeconds, then counts batches for measureSeconds (at least one). */
    public static double measure(Engine engine, ModelConfig config, Batch batch, double warmupSeconds,
                                 double measureSeconds, long seed) {
        Model model = Model.init(config, new Random(seed));
        Adam adam = Adam.book();
        warmUp(engine, model, batch, adam, warmupSeconds);
        long start = System.nanoTime(), end = start + (long) (measureSeconds * 1e9), batches = 0, now;
        do {
            engine.trainStep(model, batch, adam);
            batches++;
            now = System.nanoTime();
        } while (now < end);
        return batches * batch.sampleSteps() / ((now - start) / 1e9);
    }

    /** The median and quartiles of the rounds' cost ratios (the first cell's time per sample-step over the second's). */
    public record PairedRatio(double median, double lowerQuartile, double upperQuartile, int rounds) {}

    /**
     * Per-sample-step cost of configs[0] over configs[1], each on its own engine in this process: after warmupSeconds
     * of each, rounds of one burst of {@code burst} trainSteps per cell, the order alternating each round. A round's
     * ratio compares two bursts a few milliseconds apart, so the machine's drift (a shared host, a changing clock)
     * cancels out of it, where two separate runs would see different machines.
     */
    public static PairedRatio paired(Engine[] engines, ModelConfig[] configs, Batch batch, double warmupSeconds,
                                     int rounds, int burst, long seed) {
        Model[] models = {Model.init(configs[0], new Random(seed)), Model.init(configs[1], new Random(seed))};
        Adam[] adams = {Adam.book(), Adam.book()};
        for (int i = 0; i < 2; i++) warmUp(engines[i], models[i], batch, adams[i], warmupSeconds);
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long[] nanos = new long[2];
            for (int q = 0; q < 2; q++) {
                int i = r % 2 == 0 ? q : 1 - q;
                long start = System.nanoTime();
                for (int n = 0; n < burst; n++) engines[i].trainStep(models[i], batch, adams[i]);
                nanos[i] = System.nanoTime() - start;
            }
            ratios[r] = (double) nanos[0] / nanos[1];
        }
        Arrays.sort(ratios);
        return new PairedRatio(ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4], rounds);
    }

    /** trainStep, untimed, until the given seconds have passed (none for 0). */
    private static void warmUp(Engine engine, Model model, Batch batch, Adam adam, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) engine.trainStep(model, batch, adam);
    }
}
