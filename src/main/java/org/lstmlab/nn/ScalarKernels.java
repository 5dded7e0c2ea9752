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
    public void reluForward(float[] a, float[] act, int H) {
        for (int j = 0; j < H; j++) act[j] = Math.max(a[j], 0f);
    }

    @Override
    public void reluBackward(float[] act, float[] gH, float[] gA, int H) {
        for (int j = 0; j < H; j++) gA[j] = act[j] > 0 ? flush(gH[j]) : 0f;
    }

    private static float flush(float x) { return Math.abs(x) < FLUSH ? 0f : x; }

    /** 1 / (1 + e^−x), kept a normal float for saturated gates as in {@link VectorKernels}. */
    private static float sigmoid(float x) { return (float) (1 / (1 + Math.exp(-Math.max(x, -80f)))); }

    private static float tanh(float x) { return 2 * sigmoid(2 * x) - 1; }
}
