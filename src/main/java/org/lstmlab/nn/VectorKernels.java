package org.lstmlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on jdk.incubator.vector, loaded only by name from {@link Kernels#of}. No masks (slow on Java 17):
 * products run over whole vectors into the rows' padding, and row-wise cell code covers a width H ≥ L with
 * vectors at 0, L, 2L, ... plus one last vector ending exactly at H (it recomputes a few lanes, which is harmless
 * because no output aliases an input). The products are in {@link VectorProducts}.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Cell rows narrower than one vector. */
    private final ScalarKernels narrow = new ScalarKernels();

    @Override
    public KernelPath path() { return KernelPath.VECTOR; }

    @Override
    public void multiply(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0,
                         float[][] c, int c0, int n) {
        VectorProducts.multiply(a, a0, aCol, m, depth, b, b0, c, c0, n);
    }

    @Override
    public void multiplyTransposed(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0,
                                   float[][] c, int c0, int n) {
        VectorProducts.multiplyTransposed(a, a0, aCol, m, depth, b, b0, c, c0, n);
    }

    @Override
    public void lstmForward(float[] a, float[] cPrev, float[] act, float[] c, float[] tanhC, float[] h, int hAt, int H) {
        if (H < L) {
            narrow.lstmForward(a, cPrev, act, c, tanhC, h, hAt, H);
            return;
        }
        sigmoidRow(a, act, 0, 3 * H); // f, i, o
        tanhRow(a, act, 3 * H, 4 * H); // g
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector f = FloatVector.fromArray(S, act, j), i = FloatVector.fromArray(S, act, H + j);
            FloatVector g = FloatVector.fromArray(S, act, 3 * H + j);
            flush(f.mul(FloatVector.fromArray(S, cPrev, j)).add(i.mul(g))).intoArray(c, j);
        }
        tanhRow(c, tanhC, 0, H);
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            flush(FloatVector.fromArray(S, act, 2 * H + j).mul(FloatVector.fromArray(S, tanhC, j))).intoArray(h, hAt + j);
        }
    }

    /**
     * y[from..to) = σ(x[from..to)), to − from ≥ L. One call site of exp per loop keeps the method small enough
     * for C2 to inline every vector operation (otherwise vectors get boxed).
     */
    private static void sigmoidRow(float[] x, float[] y, int from, int to) {
        for (int start = from; start < to; start += L) {
            int j = Math.min(start, to - L);
            sigmoid(FloatVector.fromArray(S, x, j)).intoArray(y, j);
        }
    }

    private static void tanhRow(float[] x, float[] y, int from, int to) {
        for (int start = from; start < to; start += L) {
            int j = Math.min(start, to - L);
            tanh(FloatVector.fromArray(S, x, j)).intoArray(y, j);
        }
    }

    @Override
    public void lstmBackward(float[] act, float[] tanhC, float[] cPrev, float[] gH, float[] gC, float[] gCPrev,
                             float[] gA, int H) {
        if (H < L) {
            narrow.lstmBackward(act, tanhC, cPrev, gH, gC, gCPrev, gA, H);
            return;
        }
        // Two passes, each recomputing G_c from unchanged inputs, then a flush pass: one big loop body gets its
        // vectors boxed by C2 on Java 17.
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector f = FloatVector.fromArray(S, act, j), o = FloatVector.fromArray(S, act, 2 * H + j);
            FloatVector tau = FloatVector.fromArray(S, tanhC, j), G_h = FloatVector.fromArray(S, gH, j);
            FloatVector G_c = cellGradient(gC, tau, G_h, o, j);
            FloatVector G_f = G_c.mul(FloatVector.fromArray(S, cPrev, j)), G_o = G_h.mul(tau);
            G_c.mul(f).intoArray(gCPrev, j);
            sigmoidDerivative(f).mul(G_f).intoArray(gA, j);
            sigmoidDerivative(o).mul(G_o).intoArray(gA, 2 * H + j);
        }
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector i = FloatVector.fromArray(S, act, H + j), o = FloatVector.fromArray(S, act, 2 * H + j);
            FloatVector g = FloatVector.fromArray(S, act, 3 * H + j);
            FloatVector G_c = cellGradient(gC, FloatVector.fromArray(S, tanhC, j), FloatVector.fromArray(S, gH, j), o, j);
            FloatVector G_i = G_c.mul(g), G_g = G_c.mul(i);
            sigmoidDerivative(i).mul(G_i).intoArray(gA, H + j);
            oneMinusSquare(g).mul(G_g).intoArray(gA, 3 * H + j);
        }
        flushRow(gCPrev, H);
        flushRow(gA, 4 * H);
    }

    /** G_c after this step's contribution: G_c + (1 − τ²)⊙G_τ with G_τ = G_h⊙o. */
    private static FloatVector cellGradient(float[] gC, FloatVector tau, FloatVector G_h, FloatVector o, int j) {
        return FloatVector.fromArray(S, gC, j).add(oneMinusSquare(tau).mul(G_h.mul(o)));
    }

    @Override
    public void reluForward(float[] a, float[] act, int H) {
        for (int j = 0; j < H; j += L) FloatVector.fromArray(S, a, j).max(0f).intoArray(act, j);
    }

    @Override
    public void reluBackward(float[] act, float[] gH, float[] gA, int H) {
        FloatVector zero = FloatVector.zero(S);
        for (int j = 0; j < H; j += L) {
            FloatVector G_h = flush(FloatVector.fromArray(S, gH, j));
            zero.blend(G_h, FloatVector.fromArray(S, act, j).compare(VectorOperators.GT, 0f)).intoArray(gA, j);
        }
    }

    /**
     * x, with lanes below FLUSH = 2^-100 in magnitude set to zero, on the bits: an exponent field below
     * 2^-100's gives an all-ones arithmetic shift, which clears the lane.
     */
    /** row[0..n) = flush(row[0..n)), whole vectors into the padding. */
    private static void flushRow(float[] row, int n) {
        for (int j = 0; j < n; j += L) flush(FloatVector.fromArray(S, row, j)).intoArray(row, j);
    }

    private static FloatVector flush(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        IntVector tiny = bits.and(0x7F800000).sub(FLUSH_EXPONENT_BITS).lanewise(VectorOperators.ASHR, 31);
        return bits.lanewise(VectorOperators.AND_NOT, tiny).reinterpretAsFloats();
    }

    private static final int FLUSH_EXPONENT_BITS = Float.floatToRawIntBits(FLUSH);

    private static FloatVector sigmoidDerivative(FloatVector y) { return y.mul(y.neg().add(1f)); }

    private static FloatVector oneMinusSquare(FloatVector y) { return y.mul(y).neg().add(1f); }

    /**
     * 1 / (1 + e^−x), with e^−x at most e^80 so that σ stays a normal float (≥ 1.8e-35): a saturated gate would
     * otherwise be subnormal, and so would c and h after it, which makes float32 arithmetic about 5x slower.
     */
    private static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(exp(x.neg().min(SATURATED)).add(1f));
    }

    /** 2σ(2x) − 1, as in the book. */
    private static FloatVector tanh(FloatVector x) { return sigmoid(x.mul(2f)).mul(2f).sub(1f); }

    private static final float SATURATED = 80f;
    private static final float LOG2E = 1.44269504f;
    /** 1.5·2^23: adding it rounds a float of magnitude < 2^22 to the nearest integer, in the low mantissa bits. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = 0x4B400000;

    /**
     * e^x as 2^n · 2^f with n = round(x·log2 e) and 2^f = e^(f·ln2) by its Taylor series to degree 6
     * (|f| ≤ 0.5, error about 1e-7): Java 17's vector API has no intrinsic EXP. x is clamped so the result stays
     * a normal float.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector y = x.max(-87.3f).min(88.3f).mul(LOG2E);
        FloatVector rounded = y.add(ROUND);
        IntVector n = rounded.reinterpretAsInts().sub(ROUND_BITS);
        FloatVector f = y.sub(rounded.sub(ROUND));
        FloatVector p = f.mul(1.5403530e-4f).add(1.3333558e-3f);
        p = p.mul(f).add(9.6181291e-3f);
        p = p.mul(f).add(5.5504109e-2f);
        p = p.mul(f).add(2.4022651e-1f);
        p = p.mul(f).add(6.9314718e-1f);
        p = p.mul(f).add(1f);
        FloatVector twoToN = n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(twoToN);
    }
}
