package org.lstmlab.cli;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
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
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmEnd) engine.trainStep(model, batch, adam);
        long start = System.nanoTime(), end = start + (long) (measureSeconds * 1e9), batches = 0, now;
        do {
            engine.trainStep(model, batch, adam);
            batches++;
            now = System.nanoTime();
        } while (now < end);
        return batches * batch.sampleSteps() / ((now - start) / 1e9);
    }
}
