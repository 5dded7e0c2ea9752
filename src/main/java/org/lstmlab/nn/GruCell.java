package org.lstmlab.nn;

import java.util.Arrays;

/**
 * The GRU of docs/cells.md (the PyTorch and ONNX default, linear_before_reset = 1): W has gate blocks z, r, n
 * (columns [0,H), [H,2H), [2H,3H)), rows [0,F) acting on x_t (W_x) and rows [F,F+H) on h_{t−1} (W_h); b holds
 * b_z, b_r, b_n and b_hn. With u = h_{t−1}·W_hn + b_hn, the recurrent part of the candidate:
 * z = σ(x·W_xz + h·W_hz + b_z), r = σ(x·W_xr + h·W_hr + b_r), n = tanh(x·W_xn + b_n + r⊙u), h_t = (1 − z)⊙n + z⊙h_{t−1}.
 */
final class GruCell implements RecurrentCell {
    /** W_x and W_h; b_x = (b_z, b_r, b_n) and b_h = (0, 0, b_hn), so that x·W_x + b_x and h·W_h + b_h are whole blocks. */
    private final double[] Wx, Wh, bx, bh;
    private final int F, H;
    /** Per step: x_t, h_{t−1}, the gates z, r, n, u and h_t, each [B][H] (x_t is [B][F]). */
    private double[][][] x, hPrev, z, r, n, u, h;

    GruCell(Parameters p) {
        F = p.config.inputs();
        H = p.config.hidden();
        Wx = Arrays.copyOfRange(p.w, 0, F * 3 * H);
        Wh = Arrays.copyOfRange(p.w, F * 3 * H, (F + H) * 3 * H);
        bx = Arrays.copyOfRange(p.b, 0, 3 * H);
        bh = new double[3 * H];
        System.arraycopy(p.b, 3 * H, bh, 2 * H, H);
    }

    @Override
    public double[][] forward(double[][][] xs, int[] lengths) {
        int steps = xs.length, B = lengths.length;
        x = xs; hPrev = new double[steps][][]; z = new double[steps][][]; r = new double[steps][][];
        n = new double[steps][][]; u = new double[steps][][]; h = new double[steps][][];
        double[][] hLast = Mat.zeros(B, H);
        for (int t = 0; t < steps; t++) {
            hPrev[t] = hLast;
            step(t, Mat.affine(x[t], Wx, bx, 3 * H), Mat.affine(hLast, Wh, bh, 3 * H));
            hLast = h[t];
        }
        return RecurrentCell.atLastValidStep(h, lengths);
    }

    /** ax = x_t·W_x + b_x, ah = h_{t−1}·W_h + b_h. */
    private void step(int t, double[][] ax, double[][] ah) {
        int B = ax.length;
        z[t] = new double[B][H]; r[t] = new double[B][H]; n[t] = new double[B][H]; u[t] = new double[B][H];
        h[t] = new double[B][H];
        for (int s = 0; s < B; s++)
            for (int j = 0; j < H; j++) {
                z[t][s][j] = BookMath.sigmoid(ax[s][j] + ah[s][j]);
                r[t][s][j] = BookMath.sigmoid(ax[s][H + j] + ah[s][H + j]);
                u[t][s][j] = ah[s][2 * H + j];
                n[t][s][j] = BookMath.tanh(ax[s][2 * H + j] + r[t][s][j] * u[t][s][j]);
                h[t][s][j] = (1 - z[t][s][j]) * n[t][s][j] + z[t][s][j] * hPrev[t][s][j];
            }
    }

    /**
     * Per step: G_z = G_h⊙(h_{t−1} − n), G_n = G_h⊙(1 − z); through the activations to G_az, G_an, and
     * G_ar = σ'(r)⊙G_an⊙u. The x side gets (G_az, G_ar, G_an), the h side (G_az, G_ar, r⊙G_an), and
     * G_h(t−1) = G_h⊙z + (h side)·W_hᵀ.
     */
    @Override
    public void backward(double[][] gOut, int[] lengths, double[] dW, double[] db, double[] hiddenGradNorms) {
        int B = lengths.length;
        double[] dWh = new double[H * 3 * H], dbh = new double[3 * H];
        double[][] G_h = Mat.zeros(B, H);
        for (int t = h.length - 1; t >= 0; t--) {
            RecurrentCell.inject(G_h, gOut, lengths, t);
            if (hiddenGradNorms != null) hiddenGradNorms[t] = Mat.norm(G_h);
            double[][] G_ax = new double[B][3 * H], G_ah = new double[B][3 * H], G_hKept = new double[B][H];
            for (int s = 0; s < B; s++)
                for (int j = 0; j < H; j++) {
                    double z = this.z[t][s][j], r = this.r[t][s][j], n = this.n[t][s][j];
                    double G_z = G_h[s][j] * (hPrev[t][s][j] - n);
                    double G_n = G_h[s][j] * (1 - z);
                    double G_an = BookMath.tanhDerivative(n) * G_n;
                    double G_ar = BookMath.sigmoidDerivative(r) * G_an * u[t][s][j];
                    double G_az = BookMath.sigmoidDerivative(z) * G_z;
                    G_ax[s][j] = G_ah[s][j] = G_az;
                    G_ax[s][H + j] = G_ah[s][H + j] = G_ar;
                    G_ax[s][2 * H + j] = G_an;
                    G_ah[s][2 * H + j] = r * G_an;
                    G_hKept[s][j] = G_h[s][j] * z;
                }
            Mat.accumulate(dW, db, x[t], G_ax); // rows [0, F) of dW and b_z, b_r, b_n
            Mat.accumulate(dWh, dbh, hPrev[t], G_ah);
            G_h = Mat.plus(G_hKept, Mat.timesTransposed(G_ah, Wh, H));
        }
        for (int k = 0; k < dWh.length; k++) dW[F * 3 * H + k] += dWh[k];
        for (int j = 0; j < H; j++) db[3 * H + j] += dbh[2 * H + j]; // b_hn; b_h's z and r blocks are zero, not parameters
    }
}
