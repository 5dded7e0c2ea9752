package org.lstmlab.train;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.nn.Argmax;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Model;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Predicted and true classes for a set of sequences ({@link Argmax} of the logits). Their confusion matrix and
 * per-class metrics are Tribuo's, in the eval package.
 * The book evaluates a set in one forward pass; {@link #of} cuts it into chunks of {@link #CHUNK} to bound memory,
 * which changes nothing because each sequence's output depends only on its own steps (protocol §8.8).
 */
public record Predictions(int[] indices, int[] predicted, int[] actual) {
    public static final int CHUNK = 256;

    public Predictions {
        if (predicted.length != indices.length || actual.length != indices.length)
            throw new IllegalArgumentException("indices, predicted and actual must have the same length");
    }

    public static Predictions of(Engine engine, Model model, PackedSequences data, int[] indices) {
        int[] predicted = Arrays.stream(logits(engine, model, data, indices)).mapToInt(Argmax::of).toArray();
        return new Predictions(indices.clone(), predicted, Arrays.stream(indices).map(data::label).toArray());
    }

    /** The logits of each sequence in indices, one forward pass each {@link #CHUNK} sequences. */
    static float[][] logits(Engine engine, Model model, PackedSequences data, int[] indices) {
        float[][] logits = new float[indices.length][];
        for (int from = 0; from < indices.length; from += CHUNK) {
            int[] chunk = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + CHUNK));
            System.arraycopy(engine.logits(model, data.batch(chunk)), 0, logits, from, chunk.length);
        }
        return logits;
    }

    public int size() { return indices.length; }

    public int correct() {
        return (int) IntStream.range(0, predicted.length).filter(k -> predicted[k] == actual[k]).count();
    }

    /** Share of rows where the prediction equals the label; NaN for an empty set. */
    public double accuracy() { return indices.length == 0 ? Double.NaN : (double) correct() / indices.length; }
}
