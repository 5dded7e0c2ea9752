package org.lstmlab.onnx;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.AdamState;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import java.util.Arrays;
import java.util.Random;

/** Seeded small models and variable-length batches for the ONNX tests. */
final class OnnxFixtures {
    private OnnxFixtures() {}

    /** Book initialisation with W scaled to std 0.3 and N(0, 0.3) added to the biases, so every gate carries gradient. */
    static Model model(ModelConfig c, long seed) {
        Random rng = new Random(seed);
        Parameters p = Parameters.init(c, rng);
        for (int k = 0; k < p.w.length; k++) p.w[k] *= 10;
        for (double[] bias : new double[][] {p.b, p.bo})
            for (int k = 0; k < bias.length; k++) bias[k] += 0.3 * rng.nextGaussian();
        return new Model(c, p, AdamState.zeros(p));
    }

    /** Batch with the given lengths, features N(0,1) up to each length and zero after, labels uniform. */
    static Batch batch(ModelConfig c, int[] lengths, long seed) {
        Random rng = new Random(seed);
        int steps = Arrays.stream(lengths).max().orElseThrow();
        float[] x = new float[lengths.length * steps * c.inputs()];
        int[] labels = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            labels[i] = rng.nextInt(c.classes());
            for (int t = 0; t < lengths[i]; t++)
                for (int f = 0; f < c.inputs(); f++) x[(i * steps + t) * c.inputs() + f] = (float) rng.nextGaussian();
        }
        return new Batch(lengths.length, steps, c.inputs(), lengths.clone(), x, labels);
    }

    /** max |a - b| / max |b|: the error relative to the tensor's scale. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0, scale = 0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
            scale = Math.max(scale, Math.abs(b[k]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
