package org.lstmlab.nn;

/** Kernels as plain loops; every inner loop runs over whole rows from column 0 so that C2 auto-vectorises it. */
final class ScalarKernels implements Kernels {

    @Override
    public KernelPath path() { return KernelPath.SCALAR; }

    @Override
    public void multiply(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0,
                         float[][] c, int c0, int n) {
        for (int i = 0; i < m; i++) {
            float[] ai = a[a0 + i], ci = c[c0 + i];
            for (int k = 0; k < depth; k++) axpy(ai[aCol + k], b[b0 + k], ci, n);
        }
    }

    @Override
    public void multiplyTransposed(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0,
                                   float[][] c, int c0, int n) {
        for (int i = 0; i < m; i++) {
            float[] ai = a[a0 + i], bi = b[b0 + i];
            for (int k = 0; k < depth; k++) axpy(ai[aCol + k], bi, c[c0 + k], n);
        }
    }

    /** y[0..n) += s · x[0..n). */
    private static void axpy(float s, float[] x, float[] y, int n) {
        for (int j = 0; j < n; j++) y[j] += s * x[j];
    }

    @Override
    public void lstmForward(float[] a, float[] cPrev, float[] act, float[] c, float[] tanhC, float[] h, int hAt, int H) {
        for (int j = 0; j < H; j++) {
            float f = sigmoid(a[j]), i = sigmoid(a[H + j]), o = sigmoid(a[2 * H + j]), g = tanh(a[3 * H + j]);
            act[j] = f;
            act[H + j] = i;
            act[2 * H + j] = o;
            act[3 * H + j] = g;
            c[j] = flush(f * cPrev[j] + i * g);
            tanhC[j] = tanh(c[j]);
            h[hAt + j] = flush(o * tanhC[j]);
        }
    }

    @Override
    public void lstmBackward(float[] act, float[] tanhC, float[] cPrev, float[] gH, float[] gC, float[] gCPrev,
                             float[] gA, int H) {
        for (int j = 0; j < H; j++) {
            float f = act[j], i = act[H + j], o = act[2 * H + j], g = act[3 * H + j], tau = tanhC[j];
            float G_tau = gH[j] * o, G_o = gH[j] * tau;
            float G_c = gC[j] + (1 - tau * tau) * G_tau;
            float G_i = G_c * g, G_g = G_c * i, G_f = G_c * cPrev[j];
            gCPrev[j] = flush(G_c * f);
            gA[j] = flush(f * (1 - f) * G_f);
            gA[H + j] = flush(i * (1 - i) * G_i);
            gA[2 * H + j] = flush(o * (1 - o) * G_o);
            gA[3 * H + j] = flush((1 - g * g) * G_g);
        }
    }

    @Override
    public void gruForward(float[] ax, float[] ah, float[] hPrev, int hPrevAt, float[] pre, float[] act, float[] h,
                           int hAt, int H) {
        for (int j = 0; j < H; j++) {
            float z = sigmoid(ax[j] + ah[j]), r = sigmoid(ax[H + j] + ah[H + j]);
            float n = tanh(ax[2 * H + j] + r * ah[2 * H + j]);
            act[j] = z;
            act[H + j] = r;
            act[2 * H + j] = n;
            h[hAt + j] = flush((1 - z) * n + z * hPrev[hPrevAt + j]);
        }
    }

    @Override
    public void gruBackward(float[] act, float[] hPrev, int hPrevAt, float[] gH, float[] gA, float[] gAh, float[] gHPrev,
                            int H) {
        for (int j = 0; j < H; j++) {
            float z = act[j], r = act[H + j], n = act[2 * H + j], u = gAh[2 * H + j];
            float G_z = gH[j] * (hPrev[hPrevAt + j] - n), G_n = gH[j] * (1 - z);
            float G_an = flush((1 - n * n) * G_n);
            gA[j] = gAh[j] = flush(z * (1 - z) * G_z);
            gA[H + j] = gAh[H + j] = flush(r * (1 - r) * G_an * u);
            gA[2 * H + j] = G_an;
            gAh[2 * H + j] = flush(r * G_an);
            gHPrev[j] = flush(gH[j] * z);
        }
    }

    @Override
    public void reluForward(float[] a, float[] act, int H) {
        for (int j = 0; j < H; j++) act[j] = Math.max(a[j], 0f);
    }

    @Override
    public void reluBackward(float[] act, float[] gH, float[] gA, int H) {
        for (int j = 0; j < H; j++) gA[j] = act[j] > 0 ? flush(gH[j]) : 0f;
    }

    static float flush(float x) { return Math.abs(x) < FLUSH ? 0f : x; }

    /** 1 / (1 + e^−x), at least FLUSH for saturated gates ({@link Kernels#SATURATED}). */
    private static float sigmoid(float x) { return (float) (1 / (1 + Math.exp(-Math.max(x, -SATURATED)))); }

    private static float tanh(float x) { return 2 * sigmoid(2 * x) - 1; }
}
