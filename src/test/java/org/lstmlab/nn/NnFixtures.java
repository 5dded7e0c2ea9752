package org.lstmlab.nn;

import org.lstmlab.data.Batch;
import java.util.Random;

/** Small seeded models and batches with variable lengths, shared by the nn tests. */
final class NnFixtures {
    private NnFixtures() {}

    /** Parameters drawn N(0, std) everywhere (biases too), so that every path carries gradient. */
    static Parameters randomParameters(ModelConfig c, double std, long seed) {
        Random rng = new Random(seed);
        Parameters p = Parameters.zeros(c);
        for (double[] t : p.tensors())
            for (int k = 0; k < t.length; k++) t[k] = rng.nextGaussian() * std;
        return p;
    }

    /** A batch whose rows past each length are zero, as PackedSequences makes them. */
    static Batch randomBatch(int[] lengths, int features, int classes, long seed) {
        Random rng = new Random(seed);
        int steps = 0;
        for (int len : lengths) steps = Math.max(steps, len);
        float[] x = new float[lengths.length * steps * features];
        int[] labels = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            labels[i] = rng.nextInt(classes);
            for (int t = 0; t < lengths[i]; t++)
                for (int k = 0; k < features; k++) x[(i * steps + t) * features + k] = (float) rng.nextGaussian();
        }
        return new Batch(lengths.length, steps, features, lengths.clone(), x, labels);
    }

    static Model model(Parameters p) {
        return new Model(p.config, p, AdamState.zeros(p));
    }

    /** Largest |a − b| / max(|a|, |b|, floor) over two arrays. */
    static double maxRelativeError(double[] a, double[] b, double floor) {
        if (a.length != b.length) throw new AssertionError("lengths " + a.length + " vs " + b.length);
        double worst = 0;
        for (int k = 0; k < a.length; k++)
            worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.max(floor, Math.max(Math.abs(a[k]), Math.abs(b[k]))));
        return worst;
    }
}
