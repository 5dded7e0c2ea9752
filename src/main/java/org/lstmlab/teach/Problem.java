package org.lstmlab.teach;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.nn.ReferenceBatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * One seeded exercise: a small padded batch with varied lengths and the weights of one layer and its head, small
 * enough to follow by hand. A student's ID seeds their own, so each student checks different numbers.
 */
public record Problem(CellType cell, double[][][] x, int[] lengths, double[][] y, double[][] W, double[] b,
                      double[][] Wo, double[] bo) {
    static final int B = 4, T = 6, F = 5, H = 3, C = 4;

    /** Weights larger than the book's N(0, 0.03), so that every gate's gradient is far from zero. */
    private static final double STD = 0.5;

    public static Problem seeded(CellType cell, long seed) {
        Random rng = new Random(seed);
        int G = cell.gates();
        double[][][] x = new double[B][T][F];
        int[] lengths = {T, 1 + rng.nextInt(T - 1), 1 + rng.nextInt(T), 1 + rng.nextInt(T - 1)};
        double[][] y = new double[B][C];
        for (int r = 0; r < B; r++) {
            y[r][rng.nextInt(C)] = 1;
            for (int t = 0; t < lengths[r]; t++) for (int k = 0; k < F; k++) x[r][t][k] = rng.nextGaussian();
        }
        double[][] W = gaussian(rng, F + H, G * H), Wo = gaussian(rng, H, C);
        double[] b = new double[cell.biasBlocks() * H], bo = new double[C];
        if (cell != CellType.RNN) java.util.Arrays.fill(b, 0, H, 1.0); // protocol §4: the forget (GRU: update) block starts at 1
        return new Problem(cell, x, lengths, y, W, b, Wo, bo);
    }

    /** The student's own problem: the seed is the first 8 bytes of SHA-256 over the cell and the ID. */
    public static Problem forStudent(CellType cell, String studentId) {
        if (studentId == null || studentId.isBlank()) throw new IllegalArgumentException("--student: an ID is required");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((cell.bookName() + "/" + studentId.trim()).getBytes(StandardCharsets.UTF_8));
            return seeded(cell, java.nio.ByteBuffer.wrap(d).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Parameters parameters() {
        return new Parameters(new ModelConfig(cell, x[0][0].length, Wo.length, bo.length), flat(W), b.clone(), flat(Wo), bo.clone());
    }

    public ReferenceBatch batch() { return new ReferenceBatch(x, lengths.clone(), y); }

    /** The book's npz layout, as `grad` reads it: x [B, T+1, F] with each length in x[:,0,0], y, W, b, Wo, bo. */
    public NpzArrays toNpz() {
        int B = x.length, T = x[0].length, F = x[0][0].length, H = Wo.length, C = bo.length;
        double[] packed = new double[B * (T + 1) * F];
        for (int r = 0; r < B; r++) {
            packed[r * (T + 1) * F] = lengths[r];
            for (int t = 0; t < T; t++) System.arraycopy(x[r][t], 0, packed, (r * (T + 1) + t + 1) * F, F);
        }
        return NpzArrays.create().put("x", packed, B, T + 1, F).put("y", flat(y), B, C)
                .put("W", flat(W), W.length, W[0].length).put("b", b, b.length)
                .put("Wo", flat(Wo), H, C).put("bo", bo, C);
    }

    /**
     * Reads the layout of {@link #toNpz}; every check names the file and the array. W's shape gives H (and must be
     * [F+H, G·H] for the cell); b is [G·H], or [4·H] for the GRU (docs/cells.md); class count from y.
     */
    public static Problem fromNpz(NpzArrays in, CellType cell) {
        int[] xs = in.get("x").shape();
        if (xs.length != 3 || xs[1] < 2)
            throw new IllegalArgumentException(in.source() + ": array 'x' has shape " + java.util.Arrays.toString(xs)
                    + ", expected [B, T+1, F] with T >= 1");
        int B = xs[0], T = xs[1] - 1, F = xs[2], G = cell.gates();
        double[] packed = in.get("x", B, T + 1, F);
        double[] yFlat = in.get("y", B, -1);
        int C = yFlat.length / Math.max(B, 1);
        if (C < 2) throw new IllegalArgumentException(in.source() + ": array 'y' has " + C + " classes; at least 2 are needed");
        int[] ws = in.get("W").shape();
        if (ws.length != 2 || ws[1] % G != 0 || ws[0] != F + ws[1] / G || ws[1] == 0)
            throw new IllegalArgumentException(in.source() + ": array 'W' has shape " + java.util.Arrays.toString(ws)
                    + ", expected [F+H, " + (G == 1 ? "H" : G + "·H") + "] with F = " + F + " (from x) for --cell "
                    + cell.bookName());
        int H = ws[1] / G;
        double[][][] x = new double[B][T][F];
        int[] lengths = new int[B];
        for (int i = 0; i < B; i++) {
            double len = packed[i * (T + 1) * F];
            if (len != Math.rint(len) || len < 1 || len > T)
                throw new IllegalArgumentException(in.source() + ": array 'x': sample " + i + " has length " + len
                        + " in x[" + i + ",0,0]; lengths must be whole numbers in 1.." + T);
            lengths[i] = (int) len;
            for (int t = 0; t < T; t++) System.arraycopy(packed, (i * (T + 1) + t + 1) * F, x[i][t], 0, F);
        }
        try {
            Problem p = new Problem(cell, x, lengths, rows(yFlat, C), rows(in.get("W", F + H, G * H), G * H),
                    in.get("b", cell.biasBlocks() * H), rows(in.get("Wo", H, C), C), in.get("bo", C));
            p.parameters(); // the model's own shape checks
            return p;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in.source() + ": " + e.getMessage() + " (from the array shapes)", e);
        }
    }

    static double[][] gaussian(Random rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) for (int k = 0; k < cols; k++) row[k] = rng.nextGaussian() * STD;
        return m;
    }

    static double[] flat(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) System.arraycopy(m[r], 0, out, r * m[0].length, m[0].length);
        return out;
    }

    static double[][] rows(double[] flat, int cols) {
        double[][] m = new double[flat.length / cols][cols];
        for (int r = 0; r < m.length; r++) System.arraycopy(flat, r * cols, m[r], 0, cols);
        return m;
    }
}
