package org.lstmlab.features;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Frame spectra with {@link StockhamFft} on L lanes: two real frames share one complex transform (re = frame a,
 * im = frame b), so a call handles 2L frames. The length-n transform is split as n = n1·n2 (four-step FFT):
 * n2 transforms of length n1 over the columns x[n2·j1 + c], a twiddle, then n1 of length n2 over the rows. Each
 * small transform runs in L1, so the large buffers are streamed twice instead of once per radix pass.
 * Only DoubleVector is used here: FloatVector code of another shape in the same JVM spoils C2's type profiles of
 * the shared vector methods, and the training engine's float kernels then ran 10 times slower.
 */
final class VectorFftSpectrum implements FrameSpectrum {
    private static final VectorSpecies<Double> S = StockhamFft.S;
    private static final int L = StockhamFft.L;

    private final int n, n1, n2, g, bands;
    /** Offsets of Z[k] and Z[n-k] in re and im for the k of each band, in band order. */
    private final int[] bin, mirror;
    private final double[] window;
    /** W_n^(c·k1) at c·n1 + k1: the twiddle between the column and the row transforms. */
    private final double[] twRe, twIm;
    private final StockhamFft columns, rows;
    /**
     * The frames in lanes (x[j] at j·L), then, in place, the spectrum Z' with Z[k1 + n1·k2] at row k1, column k2:
     * column c's outputs Z'[k1][c] sit where its inputs x[n2·k1 + c] were. One pair of buffers instead of two keeps
     * a thread's buffers in L2.
     */
    private final double[] re, im;
    /** |X_a[k]|² and |X_b[k]|² of every bin the bands use; one band's per-lane sums. */
    private final double[] squaresA, squaresB, lanes = new double[L];
    private final int[] startsA = new int[L], startsB = new int[L];

    VectorFftSpectrum(int n, int[] radices, int lo, int g, int bands, double[] window) {
        this.n = n;
        this.g = g;
        this.bands = bands;
        this.window = window;
        int split = 0, p1 = 1;
        while (split < radices.length && (long) p1 * radices[split] * p1 * radices[split] <= n) p1 *= radices[split++];
        n1 = p1;
        n2 = n / n1;
        columns = new StockhamFft(n1, Arrays.copyOfRange(radices, 0, split));
        rows = new StockhamFft(n2, Arrays.copyOfRange(radices, split, radices.length));
        twRe = new double[n];
        twIm = new double[n];
        for (int c = 0; c < n2; c++)
            for (int k1 = 0; k1 < n1; k1++) {
                double a = -2 * Math.PI * ((long) c * k1 % n) / n;
                twRe[c * n1 + k1] = Math.cos(a);
                twIm[c * n1 + k1] = Math.sin(a);
            }
        re = new double[n * L];
        im = new double[n * L];
        squaresA = new double[bands * g * L];
        squaresB = new double[bands * g * L];
        bin = new int[bands * g];
        mirror = new int[bands * g];
        for (int b = 0; b < bands * g; b++) {
            int k = (lo + b) % n, c = (n - k) % n;
            bin[b] = (k % n1 * n2 + k / n1) * L;
            mirror[b] = (c % n1 * n2 + c / n1) * L;
        }
    }

    @Override public int batch() { return 2 * L; }

    @Override
    public void bandSums(double[] x, int[] starts, int count, double[][] out) {
        load(x, starts, count);
        columnTransforms();
        rowTransforms();
        for (int k = 0; k < bands * g; k++) {
            // X_a[k] = (Z[k] + conj Z[n-k]) / 2 and X_b[k] = (Z[k] - conj Z[n-k]) / 2i; the halves are applied in sumRoots
            int a = bin[k], b = mirror[k];
            DoubleVector zr = DoubleVector.fromArray(S, re, a), zi = DoubleVector.fromArray(S, im, a);
            DoubleVector cr = DoubleVector.fromArray(S, re, b), ci = DoubleVector.fromArray(S, im, b);
            DoubleVector ar = zr.add(cr), ai = zi.sub(ci), br = zi.add(ci), bi = zr.sub(cr);
            ar.mul(ar).add(ai.mul(ai)).intoArray(squaresA, k * L);
            br.mul(br).add(bi.mul(bi)).intoArray(squaresB, k * L);
        }
        sumRoots(squaresA, out, 0, count);
        sumRoots(squaresB, out, 1, count);
    }

    private static final VectorSpecies<Long> BITS = LongVector.SPECIES_PREFERRED;
    private static final long RSQRT_ESTIMATE = 0x5FE6EB50C7B537A9L;

    /**
     * out[2l + parity][j] = Σ over band j of sqrt(squares) / 2, lane l: sqrt(x) as x·rsqrt(x), rsqrt by the bit-shift
     * estimate (within 3.5%) and three Newton steps, about 3e-11 relative, well inside the features' 1e-9; x = 0
     * gives 0. vsqrtpd's throughput made the square root a third of this time.
     * <p>All vector code here sits in methods that take arrays: a helper taking DoubleVectors, once C2 compiled it
     * on its own (the 10-ms window ran first), was not inlined at 100 ms and boxed its vectors, at half the speed.
     */
    private void sumRoots(double[] squares, double[][] out, int parity, int count) {
        DoubleVector threeHalves = DoubleVector.broadcast(S, 1.5);
        LongVector estimate = LongVector.broadcast(BITS, RSQRT_ESTIMATE);
        for (int j = 0; j < bands; j++) {
            DoubleVector sum = DoubleVector.zero(S);
            for (int k = j * g; k < (j + 1) * g; k++) {
                DoubleVector x = DoubleVector.fromArray(S, squares, k * L), half = x.mul(0.5);
                DoubleVector y = estimate.sub(x.reinterpretAsLongs().lanewise(VectorOperators.LSHR, 1)).reinterpretAsDoubles();
                y = y.mul(half.mul(y).neg().fma(y, threeHalves));
                y = y.mul(half.mul(y).neg().fma(y, threeHalves));
                y = y.mul(half.mul(y).neg().fma(y, threeHalves));
                sum = sum.add(x.mul(y));
            }
            sum.mul(0.5).intoArray(lanes, 0);
            for (int l = 0; 2 * l + parity < count; l++) out[2 * l + parity][j] = lanes[l];
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

    /** Column c: Z'[k1][c] = W_n^(c·k1) · DFT_n1(x[n2·j1 + c])[k1]. */
    private void columnTransforms() {
        for (int c = 0; c < n2; c++) {
            double[] inRe = columns.re(), inIm = columns.im();
            for (int j1 = 0; j1 < n1; j1++) {
                int o = (n2 * j1 + c) * L;
                DoubleVector.fromArray(S, re, o).intoArray(inRe, j1 * L);
                DoubleVector.fromArray(S, im, o).intoArray(inIm, j1 * L);
            }
            columns.transform();
            double[] outRe = columns.re(), outIm = columns.im();
            for (int k1 = 0; k1 < n1; k1++) {
                DoubleVector yr = DoubleVector.fromArray(S, outRe, k1 * L), yi = DoubleVector.fromArray(S, outIm, k1 * L);
                double wr = twRe[c * n1 + k1], wi = twIm[c * n1 + k1];
                int o = (k1 * n2 + c) * L;
                yr.mul(wr).sub(yi.mul(wi)).intoArray(re, o);
                yr.mul(wi).add(yi.mul(wr)).intoArray(im, o);
            }
        }
    }

    /** Row k1 in place: Z'[k1][k2] = DFT_n2(Z'[k1][.])[k2], which is Z[k1 + n1·k2]. */
    private void rowTransforms() {
        for (int k1 = 0; k1 < n1; k1++) {
            System.arraycopy(re, k1 * n2 * L, rows.re(), 0, n2 * L);
            System.arraycopy(im, k1 * n2 * L, rows.im(), 0, n2 * L);
            rows.transform();
            System.arraycopy(rows.re(), 0, re, k1 * n2 * L, n2 * L);
            System.arraycopy(rows.im(), 0, im, k1 * n2 * L, n2 * L);
        }
    }
}
