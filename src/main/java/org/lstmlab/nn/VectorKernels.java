package org.lstmlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.AND_NOT;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.LSHL;

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
        activate(a, act, 0, 3 * H, 1f); // f, i, o = σ
        activate(a, act, 3 * H, 4 * H, 2f); // g = tanh
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector f = FloatVector.fromArray(S, act, j), i = FloatVector.fromArray(S, act, H + j);
            FloatVector g = FloatVector.fromArray(S, act, 3 * H + j);
            f.mul(FloatVector.fromArray(S, cPrev, j)).add(i.mul(g)).intoArray(c, j);
        }
        flushRow(c, 0, H);
        activate(c, tanhC, 0, H, 2f);
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector.fromArray(S, act, 2 * H + j).mul(FloatVector.fromArray(S, tanhC, j)).intoArray(h, hAt + j);
        }
        flushRow(h, hAt, hAt + H);
    }

    /**
     * y[from..to) = s·σ(s·x) − (s − 1): σ for s = 1, and tanh = 2σ(2x) − 1 (as in the book) for s = 2; to − from ≥ L.
     * σ's argument is kept above −{@link #SATURATED}, so that σ ≥ FLUSH (see FLUSH for why).
     * e^x is 2^n · 2^f with n = round(x·log2 e) and 2^f by its Taylor series to degree 6 (|f| ≤ 0.5, error about
     * 1e-7): Java 17's vector API has no intrinsic EXP.
     * <p>Written out rather than through helpers that take or return a FloatVector: Java 17's C2 sometimes compiles
     * such a helper on its own, where it cannot see the vector's exact class, and the vectors it passes are boxed.
     * Java 17 remains sensitive to what the JIT saw first, though: in a JVM that trained an RNN before an LSTM, the
     * LSTM often runs 1.5 to 3 times slower (not on Java 25); hence scripts/bench-engine.sh measures each cell in
     * a fresh JVM and reproduce trains its LSTMs first.
     */
    private static void activate(float[] x, float[] y, int from, int to, float s) {
        for (int start = from; start < to; start += L) {
            int j = Math.min(start, to - L);
            FloatVector v = FloatVector.fromArray(S, x, j).mul(-s).max(-87.3f).min(SATURATED).mul(LOG2E);
            FloatVector rounded = v.add(ROUND);
            IntVector n = rounded.reinterpretAsInts().sub(ROUND_BITS);
            FloatVector f = v.sub(rounded.sub(ROUND));
            FloatVector p = f.mul(C6).add(C5).mul(f).add(C4).mul(f).add(C3).mul(f).add(C2).mul(f).add(C1).mul(f)
                    .add(1f);
            FloatVector e = p.mul(n.add(127).lanewise(LSHL, 23).reinterpretAsFloats());
            FloatVector.broadcast(S, s).div(e.add(1f)).sub(s - 1f).intoArray(y, j);
        }
    }

    @Override
    public void lstmBackward(float[] act, float[] tanhC, float[] cPrev, float[] gH, float[] gC, float[] gCPrev,
                             float[] gA, int H) {
        if (H < L) {
            narrow.lstmBackward(act, tanhC, cPrev, gH, gC, gCPrev, gA, H);
            return;
        }
        // Two passes, each recomputing G_c = G_c + (1 − τ²)⊙G_h⊙o from unchanged inputs: one big loop body gets
        // its vectors boxed by C2 on Java 17.
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector f = FloatVector.fromArray(S, act, j), o = FloatVector.fromArray(S, act, 2 * H + j);
            FloatVector tau = FloatVector.fromArray(S, tanhC, j), G_h = FloatVector.fromArray(S, gH, j);
            FloatVector G_c = FloatVector.fromArray(S, gC, j).add(tau.mul(tau).neg().add(1f).mul(G_h.mul(o)));
            G_c.mul(f).intoArray(gCPrev, j);
            f.mul(f.neg().add(1f)).mul(G_c.mul(FloatVector.fromArray(S, cPrev, j))).intoArray(gA, j); // G_f
            o.mul(o.neg().add(1f)).mul(G_h.mul(tau)).intoArray(gA, 2 * H + j); // G_o
        }
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector i = FloatVector.fromArray(S, act, H + j), o = FloatVector.fromArray(S, act, 2 * H + j);
            FloatVector g = FloatVector.fromArray(S, act, 3 * H + j);
            FloatVector tau = FloatVector.fromArray(S, tanhC, j), G_h = FloatVector.fromArray(S, gH, j);
            FloatVector G_c = FloatVector.fromArray(S, gC, j).add(tau.mul(tau).neg().add(1f).mul(G_h.mul(o)));
            i.mul(i.neg().add(1f)).mul(G_c.mul(g)).intoArray(gA, H + j); // G_i
            g.mul(g).neg().add(1f).mul(G_c.mul(i)).intoArray(gA, 3 * H + j); // G_g
        }
        flushRow(gCPrev, 0, H);
        flushRow(gA, 0, 4 * H);
    }

    @Override
    public void gruForward(float[] ax, float[] ah, float[] hPrev, int hPrevAt, float[] pre, float[] act, float[] h,
                           int hAt, int H) {
        if (H < L) {
            narrow.gruForward(ax, ah, hPrev, hPrevAt, pre, act, h, hAt, H);
            return;
        }
        // One pass, every gate in registers (σ written out as in activate, which see for why there are no vector
        // helpers): separate passes per block, H apart, would load vectors spanning two fresh overlapping stores,
        // and such a load waits for both stores to retire.
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector v = FloatVector.fromArray(S, ax, j).add(FloatVector.fromArray(S, ah, j))
                    .neg().max(-87.3f).min(SATURATED).mul(LOG2E);
            FloatVector rounded = v.add(ROUND), f = v.sub(rounded.sub(ROUND));
            FloatVector z = FloatVector.broadcast(S, 1f).div(f.mul(C6).add(C5).mul(f).add(C4).mul(f).add(C3).mul(f)
                    .add(C2).mul(f).add(C1).mul(f).add(1f)
                    .mul(rounded.reinterpretAsInts().sub(ROUND_BITS).add(127).lanewise(LSHL, 23).reinterpretAsFloats())
                    .add(1f));
            v = FloatVector.fromArray(S, ax, H + j).add(FloatVector.fromArray(S, ah, H + j))
                    .neg().max(-87.3f).min(SATURATED).mul(LOG2E);
            rounded = v.add(ROUND);
            f = v.sub(rounded.sub(ROUND));
            FloatVector r = FloatVector.broadcast(S, 1f).div(f.mul(C6).add(C5).mul(f).add(C4).mul(f).add(C3).mul(f)
                    .add(C2).mul(f).add(C1).mul(f).add(1f)
                    .mul(rounded.reinterpretAsInts().sub(ROUND_BITS).add(127).lanewise(LSHL, 23).reinterpretAsFloats())
                    .add(1f));
            v = r.fma(FloatVector.fromArray(S, ah, 2 * H + j), FloatVector.fromArray(S, ax, 2 * H + j))
                    .mul(-2f).max(-87.3f).min(SATURATED).mul(LOG2E); // tanh(x) = 2σ(2x) − 1
            rounded = v.add(ROUND);
            f = v.sub(rounded.sub(ROUND));
            FloatVector n = FloatVector.broadcast(S, 2f).div(f.mul(C6).add(C5).mul(f).add(C4).mul(f).add(C3).mul(f)
                    .add(C2).mul(f).add(C1).mul(f).add(1f)
                    .mul(rounded.reinterpretAsInts().sub(ROUND_BITS).add(127).lanewise(LSHL, 23).reinterpretAsFloats())
                    .add(1f)).sub(1f);
            z.intoArray(act, j);
            r.intoArray(act, H + j);
            n.intoArray(act, 2 * H + j);
            IntVector bits = FloatVector.fromArray(S, hPrev, hPrevAt + j).sub(n).fma(z, n) // n + z⊙(h − n)
                    .reinterpretAsInts();
            bits.lanewise(AND_NOT, bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31)).reinterpretAsFloats()
                    .intoArray(h, hAt + j);
        }
    }

    @Override
    public void gruBackward(float[] act, float[] hPrev, int hPrevAt, float[] gH, float[] gA, float[] gAh, float[] gHPrev,
                            int H) {
        if (H < L) {
            narrow.gruBackward(act, hPrev, hPrevAt, gH, gA, gAh, gHPrev, H);
            return;
        }
        // As in gruForward, nothing stored here is loaded again, and values are flushed in registers (bits with an
        // exponent below FLUSH's give an all-ones arithmetic shift, which clears the lane). The first pass reads u
        // and stores G_ax and G_ah's z and r blocks; the second overwrites u with G_ah's n block, r⊙G_an, recomputing
        // G_an, since the last vector recomputes lanes whose u the first would already have overwritten.
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector z = FloatVector.fromArray(S, act, j), r = FloatVector.fromArray(S, act, H + j);
            FloatVector n = FloatVector.fromArray(S, act, 2 * H + j), G_h = FloatVector.fromArray(S, gH, j);
            IntVector bits = n.mul(n).neg().add(1f).mul(G_h.sub(G_h.mul(z))) // (1 − n²)⊙G_h⊙(1 − z)
                    .reinterpretAsInts();
            FloatVector G_an = bits.lanewise(AND_NOT, bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31))
                    .reinterpretAsFloats();
            G_an.intoArray(gA, 2 * H + j);
            bits = r.sub(r.mul(r)).mul(G_an).mul(FloatVector.fromArray(S, gAh, 2 * H + j)).reinterpretAsInts();
            FloatVector G_ar = bits.lanewise(AND_NOT, bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31))
                    .reinterpretAsFloats();
            G_ar.intoArray(gA, H + j);
            G_ar.intoArray(gAh, H + j);
            bits = z.sub(z.mul(z)).mul(G_h.mul(FloatVector.fromArray(S, hPrev, hPrevAt + j).sub(n)))
                    .reinterpretAsInts();
            FloatVector G_az = bits.lanewise(AND_NOT, bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31))
                    .reinterpretAsFloats();
            G_az.intoArray(gA, j);
            G_az.intoArray(gAh, j);
            bits = G_h.mul(z).reinterpretAsInts();
            bits.lanewise(AND_NOT, bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31)).reinterpretAsFloats()
                    .intoArray(gHPrev, j);
        }
        for (int start = 0; start < H; start += L) {
            int j = Math.min(start, H - L);
            FloatVector z = FloatVector.fromArray(S, act, j), r = FloatVector.fromArray(S, act, H + j);
            FloatVector n = FloatVector.fromArray(S, act, 2 * H + j), G_h = FloatVector.fromArray(S, gH, j);
            IntVector bits = n.mul(n).neg().add(1f).mul(G_h.sub(G_h.mul(z))).reinterpretAsInts();
            bits = r.mul(bits.lanewise(AND_NOT, bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31)).reinterpretAsFloats())
                    .reinterpretAsInts();
            bits.lanewise(AND_NOT, bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31)).reinterpretAsFloats()
                    .intoArray(gAh, 2 * H + j);
        }
    }

    @Override
    public void reluForward(float[] a, float[] act, int H) {
        for (int j = 0; j < H; j += L) FloatVector.fromArray(S, a, j).max(0f).intoArray(act, j);
    }

    @Override
    public void reluBackward(float[] act, float[] gH, float[] gA, int H) {
        FloatVector zero = FloatVector.zero(S);
        for (int j = 0; j < H; j += L)
            zero.blend(FloatVector.fromArray(S, gH, j), FloatVector.fromArray(S, act, j).compare(VectorOperators.GT, 0f))
                    .intoArray(gA, j);
        flushRow(gA, 0, H);
    }

    /**
     * row[from..to) with values below FLUSH in magnitude set to zero, on the bits: an exponent field below
     * FLUSH's gives an all-ones arithmetic shift, which clears the lane. Whole vectors from {@code from}, so it may
     * touch the row's padding or, where to − from is not a multiple of L, recompute a few lanes.
     */
    private static void flushRow(float[] row, int from, int to) {
        for (int start = from; start < to; start += L) {
            int j = Math.min(start, Math.max(from, to - L));
            IntVector bits = FloatVector.fromArray(S, row, j).reinterpretAsInts();
            IntVector tiny = bits.and(EXPONENT).sub(TINY).lanewise(ASHR, 31);
            bits.lanewise(AND_NOT, tiny).reinterpretAsFloats().intoArray(row, j);
        }
    }

    private static final int EXPONENT = 0x7F800000;
    /** 2^f ≈ 1 + C1·f + C2·f² + ... + C6·f⁶ for |f| ≤ 0.5. */
    private static final float C1 = 6.9314718e-1f, C2 = 2.4022651e-1f, C3 = 5.5504109e-2f, C4 = 9.6181291e-3f,
            C5 = 1.3333558e-3f, C6 = 1.5403530e-4f;
    private static final int TINY = Float.floatToRawIntBits(FLUSH);
    private static final float LOG2E = 1.44269504f;
    /** 1.5·2^23: adding it rounds a float of magnitude < 2^22 to the nearest integer, in the low mantissa bits. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = 0x4B400000;
}
