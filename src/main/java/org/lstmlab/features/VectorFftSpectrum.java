package org.lstmlab.features;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Frame spectra with {@link StockhamFft} on L lanes: two real frames share one complex transform (re = frame 2l,
 * im = frame 2l+1), so a call handles 2L frames. The length-n transform is split as n = n1·n2 (four-step FFT):
 * n2 transforms of length n1 over the columns x[n2·j1 + c], a twiddle, then n1 of length n2 over the rows. Each
 * small transform runs in L1, so the large buffers are streamed twice instead of once per radix pass.
 * Only DoubleVector is used here: FloatVector code of another shape in the same JVM spoils C2's type profiles of
 * the shared vector methods, and the training engine's float kernels then ran 10 times slower.
 */
final class VectorFftSpectrum implements FrameSpectrum {
    private static final VectorSpecies<Double> S = StockhamFft.S;
    private static final int L = StockhamFft.L;

    private final int n, n1, n2, g, bands;
    /** Frame 2l of a call starts span·l after its first sample, frame 2l+1 hop later: span = 2·hop. */
    private final int span, width;
    /**
     * The call's samples transposed: x[first + r·span + c] at c·width + r. Lane l of sample j of the even frames is
     * then entry r0 + l of one row, so each column input is one contiguous load instead of a gather; the frames
     * overlap, so the tile is about n + 2L·hop values instead of 2L·n.
     */
    private final double[] tile;
    /** Where sample j of column c (j = n2·j1 + c) of the even and of the odd frames starts in the tile, at c·n1 + j1. */
    private final int[] evenAt, oddAt;
    private final double[] window;
    /** W_n^(c·k1) at c·n1 + k1: the twiddle between the column and the row transforms. */
    private final double[] twRe, twIm;
    private final StockhamFft columns, rows, partners;
    /** The plans' buffers, the column output and the band sums, as consecutive slices of one array. */
    private final double[] mem;
    /** Where the column transforms' output Z' starts in mem, with Z'[k1][c] at (k1·n2 + c)·L: row k1 is contiguous. */
    private final int re, im;
    /** Offset of bin k's band in the sums, or -1 if no band uses it. */
    private final int[] bandOf;
    /** Where each band's per-lane sums of 2|X_a[k]| (even frames) and 2|X_b[k]| (odd frames) start in mem. */
    private final int sumsA, sumsB;

    VectorFftSpectrum(int n, int hop, int[] radices, int lo, int g, int bands, double[] window) {
        if (bands * g > n) throw new IllegalArgumentException(bands + " bands of " + g + " bins need more than the " + n + " bins");
        this.n = n;
        this.g = g;
        this.bands = bands;
        this.window = window;
        int split = 0, p1 = 1;
        while (split < radices.length && (long) p1 * radices[split] * p1 * radices[split] <= n) p1 *= radices[split++];
        n1 = p1;
        n2 = n / n1;
        re = 0;
        im = n * L;
        sumsA = 2 * n * L;
        sumsB = sumsA + bands * L;
        int plans = sumsB + bands * L;
        mem = new double[plans + StockhamFft.footprint(n1) + 2 * StockhamFft.footprint(n2)];
        int[] columnRadices = Arrays.copyOfRange(radices, 0, split), rowRadices = Arrays.copyOfRange(radices, split, radices.length);
        columns = new StockhamFft(n1, columnRadices, mem, plans);
        rows = new StockhamFft(n2, rowRadices, mem, plans + StockhamFft.footprint(n1));
        partners = new StockhamFft(n2, rowRadices, mem, plans + StockhamFft.footprint(n1) + StockhamFft.footprint(n2));
        span = 2 * hop;
        width = (hop + n - 1) / span + L;
        tile = new double[span * width];
        evenAt = new int[n];
        oddAt = new int[n];
        twRe = new double[n];
        twIm = new double[n];
        for (int c = 0; c < n2; c++)
            for (int i = 0; i < n1; i++) { // i is the column's input index j1 and its output index k1
                int j = n2 * i + c;
                evenAt[c * n1 + i] = j % span * width + j / span;
                oddAt[c * n1 + i] = (hop + j) % span * width + (hop + j) / span;
                double a = -2 * Math.PI * ((long) c * i % n) / n;
                twRe[c * n1 + i] = Math.cos(a);
                twIm[c * n1 + i] = Math.sin(a);
            }
        bandOf = new int[n];
        for (int k = 0; k < n; k++) {
            int b = Math.floorMod(k - lo, n);
            bandOf[k] = b < bands * g ? b / g * L : -1;
        }
    }

    @Override public int batch() { return 2 * L; }

    @Override
    public void bandSums(double[] x, int first, int count, double[][] out) {
        fillTile(x, first);
        columnTransforms();
        Arrays.fill(mem, sumsA, sumsA + bands * L, 0);
        Arrays.fill(mem, sumsB, sumsB + bands * L, 0);
        for (int k1 = 0; 2 * k1 <= n1; k1++) rowPair(k1);
        for (int f = 0; f < count; f++) {
            int sums = f % 2 == 0 ? sumsA : sumsB;
            for (int j = 0; j < bands; j++) out[f][j] = mem[sums + j * L + f / 2] / 2;
        }
    }

    /**
     * Eight columns at a time, so that each row's read is one cache line and the tile rows being written stay in L1.
     * Samples past the signal read as 0: they only reach lanes past count, whose results are dropped.
     */
    private void fillTile(double[] x, int first) {
        int inside = Math.max(0, Math.min(width, Math.floorDiv(x.length - first - span, span) + 1)); // whole rows in x
        for (int c0 = 0; c0 < span; c0 += 8) {
            int c1 = Math.min(span, c0 + 8);
            for (int r = 0; r < width; r++) {
                int s = first + r * span;
                if (r < inside) for (int c = c0; c < c1; c++) tile[c * width + r] = x[s + c];
                else for (int c = c0; c < c1; c++) tile[c * width + r] = s + c < x.length ? x[s + c] : 0;
            }
        }
    }

    /** Column c: Z'[k1][c] = W_n^(c·k1) · DFT_n1(x[n2·j1 + c])[k1]. */
    private void columnTransforms() {
        for (int c = 0; c < n2; c++) {
            int inRe = columns.re(), inIm = columns.im();
            for (int j1 = 0; j1 < n1; j1++) {
                DoubleVector a = DoubleVector.fromArray(S, tile, evenAt[c * n1 + j1]);
                DoubleVector b = DoubleVector.fromArray(S, tile, oddAt[c * n1 + j1]);
                if (window != null) {
                    double w = window[n2 * j1 + c];
                    a = a.mul(w);
                    b = b.mul(w);
                }
                a.intoArray(mem, inRe + j1 * L);
                b.intoArray(mem, inIm + j1 * L);
            }
            columns.transform();
            int outRe = columns.re(), outIm = columns.im();
            for (int k1 = 0; k1 < n1; k1++) {
                DoubleVector yr = DoubleVector.fromArray(S, mem, outRe + k1 * L), yi = DoubleVector.fromArray(S, mem, outIm + k1 * L);
                DoubleVector wr = DoubleVector.broadcast(S, twRe[c * n1 + k1]);
                double wi = twIm[c * n1 + k1];
                int o = (k1 * n2 + c) * L;
                yr.fma(wr, yi.mul(-wi)).intoArray(mem, re + o);
                yi.fma(wr, yr.mul(wi)).intoArray(mem, im + o);
            }
        }
    }

    /**
     * Rows k1 and p = n1 - k1 (mod n1) hold every bin k = k1 + n1·k2 and its mirror n - k = p + n1·k2', so both are
     * transformed and their squared magnitudes taken while they are in L1; row 0 (and n1/2) is its own partner.
     */
    private void rowPair(int k1) {
        int p = (n1 - k1) % n1;
        rows.transform(re + k1 * n2 * L, im + k1 * n2 * L);
        StockhamFft partner = rows;
        if (p != k1) {
            partners.transform(re + p * n2 * L, im + p * n2 * L);
            partner = partners;
        }
        addMagnitudes(rows.re(), rows.im(), partner.re(), partner.im(), k1, p);
    }

    private static final VectorSpecies<Long> BITS = LongVector.SPECIES_PREFERRED;
    private static final long RSQRT_ESTIMATE = 0x5FE6EB50C7B537A9L;

    /**
     * Adds 2|X_a[k]| and 2|X_b[k]| into their bands, with X_a[k] = (Z[k] + conj Z[n-k]) / 2 and X_b[k] =
     * (Z[k] - conj Z[n-k]) / 2i; |X[n-k]| = |X[k]| for real frames, so one pair also serves the mirror bin, except
     * in a row that is its own partner, where the mirror has its own turn.
     * <p>|X_b| by vsqrtpd, |X_a| as x·rsqrt(x) with rsqrt by the bit-shift estimate (within 3.5%) and three Newton
     * steps (about 3e-11 relative, well inside the features' 1e-9, and x = 0 gives 0): the square-root unit and the
     * FMA ports then work side by side, where either alone for both took longer. All vector code here sits in
     * methods that take arrays: a helper taking DoubleVectors, once C2 compiled it on its own (the 10-ms window ran
     * first), was not inlined at 100 ms and boxed its vectors.
     */
    private void addMagnitudes(int zRe, int zIm, int mRe, int mIm, int k1, int p) {
        DoubleVector threeHalves = DoubleVector.broadcast(S, 1.5);
        LongVector estimate = LongVector.broadcast(BITS, RSQRT_ESTIMATE);
        for (int k2 = 0; k2 < n2; k2++) {
            int mk2 = k1 == 0 ? (n2 - k2) % n2 : n2 - 1 - k2;
            int at = bandOf[k1 + n1 * k2], mirrorAt = p == k1 ? -1 : bandOf[p + n1 * mk2];
            if (at < 0 && mirrorAt < 0) continue;
            DoubleVector zr = DoubleVector.fromArray(S, mem, zRe + k2 * L), zi = DoubleVector.fromArray(S, mem, zIm + k2 * L);
            DoubleVector cr = DoubleVector.fromArray(S, mem, mRe + mk2 * L), ci = DoubleVector.fromArray(S, mem, mIm + mk2 * L);
            DoubleVector ar = zr.add(cr), ai = zi.sub(ci), br = zi.add(ci), bi = zr.sub(cr);
            DoubleVector a = ar.mul(ar).add(ai.mul(ai)), ha = a.mul(0.5);
            DoubleVector b = br.mul(br).add(bi.mul(bi));
            DoubleVector ya = estimate.sub(a.reinterpretAsLongs().lanewise(VectorOperators.LSHR, 1)).reinterpretAsDoubles();
            ya = ya.mul(ha.mul(ya).neg().fma(ya, threeHalves));
            ya = ya.mul(ha.mul(ya).neg().fma(ya, threeHalves));
            ya = ya.mul(ha.mul(ya).neg().fma(ya, threeHalves));
            a = a.mul(ya);
            b = b.lanewise(VectorOperators.SQRT);
            if (at >= 0) {
                DoubleVector.fromArray(S, mem, sumsA + at).add(a).intoArray(mem, sumsA + at);
                DoubleVector.fromArray(S, mem, sumsB + at).add(b).intoArray(mem, sumsB + at);
            }
            if (mirrorAt >= 0) {
                DoubleVector.fromArray(S, mem, sumsA + mirrorAt).add(a).intoArray(mem, sumsA + mirrorAt);
                DoubleVector.fromArray(S, mem, sumsB + mirrorAt).add(b).intoArray(mem, sumsB + mirrorAt);
            }
        }
    }
}
