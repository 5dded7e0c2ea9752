package org.lstmlab.features;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Mixed-radix Stockham FFT of length n, decimation in frequency (radix 2, 3, 5 and 7 butterflies written out), on L
 * complex signals at once: one SIMD lane per signal, so every butterfly is plain vector arithmetic. Element j of
 * signal l lives at {@link #re()} + j*L + l and {@link #im()} + j*L + l of the array given at construction: fill
 * them, call {@link #transform()}, and read the result from them again (the buffers swap between passes). The four
 * buffers are consecutive slices of that shared array, {@link #footprint} doubles from the given offset; small lengths
 * keep them all in L1.
 */
final class StockhamFft {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private final int n;
    private final int[] radices;
    private final double[][] twRe, twIm;
    private final double[] a;
    /** Where the current and the next pass's real and imaginary parts start in {@link #a}. */
    private int re, im, re2, im2;

    StockhamFft(int n, int[] radices, double[] memory, int at) {
        this.n = n;
        this.radices = radices;
        a = memory;
        re = at;
        im = at + n * L;
        re2 = at + 2 * n * L;
        im2 = at + 3 * n * L;
        twRe = new double[radices.length][];
        twIm = new double[radices.length][];
        int len = n;
        for (int st = 0; st < radices.length; st++) {
            int p = radices[st], m = len / p;
            twRe[st] = new double[m * (p - 1)];
            twIm[st] = new double[m * (p - 1)];
            for (int i = 0; i < m; i++)
                for (int u = 1; u < p; u++) {
                    double a = -2 * Math.PI * ((long) i * u % len) / len;
                    twRe[st][i * (p - 1) + u - 1] = Math.cos(a);
                    twIm[st][i * (p - 1) + u - 1] = Math.sin(a);
                }
            len = m;
        }
    }

    int re() { return re; }

    int im() { return im; }

    /** The doubles one plan of length n takes in the shared array. */
    static int footprint(int n) { return 4 * n * L; }

    /** Stockham passes: len shrinks by each radix, the stride s grows by it; the result ends in natural order. */
    void transform() { transform(re, im); }

    /**
     * As {@link #transform()}, but the first pass reads its input at fromRe and fromIm of the shared array (a row of
     * a larger buffer, say), which it leaves unchanged; the result lands in this plan's own buffers as usual.
     */
    void transform(int fromRe, int fromIm) {
        int ownRe = re, ownIm = im;
        if (radices.length == 0) {
            System.arraycopy(a, fromRe, a, ownRe, n * L);
            System.arraycopy(a, fromIm, a, ownIm, n * L);
            return;
        }
        re = fromRe;
        im = fromIm;
        int len = n, s = 1;
        for (int st = 0; st < radices.length; st++) {
            int p = radices[st], m = len / p;
            if (p == 2) pass2(m, s, twRe[st], twIm[st]);
            else if (p == 3) pass3(m, s, twRe[st], twIm[st]);
            else if (p == 5) pass5(m, s, twRe[st], twIm[st]);
            else pass7(m, s, twRe[st], twIm[st]);
            int t = re; re = re2; re2 = st == 0 ? ownRe : t;
            t = im; im = im2; im2 = st == 0 ? ownIm : t;
            len = m;
            s *= p;
        }
    }

    // In every pass: input j of butterfly (i, q) is at (s*(i + j*m) + q)*L, output u at (s*(p*i + u) + q)*L,
    // and output u is multiplied by the twiddle w_len^(i*u). Each output's twiddle and store is written out rather
    // than put in a helper: a method taking DoubleVectors that C2 does not inline boxes them (Java 17).

    private void pass2(int m, int s, double[] twr, double[] twi) {
        int block = s * L;
        for (int i = 0; i < m; i++) {
            DoubleVector w1r = DoubleVector.broadcast(S, twr[i]);
            double w1i = twi[i];
            int in0 = s * i * L, in1 = s * (i + m) * L, out0 = s * 2 * i * L, out1 = out0 + block;
            for (int v = 0; v < block; v += L) {
                DoubleVector a0r = DoubleVector.fromArray(S, a, re + in0 + v), a0i = DoubleVector.fromArray(S, a, im + in0 + v);
                DoubleVector a1r = DoubleVector.fromArray(S, a, re + in1 + v), a1i = DoubleVector.fromArray(S, a, im + in1 + v);
                a0r.add(a1r).intoArray(a, re2 + out0 + v);
                a0i.add(a1i).intoArray(a, im2 + out0 + v);
                DoubleVector yr = a0r.sub(a1r), yi = a0i.sub(a1i);
                yr.fma(w1r, yi.mul(-w1i)).intoArray(a, re2 + out1 + v);
                yi.fma(w1r, yr.mul(w1i)).intoArray(a, im2 + out1 + v);
            }
        }
    }

    /** Radix 3 written out: y0 = a0 + s, y1,2 = a0 - s/2 ∓ i·sin(2π/3)·d with s = a1 + a2, d = a1 - a2. */
    private void pass3(int m, int s, double[] twr, double[] twi) {
        final double sn = Math.sin(2 * Math.PI / 3);
        int block = s * L, step = s * m * L;
        for (int i = 0; i < m; i++) {
            DoubleVector w1r = DoubleVector.broadcast(S, twr[2 * i]), w2r = DoubleVector.broadcast(S, twr[2 * i + 1]);
            double w1i = twi[2 * i], w2i = twi[2 * i + 1];
            int in0 = s * i * L, out0 = s * 3 * i * L;
            for (int v = 0; v < block; v += L) {
                int o = in0 + v;
                DoubleVector a0r = DoubleVector.fromArray(S, a, re + o), a0i = DoubleVector.fromArray(S, a, im + o);
                DoubleVector a1r = DoubleVector.fromArray(S, a, re + o + step), a1i = DoubleVector.fromArray(S, a, im + o + step);
                DoubleVector a2r = DoubleVector.fromArray(S, a, re + o + 2 * step), a2i = DoubleVector.fromArray(S, a, im + o + 2 * step);
                DoubleVector sr = a1r.add(a2r), si = a1i.add(a2i), dr = a1r.sub(a2r).mul(sn), di = a1i.sub(a2i).mul(sn);
                a0r.add(sr).intoArray(a, re2 + out0 + v);
                a0i.add(si).intoArray(a, im2 + out0 + v);
                DoubleVector ar = sr.mul(-0.5).add(a0r), ai = si.mul(-0.5).add(a0i);
                DoubleVector yr = ar.add(di), yi = ai.sub(dr);
                yr.fma(w1r, yi.mul(-w1i)).intoArray(a, re2 + out0 + block + v);
                yi.fma(w1r, yr.mul(w1i)).intoArray(a, im2 + out0 + block + v);
                yr = ar.sub(di);
                yi = ai.add(dr);
                yr.fma(w2r, yi.mul(-w2i)).intoArray(a, re2 + out0 + 2 * block + v);
                yi.fma(w2r, yr.mul(w2i)).intoArray(a, im2 + out0 + 2 * block + v);
            }
        }
    }

    /**
     * Radix 5 written out: with t_j = a_j + a_{5-j}, d_j = a_j - a_{5-j}, c_k = cos(2πk/5), s_k = sin(2πk/5),
     * y_u = A_u - iB_u and y_{5-u} = A_u + iB_u where A_1 = a0 + c1 t1 + c2 t2, A_2 = a0 + c2 t1 + c1 t2,
     * B_1 = s1 d1 + s2 d2, B_2 = s2 d1 - s1 d2.
     */
    private void pass5(int m, int s, double[] twr, double[] twi) {
        DoubleVector c1 = DoubleVector.broadcast(S, cos(1, 5)), c2 = DoubleVector.broadcast(S, cos(2, 5));
        DoubleVector s1 = DoubleVector.broadcast(S, sin(1, 5)), s2 = DoubleVector.broadcast(S, sin(2, 5)), ns1 = s1.neg();
        int block = s * L, step = s * m * L;
        for (int i = 0; i < m; i++) {
            int in0 = s * i * L, out0 = s * 5 * i * L, t = 4 * i;
            for (int v = 0; v < block; v += L) {
                int o = in0 + v, out = out0 + v;
                DoubleVector yr, yi, wr;
                double wi;
                DoubleVector a0r = DoubleVector.fromArray(S, a, re + o), a0i = DoubleVector.fromArray(S, a, im + o);
                DoubleVector a1r = DoubleVector.fromArray(S, a, re + o + step), a1i = DoubleVector.fromArray(S, a, im + o + step);
                DoubleVector a2r = DoubleVector.fromArray(S, a, re + o + 2 * step), a2i = DoubleVector.fromArray(S, a, im + o + 2 * step);
                DoubleVector a3r = DoubleVector.fromArray(S, a, re + o + 3 * step), a3i = DoubleVector.fromArray(S, a, im + o + 3 * step);
                DoubleVector a4r = DoubleVector.fromArray(S, a, re + o + 4 * step), a4i = DoubleVector.fromArray(S, a, im + o + 4 * step);
                DoubleVector t1r = a1r.add(a4r), t1i = a1i.add(a4i), t2r = a2r.add(a3r), t2i = a2i.add(a3i);
                DoubleVector d1r = a1r.sub(a4r), d1i = a1i.sub(a4i), d2r = a2r.sub(a3r), d2i = a2i.sub(a3i);
                a0r.add(t1r).add(t2r).intoArray(a, re2 + out);
                a0i.add(t1i).add(t2i).intoArray(a, im2 + out);
                DoubleVector p1r = t1r.fma(c1, t2r.fma(c2, a0r)), p1i = t1i.fma(c1, t2i.fma(c2, a0i));
                DoubleVector p2r = t1r.fma(c2, t2r.fma(c1, a0r)), p2i = t1i.fma(c2, t2i.fma(c1, a0i));
                DoubleVector q1r = d1r.fma(s1, d2r.mul(s2)), q1i = d1i.fma(s1, d2i.mul(s2));
                DoubleVector q2r = d1r.fma(s2, d2r.mul(ns1)), q2i = d1i.fma(s2, d2i.mul(ns1));
                yr = p1r.add(q1i); yi = p1i.sub(q1r); wr = DoubleVector.broadcast(S, twr[t]); wi = twi[t];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + block);
                yr = p2r.add(q2i); yi = p2i.sub(q2r); wr = DoubleVector.broadcast(S, twr[t + 1]); wi = twi[t + 1];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 2 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 2 * block);
                yr = p2r.sub(q2i); yi = p2i.add(q2r); wr = DoubleVector.broadcast(S, twr[t + 2]); wi = twi[t + 2];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 3 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 3 * block);
                yr = p1r.sub(q1i); yi = p1i.add(q1r); wr = DoubleVector.broadcast(S, twr[t + 3]); wi = twi[t + 3];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 4 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 4 * block);
            }
        }
    }

    /**
     * Radix 7 written out, as radix 5: A_1 = a0 + c1 t1 + c2 t2 + c3 t3, A_2 = a0 + c2 t1 + c3 t2 + c1 t3,
     * A_3 = a0 + c3 t1 + c1 t2 + c2 t3, B_1 = s1 d1 + s2 d2 + s3 d3, B_2 = s2 d1 - s3 d2 - s1 d3,
     * B_3 = s3 d1 - s1 d2 + s2 d3 (cos(2πk/7) and sin(2πk/7) folded back to k = 1..3).
     */
    private void pass7(int m, int s, double[] twr, double[] twi) {
        DoubleVector c1 = DoubleVector.broadcast(S, cos(1, 7)), c2 = DoubleVector.broadcast(S, cos(2, 7));
        DoubleVector c3 = DoubleVector.broadcast(S, cos(3, 7)), s1 = DoubleVector.broadcast(S, sin(1, 7));
        DoubleVector s2 = DoubleVector.broadcast(S, sin(2, 7)), s3 = DoubleVector.broadcast(S, sin(3, 7));
        DoubleVector ns1 = s1.neg(), ns3 = s3.neg();
        int block = s * L, step = s * m * L;
        for (int i = 0; i < m; i++) {
            int in0 = s * i * L, out0 = s * 7 * i * L, t = 6 * i;
            for (int v = 0; v < block; v += L) {
                int o = in0 + v, out = out0 + v;
                DoubleVector yr, yi, wr;
                double wi;
                DoubleVector a0r = DoubleVector.fromArray(S, a, re + o), a0i = DoubleVector.fromArray(S, a, im + o);
                DoubleVector a1r = DoubleVector.fromArray(S, a, re + o + step), a1i = DoubleVector.fromArray(S, a, im + o + step);
                DoubleVector a2r = DoubleVector.fromArray(S, a, re + o + 2 * step), a2i = DoubleVector.fromArray(S, a, im + o + 2 * step);
                DoubleVector a3r = DoubleVector.fromArray(S, a, re + o + 3 * step), a3i = DoubleVector.fromArray(S, a, im + o + 3 * step);
                DoubleVector a4r = DoubleVector.fromArray(S, a, re + o + 4 * step), a4i = DoubleVector.fromArray(S, a, im + o + 4 * step);
                DoubleVector a5r = DoubleVector.fromArray(S, a, re + o + 5 * step), a5i = DoubleVector.fromArray(S, a, im + o + 5 * step);
                DoubleVector a6r = DoubleVector.fromArray(S, a, re + o + 6 * step), a6i = DoubleVector.fromArray(S, a, im + o + 6 * step);
                DoubleVector t1r = a1r.add(a6r), t1i = a1i.add(a6i), d1r = a1r.sub(a6r), d1i = a1i.sub(a6i);
                DoubleVector t2r = a2r.add(a5r), t2i = a2i.add(a5i), d2r = a2r.sub(a5r), d2i = a2i.sub(a5i);
                DoubleVector t3r = a3r.add(a4r), t3i = a3i.add(a4i), d3r = a3r.sub(a4r), d3i = a3i.sub(a4i);
                a0r.add(t1r).add(t2r).add(t3r).intoArray(a, re2 + out);
                a0i.add(t1i).add(t2i).add(t3i).intoArray(a, im2 + out);
                DoubleVector p1r = t1r.fma(c1, t2r.fma(c2, t3r.fma(c3, a0r))), p1i = t1i.fma(c1, t2i.fma(c2, t3i.fma(c3, a0i)));
                DoubleVector p2r = t1r.fma(c2, t2r.fma(c3, t3r.fma(c1, a0r))), p2i = t1i.fma(c2, t2i.fma(c3, t3i.fma(c1, a0i)));
                DoubleVector p3r = t1r.fma(c3, t2r.fma(c1, t3r.fma(c2, a0r))), p3i = t1i.fma(c3, t2i.fma(c1, t3i.fma(c2, a0i)));
                DoubleVector q1r = d1r.fma(s1, d2r.fma(s2, d3r.mul(s3))), q1i = d1i.fma(s1, d2i.fma(s2, d3i.mul(s3)));
                DoubleVector q2r = d1r.fma(s2, d2r.fma(ns3, d3r.mul(ns1))), q2i = d1i.fma(s2, d2i.fma(ns3, d3i.mul(ns1)));
                DoubleVector q3r = d1r.fma(s3, d2r.fma(ns1, d3r.mul(s2))), q3i = d1i.fma(s3, d2i.fma(ns1, d3i.mul(s2)));
                yr = p1r.add(q1i); yi = p1i.sub(q1r); wr = DoubleVector.broadcast(S, twr[t]); wi = twi[t];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + block);
                yr = p2r.add(q2i); yi = p2i.sub(q2r); wr = DoubleVector.broadcast(S, twr[t + 1]); wi = twi[t + 1];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 2 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 2 * block);
                yr = p3r.add(q3i); yi = p3i.sub(q3r); wr = DoubleVector.broadcast(S, twr[t + 2]); wi = twi[t + 2];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 3 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 3 * block);
                yr = p3r.sub(q3i); yi = p3i.add(q3r); wr = DoubleVector.broadcast(S, twr[t + 3]); wi = twi[t + 3];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 4 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 4 * block);
                yr = p2r.sub(q2i); yi = p2i.add(q2r); wr = DoubleVector.broadcast(S, twr[t + 4]); wi = twi[t + 4];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 5 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 5 * block);
                yr = p1r.sub(q1i); yi = p1i.add(q1r); wr = DoubleVector.broadcast(S, twr[t + 5]); wi = twi[t + 5];
                yr.fma(wr, yi.mul(-wi)).intoArray(a, re2 + out + 6 * block);
                yi.fma(wr, yr.mul(wi)).intoArray(a, im2 + out + 6 * block);
            }
        }
    }

    /** cos(2πk/p) and sin(2πk/p) for the butterflies; as doubles, since a helper returning a vector may box it. */
    private static double cos(int k, int p) { return Math.cos(2 * Math.PI * k / p); }

    private static double sin(int k, int p) { return Math.sin(2 * Math.PI * k / p); }
}
