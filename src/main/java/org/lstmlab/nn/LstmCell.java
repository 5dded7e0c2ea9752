package org.lstmlab.nn;

/**
 * Protocol §3.3 and §7.3: one matrix W with gate blocks f, i, o, g (columns [0,H), [H,2H), [2H,3H), [3H,4H)).
 * a = z_t·W + b; f = σ(a_f), i = σ(a_i), o = σ(a_o), g = tanh(a_g); c_t = f⊙c_{t−1} + i⊙g; h_t = o⊙tanh(c_t).
 * With useState the per-step output is c_t instead of h_t.
 */
final class LstmCell implements RecurrentCell {
    private final double[] W, b;
    private final int F, H;
    private final boolean useState;
    /** Per step: z_t, the gates, c_{t−1}, c_t, τ = tanh(c_t) and h_t, each [B][H] (z_t is [B][F+H]). */
    private double[][][] z, f, i, o, g, cPrev, c, tau, h;

    LstmCell(Parameters p, boolean useState) {
        this.W = p.w;
        this.b = p.b;
        this.F = p.config.inputs();
        this.H = p.config.hidden();
        this.useState = useState;
    }

    @Override
    public double[][] forward(double[][][] x, int[] lengths) {
        int steps = x.length, B = lengths.length;
        z = new double[steps][][]; f = new double[steps][][]; i = new double[steps][][]; o = new double[steps][][];
        g = new double[steps][][]; cPrev = new double[steps][][]; c = new double[steps][][];
        tau = new double[steps][][]; h = new double[steps][][];
        double[][] hLast = Mat.zeros(B, H), cLast = Mat.zeros(B, H);
        for (int t = 0; t < steps; t++) {
            z[t] = Mat.concat(x[t], hLast);
            double[][] a = Mat.affine(z[t], W, b, 4 * H);
            step(t, a, cLast);
            hLast = h[t];
            cLast = c[t];
        }
        return RecurrentCell.atLastValidStep(useState ? c : h, lengths);
    }

    private void step(int t, double[][] a, double[][] cLast) {
        int B = a.length;
        f[t] = new double[B][H]; i[t] = new double[B][H]; o[t] = new double[B][H]; g[t] = new double[B][H];
        c[t] = new double[B][H]; tau[t] = new double[B][H]; h[t] = new double[B][H];
        cPrev[t] = cLast;
        for (int r = 0; r < B; r++)
            for (int j = 0; j < H; j++) {
                f[t][r][j] = BookMath.sigmoid(a[r][j]);
                i[t][r][j] = BookMath.sigmoid(a[r][H + j]);
                o[t][r][j] = BookMath.sigmoid(a[r][2 * H + j]);
                g[t][r][j] = BookMath.tanh(a[r][3 * H + j]);
                c[t][r][j] = f[t][r][j] * cLast[r][j] + i[t][r][j] * g[t][r][j];
                tau[t][r][j] = BookMath.tanh(c[t][r][j]);
                h[t][r][j] = o[t][r][j] * tau[t][r][j];
            }
    }

    @Override
    public void backward(double[][] gOut, int[] lengths, double[] dW, double[] db, double[] hiddenGradNorms) {
        int B = lengths.length;
        double[][] G_h = Mat.zeros(B, H), G_c = Mat.zeros(B, H);
        for (int t = h.length - 1; t >= 0; t--) {
            RecurrentCell.inject(useState ? G_c : G_h, gOut, lengths, t);
            if (hiddenGradNorms != null) hiddenGradNorms[t] = Mat.norm(G_h);
            double[][] G_a = gateGradients(t, G_h, G_c);
            Mat.accumulate(dW, db, z[t], G_a);
            double[][] G_z = Mat.timesTransposed(G_a, W, F + H);
            G_h = Mat.columns(G_z, F, H);
        }
    }

    /** One step of protocol §7.3; updates G_c in place to the gradient for c_{t−1} and returns G_a in blocks f, i, o, g. */
    private double[][] gateGradients(int t, double[][] G_h, double[][] G_c) {
        int B = G_h.length;
        double[][] G_a = new double[B][4 * H];
        for (int r = 0; r < B; r++)
            for (int j = 0; j < H; j++) {
                double f = this.f[t][r][j], i = this.i[t][r][j], o = this.o[t][r][j], g = this.g[t][r][j];
                double tau = this.tau[t][r][j];
                double G_tau = G_h[r][j] * o;
                double G_o = G_h[r][j] * tau;
                G_c[r][j] += BookMath.tanhDerivative(tau) * G_tau;
                double G_i = G_c[r][j] * g;
                double G_g = G_c[r][j] * i;
                double G_f = G_c[r][j] * cPrev[t][r][j];
                G_c[r][j] *= f;
                G_a[r][j] = BookMath.sigmoidDerivative(f) * G_f;
                G_a[r][H + j] = BookMath.sigmoidDerivative(i) * G_i;
                G_a[r][2 * H + j] = BookMath.sigmoidDerivative(o) * G_o;
                G_a[r][3 * H + j] = BookMath.tanhDerivative(g) * G_g;
            }
        return G_a;
    }
}
