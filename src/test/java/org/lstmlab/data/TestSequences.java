package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Small seeded sequence sets for the trainer, baseline and report tests. Every valid step lights feature 1 + label
 * above the noise, so any model (or pooled baseline) can separate the classes; the last feature of step 0 holds the
 * sample's index, so a test engine can tell which samples a batch holds.
 */
public final class TestSequences {
    private TestSequences() {}

    /** {@code n} sequences of 1..maxSteps steps with random labels; needs features ≥ classes + 2. */
    public static PackedSequences sequences(int n, int features, int maxSteps, int classes, long seed) {
        if (features < classes + 2) throw new IllegalArgumentException("need classes + 2 features, got " + features);
        Random rng = new Random(seed);
        int[] lengths = new int[n], labels = new int[n];
        float[] x = new float[n * maxSteps * features];
        List<String> paths = new ArrayList<>(), names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add("class" + c);
        for (int i = 0; i < n; i++) {
            lengths[i] = 1 + rng.nextInt(maxSteps);
            labels[i] = rng.nextInt(classes);
            paths.add("clip" + i + ".wav");
            for (int t = 0; t < lengths[i]; t++) {
                for (int f = 0; f < features; f++) x[(i * maxSteps + t) * features + f] = (float) (rng.nextGaussian() * 0.5);
                x[(i * maxSteps + t) * features + 1 + labels[i]] += 1.5f;
            }
            x[i * maxSteps * features + features - 1] = i;
        }
        return new PackedSequences(FeatureConfig.book(10, 10), features, maxSteps, lengths, x, labels, names, paths,
                new DataSource("memory", DatasetLayout.KAGGLE, "test-" + n + "-" + seed));
    }

    /** The first train samples, then validation, then the rest as test. */
    public static Split split(int n, int train, int validation) {
        return new Split(SplitConfig.book(0), IntStream.range(0, train).toArray(), IntStream.range(train, train + validation).toArray(),
                IntStream.range(train + validation, n).toArray());
    }

    /** The sample index a {@link #sequences} batch row came from. */
    public static int sampleOf(Batch b, int row) { return (int) b.x()[b.offset(row, 0) + b.features() - 1]; }
}
