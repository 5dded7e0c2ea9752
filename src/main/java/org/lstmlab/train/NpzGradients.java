package org.lstmlab.train;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.nn.ReferenceBatch;
import org.lstmlab.nn.ReferenceEngine;

/**
 * The course's gradient check: loss and gradients of one batch given as numpy arrays, computed in float64 by
 * {@link ReferenceEngine}. Input: x [B, T+1, F] in the book's packed format (length in x[:,0,0], frames in rows
 * 1..T), y [B, C] one-hot, W [F+H, G·H], b [G·H], Wo [H, C], bo [C] (G = 1 for rnn, 4 for lstm and state).
 * Output: loss, accuracy, dW, db, dWo, dbo with the shapes of the inputs they belong to.
 */
public final class NpzGradients {
    private NpzGradients() {}

    public static NpzArrays compute(NpzArrays in, CellType cell) {
        int[] xs = in.get("x").shape();
        if (xs.length != 3 || xs[1] < 2)
            throw new IllegalArgumentException(in.source() + ": array 'x' has shape " + java.util.Arrays.toString(xs)
                    + ", expected [B, T+1, F] with T >= 1");
        int B = xs[0], T = xs[1] - 1, F = xs[2], G = cell.gates();
        double[] x = in.get("x", B, T + 1, F);
        double[] y = in.get("y", B, -1);
        int C = y.length / Math.max(B, 1);
        int[] ws = in.get("W").shape();
        if (ws.length != 2 || ws[1] % G != 0 || ws[0] != F + ws[1] / G || ws[1] == 0)
            throw new IllegalArgumentException(in.source() + ": array 'W' has shape " + java.util.Arrays.toString(ws)
                    + ", expected [F+H, " + (G == 1 ? "H" : G + "·H") + "] with F = " + F + " (from x) for --cell "
                    + cell.bookName());
        int H = ws[1] / G;
        ModelConfig config = config(in, cell, F, H, C);
        Parameters p = new Parameters(config, in.get("W", F + H, G * H), in.get("b", G * H), in.get("Wo", H, C),
                in.get("bo", C));
        Gradients g = new ReferenceEngine().gradients(p, batch(in, x, y, B, T, F, C), false);
        return NpzArrays.create()
                .put("loss", g.loss())
                .put("accuracy", g.accuracy())
                .put("dW", g.dW(), F + H, G * H)
                .put("db", g.db(), G * H)
                .put("dWo", g.dWo(), H, C)
                .put("dbo", g.dbo(), C);
    }

    private static ModelConfig config(NpzArrays in, CellType cell, int F, int H, int C) {
        try {
            return new ModelConfig(cell, F, H, C);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in.source() + ": " + e.getMessage() + " (from the array shapes)", e);
        }
    }

    /** Unpacks the book's header row: x[i,0,0] is sample i's length; rows 1..T are its frames. */
    private static ReferenceBatch batch(NpzArrays in, double[] x, double[] y, int B, int T, int F, int C) {
        double[][][] frames = new double[B][T][F];
        int[] lengths = new int[B];
        double[][] targets = new double[B][C];
        for (int i = 0; i < B; i++) {
            double len = x[i * (T + 1) * F];
            if (len != Math.rint(len) || len < 1 || len > T)
                throw new IllegalArgumentException(in.source() + ": array 'x': sample " + i + " has length " + len
                        + " in x[" + i + ",0,0]; lengths must be whole numbers in 1.." + T);
            lengths[i] = (int) len;
            for (int t = 0; t < T; t++) System.arraycopy(x, (i * (T + 1) + t + 1) * F, frames[i][t], 0, F);
            System.arraycopy(y, i * C, targets[i], 0, C);
        }
        return new ReferenceBatch(frames, lengths, targets);
    }
}
