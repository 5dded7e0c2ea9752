package org.lstmlab.features;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Mixed-radix Stockham FFT, decimation in frequency (radix 2 and 3 written out, 5 and 7 through the odd-radix loop),
 * run on L signals at once: one SIMD lane per signal, so every butterfly is plain vector arithmetic. Two real frames share one complex transform (re = frame a,
 * im = frame b), so a call handles 2L frames. Element j of signal l lives at index j*L + l.
 */
final class VectorFftSpectrum implements FrameSpectrum {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final int n, lo, g, bands;
    private final int[] radices;
    private final double[] window;
    private final double[][] twRe, twIm;
    private final int[] startsA = new int[L], startsB = new int[L];
    private double[] re, im, re2, im2;

    VectorFftSpectrum(int n, int[] radices, int lo, int g, int bands, double[] window) {
        this.n = n;
        this.radices = radices;
        this.lo = lo;
        this.g = g;
        this.bands = bands;
        this.window = window;
        re = new double[n * L];
        im = new double[n * L];
        re2 = new double[n * L];
        im2 = new double[n * L];
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

    @Override public int batch() { return 2 * L; }

    @Override
    public void bandSums(double[] x, int[] starts, int count, double[][] out) {
        load(x, starts, count);
        transform();
        double[] sumA = new double[L], sumB = new double[L];
        for (int j = 0; j < bands; j++) {
            DoubleVector sa = DoubleVector.zero(S), sb = DoubleVector.zero(S);
            for (int k = lo + j * g; k < lo + (j + 1) * g; k++) {
                // X_a[k] = (Z[k] + conj Z[n-k]) / 2 and X_b[k] = (Z[k] - conj Z[n-k]) / 2i; the halves are applied below
                int a = k % n * L, b = (n - k % n) % n * L;
                DoubleVector zr = DoubleVector.fromArray(S, re, a), zi = DoubleVector.fromArray(S, im, a);
                DoubleVector cr = DoubleVector.fromArray(S, re, b), ci = DoubleVector.fromArray(S, im, b);
                DoubleVector ar = zr.add(cr), ai = zi.sub(ci), br = zi.add(ci), bi = zr.sub(cr);
                sa = sa.add(ar.mul(ar).add(ai.mul(ai)).sqrt());
                sb = sb.add(br.mul(br).add(bi.mul(bi)).sqrt());
            }
            sa.mul(0.5).intoArray(sumA, 0);
            sb.mul(0.5).intoArray(sumB, 0);
            for (int l = 0; 2 * l < count; l++) {
                out[2 * l][j] = sumA[l];
                if (2 * l + 1 < count) out[2 * l + 1][j] = sumB[l];
            }
        }
    }

    /** Gathers frame 2l into lane l of re and frame 2l+1 into lane l of im; lanes past count repeat frame 0, unused. */
    private void load(double[] x, int[] starts, int count) {
        for (int l = 0; l < L; l++) {
            startsA[l] = starts[2 * l < count ? 2 * l : 0];
            startsB[l] = starts[2 * l + 1 < count ? 2 * l + 1 : 0];
        }
        for (int j = 0; j < n; j++) {
            DoubleVector a = DoubleVector.fromArray(S, x, j, startsA, 0), b = DoubleVector.fromArray(S, x, j, startsB, 0);
            if (window != null) {
                a = a.mul(window[j]);
                b = b.mul(window[j]);
            }
            a.intoArray(re, j * L);
            b.intoArray(im, j * L);
        }
    }

    /** Stockham passes: len shrinks by each radix, the stride s grows by it; the result ends in natural order. */
    private void transform() {
        int len = n, s = 1;
        for (int st = 0; st < radices.length; st++) {
            int p = radices[st], m = len / p;
            if (p == 2) pass2(m, s, twRe[st], twIm[st]);
            else if (p == 3) pass3(m, s, twRe[st], twIm[st]);
            else passOdd(p, m, s, twRe[st], twIm[st]);
            double[] t = re; re = re2; re2 = t;
            t = im; im = im2; im2 = t;
            len = m;
            s *= p;
        }
    }

    // In every pass: input j of butterfly (i, q) is at (s*(i + j*m) + q)*L, output u at (s*(p*i + u) + q)*L,
    // and output u is multiplied by the twiddle w_len^(i*u).

    private void pass2(int m, int s, double[] twr, double[] twi) {
        int block = s * L;
        for (int i = 0; i < m; i++) {
            double w1r = twr[i], w1i = twi[i];
            int in0 = s * i * L, in1 = s * (i + m) * L, out0 = s * 2 * i * L, out1 = out0 + block;
            for (int v = 0; v < block; v += L) {
                DoubleVector a0r = DoubleVector.fromArray(S, re, in0 + v), a0i = DoubleVector.fromArray(S, im, in0 + v);
                DoubleVector a1r = DoubleVector.fromArray(S, re, in1 + v), a1i = DoubleVector.fromArray(S, im, in1 + v);
                a0r.add(a1r).intoArray(re2, out0 + v);
                a0i.add(a1i).intoArray(im2, out0 + v);
                twiddle(a0r.sub(a1r), a0i.sub(a1i), w1r, w1i, out1 + v);
            }
        }
    }

    /** Radix 3 written out: y0 = a0 + s, y1,2 = a0 - s/2 ∓ i·sin(2π/3)·d with s = a1 + a2, d = a1 - a2. */
    private void pass3(int m, int s, double[] twr, double[] twi) {
        final double sn = Math.sin(2 * Math.PI / 3);
        int block = s * L, step = s * m * L;
        for (int i = 0; i < m; i++) {
            double w1r = twr[2 * i], w1i = twi[2 * i], w2r = twr[2 * i + 1], w2i = twi[2 * i + 1];
            int in0 = s * i * L, out0 = s * 3 * i * L;
            for (int v = 0; v < block; v += L) {
                int o = in0 + v;
                DoubleVector a0r = DoubleVector.fromArray(S, re, o), a0i = DoubleVector.fromArray(S, im, o);
                DoubleVector a1r = DoubleVector.fromArray(S, re, o + step), a1i = DoubleVector.fromArray(S, im, o + step);
                DoubleVector a2r = DoubleVector.fromArray(S, re, o + 2 * step), a2i = DoubleVector.fromArray(S, im, o + 2 * step);
                DoubleVector sr = a1r.add(a2r), si = a1i.add(a2i), dr = a1r.sub(a2r).mul(sn), di = a1i.sub(a2i).mul(sn);
                a0r.add(sr).intoArray(re2, out0 + v);
                a0i.add(si).intoArray(im2, out0 + v);
                DoubleVector ar = sr.mul(-0.5).add(a0r), ai = si.mul(-0.5).add(a0i);
                twiddle(ar.add(di), ai.sub(dr), w1r, w1i, out0 + block + v);
                twiddle(ar.sub(di), ai.add(dr), w2r, w2i, out0 + 2 * block + v);
            }
        }
    }

    /**
     * Odd radix p, h = (p-1)/2: with s_j = a_j + a_{p-j}, d_j = a_j - a_{p-j}, A_u = a_0 + Σ_j s_j cos(2πju/p) and
     * B_u = Σ_j d_j sin(2πju/p), y_u = A_u - iB_u and y_{p-u} = A_u + iB_u. Loops instead of unrolled code keep the
     * method small enough for C2 to inline every vector operation (boxed vectors would be ~100x slower).
     */
    private void passOdd(int p, int m, int s, double[] twr, double[] twi) {
        int h = (p - 1) / 2, block = s * L, step = s * m * L;
        double[] cos = new double[p], sin = new double[p];
        for (int k = 0; k < p; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / p);
            sin[k] = Math.sin(2 * Math.PI * k / p);
        }
        for (int i = 0; i < m; i++) {
            int in0 = s * i * L, out0 = s * p * i * L, t = (p - 1) * i;
            for (int v = 0; v < block; v += L) {
                int o = in0 + v;
                DoubleVector a0r = DoubleVector.fromArray(S, re, o), a0i = DoubleVector.fromArray(S, im, o);
                DoubleVector yr = a0r, yi = a0i;
                for (int j = 1; j < p; j++) {
                    yr = yr.add(DoubleVector.fromArray(S, re, o + j * step));
                    yi = yi.add(DoubleVector.fromArray(S, im, o + j * step));
                }
                yr.intoArray(re2, out0 + v);
                yi.intoArray(im2, out0 + v);
                for (int u = 1; u <= h; u++) {
                    DoubleVector ar = a0r, ai = a0i, br = DoubleVector.zero(S), bi = DoubleVector.zero(S);
                    for (int j = 1; j <= h; j++) {
                        int oj = o + j * step, ok = o + (p - j) * step, ju = j * u % p;
                        DoubleVector xr = DoubleVector.fromArray(S, re, oj), xi = DoubleVector.fromArray(S, im, oj);
                        DoubleVector zr = DoubleVector.fromArray(S, re, ok), zi = DoubleVector.fromArray(S, im, ok);
                        DoubleVector c = DoubleVector.broadcast(S, cos[ju]), sn = DoubleVector.broadcast(S, sin[ju]);
                        ar = xr.add(zr).fma(c, ar);
                        ai = xi.add(zi).fma(c, ai);
                        br = xr.sub(zr).fma(sn, br);
                        bi = xi.sub(zi).fma(sn, bi);
                    }
                    twiddle(ar.add(bi), ai.sub(br), twr[t + u - 1], twi[t + u - 1], out0 + u * block + v);
                    twiddle(ar.sub(bi), ai.add(br), twr[t + p - u - 1], twi[t + p - u - 1], out0 + (p - u) * block + v);
                }
            }
        }
    }

    /** (yr + i yi)·(wr + i wi) into the output buffers at index o. */
    private void twiddle(DoubleVector yr, DoubleVector yi, double wr, double wi, int o) {
        yr.mul(wr).sub(yi.mul(wi)).intoArray(re2, o);
        yr.mul(wi).add(yi.mul(wr)).intoArray(im2, o);
    }
}
