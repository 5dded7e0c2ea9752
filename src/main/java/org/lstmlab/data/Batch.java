package org.lstmlab.data;

import java.util.Arrays;

/**
 * A padded minibatch: x is [size][steps][features] row-major, where steps = the longest length in the batch
 * (protocol §3.2: the loop runs to the batch's own maximum). Rows past a sequence's length are zero.
 */
public record Batch(int size, int steps, int features, int[] lengths, float[] x, int[] labels) {

    public Batch {
        if (lengths.length != size || labels.length != size)
            throw new IllegalArgumentException("batch of " + size + " needs " + size + " lengths and labels");
        if (x.length != size * steps * features)
            throw new IllegalArgumentException("x must hold size*steps*features = " + size * steps * features + " values");
        for (int len : lengths)
            if (len < 1 || len > steps) throw new IllegalArgumentException("length " + len + " outside 1.." + steps);
    }

    /** Offset of x[i][t][0]. */
    public int offset(int i, int t) { return (i * steps + t) * features; }

    /** Valid sample-steps: the sum of the lengths. */
    public long sampleSteps() { return Arrays.stream(lengths).asLongStream().sum(); }
}
