package org.lstmlab.nn;

import java.util.Random;

/**
 * Protocol §9.3: the dropout layer between the recurrent output and the head, for one training step. Each element
 * of the [B][H] output is kept with probability keepProb (one draw per element and sample, as numpy's
 * binomial(1, p, x.shape)); kept values are divided by keepProb (inverted dropout), dropped ones are 0. Backprop
 * multiplies the gradient by the same mask over keepProb. {@link #NONE} passes values through unchanged: validation,
 * test, and training without dropout.
 */
public record Dropout(double keepProb, boolean[][] kept) {
    public static final Dropout NONE = new Dropout(1, null);

    public Dropout {
        if (!(keepProb > 0 && keepProb <= 1)) throw new IllegalArgumentException("keep probability must be in (0, 1], got " + keepProb);
    }

    /** A fresh mask for a batch of {@code rows} outputs of {@code width} units. */
    public static Dropout draw(double keepProb, int rows, int width, Random rng) {
        boolean[][] kept = new boolean[rows][width];
        for (boolean[] row : kept)
            for (int j = 0; j < width; j++) row[j] = rng.nextDouble() < keepProb;
        return new Dropout(keepProb, kept);
    }

    public boolean active() { return kept != null; }

    /** x·mask/keepProb, as a new array, for the outputs going forward and for their gradient coming back; x itself when inactive. */
    public double[][] apply(double[][] x) {
        if (!active()) return x;
        if (kept.length != x.length || (x.length > 0 && kept[0].length != x[0].length))
            throw new IllegalArgumentException("dropout mask is " + kept.length + "x" + kept[0].length + ", the outputs are "
                    + x.length + "x" + (x.length == 0 ? 0 : x[0].length));
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = new double[x[r].length];
            for (int j = 0; j < y[r].length; j++) y[r][j] = kept[r][j] ? x[r][j] / keepProb : 0;
        }
        return y;
    }

    /** mask/keepProb flattened row by row (all ones when inactive): what an engine multiplies the outputs by. */
    public float[] scales(int rows, int width) {
        if (active() && (kept.length != rows || (rows > 0 && kept[0].length != width)))
            throw new IllegalArgumentException("dropout mask is " + kept.length + "x" + kept[0].length + ", the outputs are " + rows + "x" + width);
        float[] s = new float[rows * width];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < width; j++) s[r * width + j] = !active() ? 1f : kept[r][j] ? (float) (1 / keepProb) : 0f;
        return s;
    }
}
