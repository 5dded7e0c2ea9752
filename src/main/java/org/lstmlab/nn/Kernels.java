package org.lstmlab.nn;

import org.lstmlab.recipe.Versions;

/**
 * The float32 inner loops of {@link Float32Engine}. Matrices are row arrays (float[rows][]) whose rows are padded
 * (see {@link #paddedWidth}), so that vector code may load and store a full vector at any column below the
 * logical width. Products may therefore also write pad columns of C; this is harmless because the pad columns of
 * every B operand are kept zero.
 * {@link ScalarKernels} writes them as zero-offset loops that C2 auto-vectorises; VectorKernels uses
 * jdk.incubator.vector and is only ever loaded by name, so a JVM without that module never sees it.
 */
interface Kernels {

    /** Row length for a logical width n: room for one masked vector past any column below n. */
    static int paddedWidth(int n) { return (n + 15) / 16 * 16 + 16; }

    static Kernels of(KernelPath path) {
        switch (path.resolve()) {
            case SCALAR: return new ScalarKernels();
            case VECTOR:
                if (!Versions.vectorApi())
                    throw new IllegalStateException("the vector kernels need --add-modules jdk.incubator.vector");
                try {
                    return (Kernels) Class.forName("org.lstmlab.nn.VectorKernels").getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot load the vector kernels", e);
                }
            default: throw new IllegalArgumentException(path.toString());
        }
    }

    KernelPath path();

    /** c[c0+i][0..n) += Σ_k a[a0+i][aCol+k] · b[b0+k][0..n), for i < m, k < depth. */
    void multiply(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0, float[][] c, int c0, int n);

    /** c[c0+k][0..n) += Σ_i a[a0+i][aCol+k] · b[b0+i][0..n), for k < depth, i < m: C += Aᵀ·B. */
    void multiplyTransposed(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0,
                            float[][] c, int c0, int n);

    /**
     * One LSTM row (protocol §3.3): a holds the pre-activations in blocks f, i, o, g; act receives the activations;
     * c = f⊙cPrev + i⊙g; tanhC = tanh(c); h[hAt..hAt+H) = o⊙tanhC. Outputs never alias inputs; tiny c and h are
     * flushed, so a saturated model does not slow down to subnormal arithmetic.
     */
    void lstmForward(float[] a, float[] cPrev, float[] act, float[] c, float[] tanhC, float[] h, int hAt, int H);

    /**
     * One LSTM row of protocol §7.3, from the activations act, the carried G_h and G_c: writes G_a (blocks f, i, o, g)
     * into gA and the gradient for c_{t−1} into gCPrev. Outputs never alias inputs; tiny values are flushed.
     */
    void lstmBackward(float[] act, float[] tanhC, float[] cPrev, float[] gH, float[] gC, float[] gCPrev,
                      float[] gA, int H);

    /**
     * One GRU row (docs/cells.md): ax = x_t·W_x + b_x and ah = h_{t−1}·W_h + b_h in blocks z, r, n, and h_{t−1} at
     * hPrev[hPrevAt..hPrevAt+H). act receives z, r, n; h[hAt..hAt+H) = (1 − z)⊙n + z⊙h_{t−1}. pre is scratch as wide
     * as ax. Outputs never alias inputs; tiny h is flushed.
     */
    void gruForward(float[] ax, float[] ah, float[] hPrev, int hPrevAt, float[] pre, float[] act, float[] h, int hAt,
                    int H);

    /**
     * One GRU row of the backward pass in docs/cells.md, from the activations act (z, r, n), h_{t−1} and the carried
     * G_h: writes G_ax into gA, and G_h⊙z (the part of G_h(t−1) that skips W_h) into gHPrev. gAh holds ah on entry
     * (its n block is u, the candidate's recurrent part) and G_ah on return. Tiny values are flushed.
     */
    void gruBackward(float[] act, float[] hPrev, int hPrevAt, float[] gH, float[] gA, float[] gAh, float[] gHPrev, int H);

    /** RNN row: act = relu(a). */
    void reluForward(float[] a, float[] act, int H);

    /** RNN row of protocol §7.2: gA = G_h ⊙ sign(h), where act holds h; tiny values are flushed. */
    void reluBackward(float[] act, float[] gH, float[] gA, int H);

    /**
     * Gradients, and the LSTM's c and h and the GRU's h, below this are set to zero. Backprop through hundreds of
     * steps shrinks gradients geometrically, and saturated gates shrink c and h. With σ kept at least FLUSH too
     * ({@link #SATURATED}), a product of up to three values that survive is at least 2^-120, a normal float: below
     * 2^-126 (subnormal) x86 takes microcode assists many times slower than an ordinary multiply, and on the book's
     * unscaled features that cost the overfitting study 14% of its time (docs/engines.md). At 2^-40 a value cannot move
     * a float32 sum of the sizes met here, and a gradient that small moves no weight: Adam's ε = 1e-8 bounds its step
     * to about 1e-4 of the learning rate.
     */
    float FLUSH = 0x1p-40f;

    /** σ's argument is kept above −SATURATED, so that σ ≥ e^-27.7 ≥ FLUSH; tanh(x) = 2σ(2x) − 1 is then −1 exactly. */
    float SATURATED = 27.7f;

    /** sum[0..n) += Σ rows[from..to)[0..n). */
    default void addRows(float[][] rows, int from, int to, float[] sum, int n) {
        for (int r = from; r < to; r++) {
            float[] row = rows[r];
            for (int j = 0; j < n; j++) sum[j] += row[j];
        }
    }

    /** Σ of squares over rows[0..m)[0..n), in float64. */
    default double sumOfSquares(float[][] rows, int m, int n) {
        double s = 0;
        for (int r = 0; r < m; r++)
            for (int j = 0; j < n; j++) s += (double) rows[r][j] * rows[r][j];
        return s;
    }
}
