package org.lstmlab.nn;

/**
 * The few float64 matrix operations the reference engine needs. A batch matrix is double[rows][cols];
 * a weight matrix is a flat row-major array (as stored in {@link Parameters}) with its column count.
 */
final class Mat {
    private Mat() {}

    /** A·W + b, with W [A cols x n] row-major. */
    static double[][] affine(double[][] a, double[] w, double[] b, int n) {
        double[][] out = new double[a.length][n];
        for (int r = 0; r < a.length; r++) {
            System.arraycopy(b, 0, out[r], 0, n);
            for (int k = 0; k < a[r].length; k++)
                for (int j = 0; j < n; j++) out[r][j] += a[r][k] * w[k * n + j];
        }
        return out;
    }

    /** G·Wᵀ, with W [k x G cols] row-major: the gradient sent back through A·W. */
    static double[][] timesTransposed(double[][] g, double[] w, int k) {
        int n = g[0].length;
        double[][] out = new double[g.length][k];
        for (int r = 0; r < g.length; r++)
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += g[r][j] * w[i * n + j];
                out[r][i] = s;
            }
        return out;
    }

    /** dW += Aᵀ·G and db += Σ_rows G: the weight and bias gradients of A·W + b. */
    static void accumulate(double[] dW, double[] db, double[][] a, double[][] g) {
        int n = g[0].length;
        for (int r = 0; r < a.length; r++)
            for (int j = 0; j < n; j++) {
                db[j] += g[r][j];
                for (int k = 0; k < a[r].length; k++) dW[k * n + j] += a[r][k] * g[r][j];
            }
    }

    /** [x, h] row by row. */
    static double[][] concat(double[][] x, double[][] h) {
        double[][] z = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            z[r] = new double[x[r].length + h[r].length];
            System.arraycopy(x[r], 0, z[r], 0, x[r].length);
            System.arraycopy(h[r], 0, z[r], x[r].length, h[r].length);
        }
        return z;
    }

    /** Columns [from, from + width) of every row. */
    static double[][] columns(double[][] a, int from, int width) {
        double[][] out = new double[a.length][width];
        for (int r = 0; r < a.length; r++) System.arraycopy(a[r], from, out[r], 0, width);
        return out;
    }

    /** a + b, element by element. */
    static double[][] plus(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            out[r] = a[r].clone();
            for (int j = 0; j < out[r].length; j++) out[r][j] += b[r][j];
        }
        return out;
    }

    /** Frobenius norm. */
    static double norm(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += v * v;
        return Math.sqrt(s);
    }

    static double[][] zeros(int rows, int cols) { return new double[rows][cols]; }
}
