package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import java.util.Arrays;
import java.util.List;

/**
 * Protocol §1.5: every kept clip's feature sequence, zero-padded to the longest, with its label.
 * x is [size][maxSteps][features] row-major, float32 (the book's header row is not stored; lengths are), held as
 * given: do not modify it. classNames are in first-appearance order (protocol §1.2); paths are the source WAVs;
 * source says which data.
 */
public record PackedSequences(FeatureConfig params, int features, int maxSteps, int[] lengths, float[] x, int[] labels,
                              List<String> classNames, List<String> paths, DataSource source) {
    public PackedSequences {
        int n = lengths.length;
        if (labels.length != n || paths.size() != n)
            throw new IllegalArgumentException("lengths, labels and paths must all have " + n + " entries");
        if ((long) n * maxSteps * features != x.length)
            throw new IllegalArgumentException("x must hold size*maxSteps*features values");
        for (int label : labels)
            if (label < 0 || label >= classNames.size())
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classNames.size() - 1));
        classNames = List.copyOf(classNames);
        paths = List.copyOf(paths);
    }

    public int size() { return lengths.length; }
    public int length(int i) { return lengths[i]; }
    public int label(int i) { return labels[i]; }
    public String fingerprint() { return source.fingerprint(); }

    /** Value of feature f at step t (0-based) of sequence i. */
    public float value(int i, int t, int f) { return x[(i * maxSteps + t) * features + f]; }

    /** Copies the given sequences into a batch padded to their own longest length. */
    public Batch batch(int[] indices) {
        int steps = Arrays.stream(indices).map(i -> lengths[i]).max().orElse(0);
        float[] bx = new float[indices.length * steps * features];
        int[] bl = new int[indices.length], by = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            bl[k] = lengths[i];
            by[k] = labels[i];
            System.arraycopy(x, i * maxSteps * features, bx, k * steps * features, lengths[i] * features);
        }
        return new Batch(indices.length, steps, features, bl, bx, by);
    }

    /** Bytes held by the feature array. */
    public long featureBytes() { return 4L * x.length; }
}
