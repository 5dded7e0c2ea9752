package org.lstmlab.teach;

import org.lstmlab.nn.CellType;

/**
 * The layer as the book computes it (protocol §3, §7), written against {@link StudentCell} so that checks can run
 * it beside a student's; with a {@link Mistake} it makes that mistake on purpose, which is how a check recognises one.
 */
public final class BookCell implements StudentCell {
    private final CellType cell;
    private final Mistake mistake;
    double[][][] x, z, f, i, o, g, c, tau, h; // read by LstmExercise
    private double[][] W;
    private int[] lengths;

    public BookCell(CellType cell, Mistake mistake) {
        if (cell != CellType.RNN && !cell.isLstm()) throw new IllegalArgumentException("no teaching cell for " + cell);
        this.cell = cell;
        this.mistake = mistake;
    }

    public BookCell(CellType cell) { this(cell, Mistake.NONE); }

    @Override public CellType type() { return cell; }

    @Override public Forward forward(double[][][] x, int[] lengths, double[][] W, double[] b) {
        int B = x.length, T = x[0].length, F = x[0][0].length, H = b.length / cell.gates();
        this.x = x; this.W = W; this.lengths = lengths;
        z = new double[T][B][F + H]; h = new double[T][B][H]; c = new double[T][B][H]; tau = new double[T][B][H];
        f = new double[T][B][H]; i = new double[T][B][H]; o = new double[T][B][H]; g = new double[T][B][H];
        int fBlock = mistake == Mistake.GATE_ORDER ? 1 : 0, iBlock = 1 - fBlock;
        for (int t = 0; t < T; t++)
            for (int r = 0; r < B; r++) {
                System.arraycopy(x[r][t], 0, z[t][r], 0, F);
                if (t > 0) System.arraycopy(h[t - 1][r], 0, z[t][r], F, H);
                double[] a = affine(z[t][r], W, b);
                for (int j = 0; j < H; j++) {
                    if (cell == CellType.RNN) { h[t][r][j] = Math.max(a[j], 0); continue; }
                    double cPrev = t > 0 ? c[t - 1][r][j] : 0;
                    f[t][r][j] = sigmoid(a[fBlock * H + j]);
                    i[t][r][j] = sigmoid(a[iBlock * H + j]);
                    o[t][r][j] = sigmoid(a[2 * H + j]);
                    g[t][r][j] = Math.tanh(a[3 * H + j]);
                    c[t][r][j] = f[t][r][j] * cPrev + i[t][r][j] * g[t][r][j];
                    tau[t][r][j] = Math.tanh(c[t][r][j]);
                    h[t][r][j] = o[t][r][j] * tau[t][r][j];
                }
            }
        double[][][] perStep = cell == CellType.LSTM_STATE ? c : h;
        double[][] out = new double[B][];
        for (int r = 0; r < B; r++) out[r] = perStep[last(r, T)][r].clone();
        return new Forward(h, cell == CellType.RNN ? null : c, out);
    }

    @Override public Backward backward(double[][] gOut) {
        int T = h.length, B = h[0].length, H = h[0][0].length, F = x[0][0].length, G = cell.gates();
        double[][] dW = new double[F + H][G * H];
        double[] db = new double[G * H];
        double[][][] gradH = new double[T][B][H];
        double[][] G_h = new double[B][H], G_c = new double[B][H];
        int fBlock = mistake == Mistake.GATE_ORDER ? 1 : 0, iBlock = 1 - fBlock;
        for (int t = T - 1; t >= 0; t--) {
            for (int r = 0; r < B; r++)
                if (last(r, T) == t) for (int j = 0; j < H; j++) (cell == CellType.LSTM_STATE ? G_c : G_h)[r][j] += gOut[r][j];
            double[][] G_a = new double[B][G * H];
            for (int r = 0; r < B; r++) {
                gradH[t][r] = G_h[r].clone();
                for (int j = 0; j < H; j++) {
                    if (cell == CellType.RNN) {
                        double from = mistake == Mistake.RELU_FROM_INPUT ? z[t][r][j] : h[t][r][j];
                        G_a[r][j] = G_h[r][j] * (from > 0 ? 1 : 0);
                        continue;
                    }
                    double cPrev = t > 0 ? c[t - 1][r][j] : 0, ft = f[t][r][j], it = i[t][r][j], ot = o[t][r][j], gt = g[t][r][j];
                    double G_o = G_h[r][j] * tau[t][r][j];
                    G_c[r][j] += G_h[r][j] * ot * (1 - tau[t][r][j] * tau[t][r][j]);
                    G_a[r][fBlock * H + j] = G_c[r][j] * cPrev * ft * (1 - ft);
                    G_a[r][iBlock * H + j] = G_c[r][j] * gt * it * (1 - it);
                    G_a[r][2 * H + j] = G_o * ot * (1 - ot);
                    G_a[r][3 * H + j] = G_c[r][j] * it * (1 - gt * gt);
                    if (mistake != Mistake.CARRY_WITHOUT_FORGET) G_c[r][j] *= ft;
                }
            }
            for (int r = 0; r < B; r++)
                for (int k = 0; k < G * H; k++) {
                    db[k] += G_a[r][k];
                    for (int m = 0; m < F + H; m++) dW[m][k] += z[t][r][m] * G_a[r][k];
                }
            for (int r = 0; r < B; r++)
                for (int j = 0; j < H; j++) {
                    double s = 0;
                    for (int k = 0; k < G * H; k++) s += G_a[r][k] * W[F + j][k];
                    G_h[r][j] = s;
                }
        }
        return new Backward(dW, db, gradH);
    }

    /** 0-based index of sample r's output step. */
    private int last(int r, int T) { return mistake == Mistake.PADDED_END ? T - 1 : lengths[r] - 1; }

    private static double[] affine(double[] z, double[][] W, double[] b) {
        double[] a = b.clone();
        for (int m = 0; m < z.length; m++)
            for (int k = 0; k < a.length; k++) a[k] += z[m] * W[m][k];
        return a;
    }

    private static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }
}
