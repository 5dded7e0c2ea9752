package org.lstmlab.nn;

import org.lstmlab.data.Batch;

import java.util.Arrays;

/**
 * A float64 batch for {@link ReferenceEngine}: x [B][T][F] (T ≥ every length; rows past a length are padding),
 * lengths, and targets y [B][C] (one-hot in the book; any values are accepted, as in numpy).
 */
public record ReferenceBatch(double[][][] x, int[] lengths, double[][] y) {

    public ReferenceBatch {
        if (lengths.length != x.length || y.length != x.length)
            throw new IllegalArgumentException("x, lengths and y must all have " + x.length + " rows");
        for (int r = 0; r < x.length; r++)
            if (lengths[r] < 1 || lengths[r] > x[r].length)
                throw new IllegalArgumentException("length " + lengths[r] + " of sample " + r + " outside 1.." + x[r].length);
    }

    /** The float batch as doubles, with one-hot targets for the given class count. */
    public static ReferenceBatch of(Batch b, int classes) {
        double[][][] x = new double[b.size()][b.steps()][b.features()];
        for (int r = 0; r < b.size(); r++)
            for (int t = 0; t < b.steps(); t++)
                for (int k = 0; k < b.features(); k++) x[r][t][k] = b.x()[b.offset(r, t) + k];
        return new ReferenceBatch(x, b.lengths().clone(), SoftmaxHead.oneHot(b.labels(), classes));
    }

    public int size() { return x.length; }

    /** Protocol §3.2: Tb, the longest length in this batch; the loop runs t = 1..Tb. */
    public int steps() { return longest(lengths); }

    static int longest(int[] lengths) { return Arrays.stream(lengths).max().orElse(0); }

    /** x reordered as [Tb][B][F] so that each step is one batch matrix. */
    double[][][] timeMajor() {
        int tb = steps();
        double[][][] xt = new double[tb][size()][];
        for (int t = 0; t < tb; t++)
            for (int r = 0; r < size(); r++) xt[t][r] = x[r][t];
        return xt;
    }
}
