package org.lstmlab.teach;

/**
 * A correct LSTM written as a student would from the protocol's equations, independently of {@link BookCell}:
 * per-step arrays, gates sliced from one affine map, the forget block first.
 */
class StudentLstm implements StudentCell {
    private final boolean useState;
    private double[][][] zs, fs, is, os, gs, cs, hs;
    private double[][] W;
    private int[] len;

    StudentLstm(boolean useState) { this.useState = useState; }

    @Override public org.lstmlab.nn.CellType type() { return useState ? org.lstmlab.nn.CellType.LSTM_STATE : org.lstmlab.nn.CellType.LSTM; }

    @Override
    public Forward forward(double[][][] x, int[] lengths, double[][] W, double[] b) {
        int B = x.length, T = x[0].length, F = x[0][0].length, H = b.length / 4;
        this.W = W; len = lengths;
        zs = new double[T][][]; fs = new double[T][][]; is = new double[T][][]; os = new double[T][][];
        gs = new double[T][][]; cs = new double[T][][]; hs = new double[T][][];
        double[][] h = new double[B][H], c = new double[B][H];
        for (int t = 0; t < T; t++) {
            zs[t] = new double[B][F + H];
            fs[t] = new double[B][H]; is[t] = new double[B][H]; os[t] = new double[B][H]; gs[t] = new double[B][H];
            double[][] hn = new double[B][H], cn = new double[B][H];
            for (int n = 0; n < B; n++) {
                for (int k = 0; k < F; k++) zs[t][n][k] = x[n][t][k];
                for (int k = 0; k < H; k++) zs[t][n][F + k] = h[n][k];
                for (int j = 0; j < H; j++) {
                    double af = b[j], ai = b[H + j], ao = b[2 * H + j], ag = b[3 * H + j];
                    for (int k = 0; k < F + H; k++) {
                        af += zs[t][n][k] * W[k][j]; ai += zs[t][n][k] * W[k][H + j];
                        ao += zs[t][n][k] * W[k][2 * H + j]; ag += zs[t][n][k] * W[k][3 * H + j];
                    }
                    fs[t][n][j] = 1 / (1 + Math.exp(-af)); is[t][n][j] = 1 / (1 + Math.exp(-ai));
                    os[t][n][j] = 1 / (1 + Math.exp(-ao)); gs[t][n][j] = Math.tanh(ag);
                    cn[n][j] = fs[t][n][j] * c[n][j] + is[t][n][j] * gs[t][n][j];
                    hn[n][j] = os[t][n][j] * Math.tanh(cn[n][j]);
                }
            }
            cs[t] = cn; hs[t] = hn; h = hn; c = cn;
        }
        double[][] out = new double[B][];
        for (int n = 0; n < B; n++) out[n] = (useState ? cs : hs)[lengths[n] - 1][n].clone();
        return new Forward(hs, cs, out);
    }

    @Override
    public Backward backward(double[][] gOut) {
        int T = hs.length, B = hs[0].length, H = hs[0][0].length, FH = zs[0][0].length;
        double[][] dW = new double[FH][4 * H];
        double[] db = new double[4 * H];
        double[][][] gradH = new double[T][][];
        double[][] gh = new double[B][H], gc = new double[B][H];
        for (int t = T - 1; t >= 0; t--) {
            for (int n = 0; n < B; n++)
                if (len[n] - 1 == t) for (int j = 0; j < H; j++) (useState ? gc : gh)[n][j] += gOut[n][j];
            gradH[t] = new double[B][];
            double[][] ghPrev = new double[B][H];
            for (int n = 0; n < B; n++) {
                gradH[t][n] = gh[n].clone();
                double[] ga = new double[4 * H];
                for (int j = 0; j < H; j++) {
                    double tc = Math.tanh(cs[t][n][j]), cPrev = t == 0 ? 0 : cs[t - 1][n][j];
                    double dc = gc[n][j] + gh[n][j] * os[t][n][j] * (1 - tc * tc);
                    ga[j] = dc * cPrev * fs[t][n][j] * (1 - fs[t][n][j]);
                    ga[H + j] = dc * gs[t][n][j] * is[t][n][j] * (1 - is[t][n][j]);
                    ga[2 * H + j] = gh[n][j] * tc * os[t][n][j] * (1 - os[t][n][j]);
                    ga[3 * H + j] = dc * is[t][n][j] * (1 - gs[t][n][j] * gs[t][n][j]);
                    gc[n][j] = dc * fs[t][n][j];
                }
                for (int k = 0; k < 4 * H; k++) {
                    db[k] += ga[k];
                    for (int m = 0; m < FH; m++) dW[m][k] += zs[t][n][m] * ga[k];
                }
                for (int j = 0; j < H; j++)
                    for (int k = 0; k < 4 * H; k++) ghPrev[n][j] += ga[k] * W[FH - H + j][k];
            }
            gh = ghPrev;
        }
        return new Backward(dW, db, gradH);
    }
}
