package org.lstmlab.nn;

/** Protocol §3.2 and §7.2: z_t = [x_t, h_{t−1}], h_t = relu(z_t·W + b). */
final class RnnCell implements RecurrentCell {
    private final double[] W, b;
    private final int F, H;
    /** Per step: the input z_t and the output h_t. */
    private double[][][] z, h;

    RnnCell(Parameters p) {
        this.W = p.w;
        this.b = p.b;
        this.F = p.config.inputs();
        this.H = p.config.hidden();
    }

    @Override
    public double[][] forward(double[][][] x, int[] lengths) {
        int steps = x.length, B = lengths.length;
        z = new double[steps][][];
        h = new double[steps][][];
        double[][] hPrev = Mat.zeros(B, H);
        for (int t = 0; t < steps; t++) {
            z[t] = Mat.concat(x[t], hPrev);
            double[][] a = Mat.affine(z[t], W, b, H);
            h[t] = new double[B][H];
            for (int r = 0; r < B; r++)
                for (int j = 0; j < H; j++) h[t][r][j] = BookMath.relu(a[r][j]);
            hPrev = h[t];
        }
        return RecurrentCell.atLastValidStep(h, lengths);
    }

    @Override
    public void backward(double[][] gOut, int[] lengths, double[] dW, double[] db, double[] hiddenGradNorms) {
        int B = lengths.length;
        double[][] G_h = Mat.zeros(B, H);
        for (int t = h.length - 1; t >= 0; t--) {
            RecurrentCell.inject(G_h, gOut, lengths, t);
            if (hiddenGradNorms != null) hiddenGradNorms[t] = Mat.norm(G_h);
            double[][] G_a = new double[B][H];
            for (int r = 0; r < B; r++)
                for (int j = 0; j < H; j++) G_a[r][j] = G_h[r][j] * BookMath.reluDerivative(h[t][r][j]);
            Mat.accumulate(dW, db, z[t], G_a);
            double[][] G_z = Mat.timesTransposed(G_a, W, F + H);
            G_h = Mat.columns(G_z, F, H);
        }
    }
}
