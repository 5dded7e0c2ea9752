package org.lstmlab.train;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Model;
import java.util.Arrays;

/**
 * Predicted and true classes for a set of sequences (argmax of the logits, first maximum on ties as numpy does).
 * The book evaluates a set in one forward pass; {@link #of} cuts it into chunks of {@link #CHUNK} to bound memory,
 * which changes nothing because each sequence's output depends only on its own steps (protocol §8.8).
 */
public record Predictions(int[] indices, int[] predicted, int[] actual, int classes) {
    public static final int CHUNK = 256;

    public Predictions {
        if (predicted.length != indices.length || actual.length != indices.length)
            throw new IllegalArgumentException("indices, predicted and actual must have the same length");
    }

    public static Predictions of(Engine engine, Model model, PackedSequences data, int[] indices) {
        int[] predicted = new int[indices.length], actual = new int[indices.length];
        for (int from = 0; from < indices.length; from += CHUNK) {
            int[] chunk = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + CHUNK));
            float[][] logits = engine.logits(model, data.batch(chunk));
            for (int k = 0; k < chunk.length; k++) {
                predicted[from + k] = argmax(logits[k]);
                actual[from + k] = data.label(chunk[k]);
            }
        }
        return new Predictions(indices.clone(), predicted, actual, model.config().classes());
    }

    /** Index of the first largest value. */
    public static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    public int size() { return indices.length; }

    public int correct() {
        int n = 0;
        for (int k = 0; k < predicted.length; k++) if (predicted[k] == actual[k]) n++;
        return n;
    }

    /** Share of rows where the prediction equals the label; NaN for an empty set. */
    public double accuracy() { return indices.length == 0 ? Double.NaN : (double) correct() / indices.length; }

    /** counts[actual][predicted]. */
    public int[][] confusion() {
        int[][] m = new int[classes][classes];
        for (int k = 0; k < predicted.length; k++) m[actual[k]][predicted[k]]++;
        return m;
    }
}
