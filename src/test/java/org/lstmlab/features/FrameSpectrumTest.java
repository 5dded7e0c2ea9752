package org.lstmlab.features;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both FFT paths against a direct DFT, for full and partial batches, with and without a window. */
class FrameSpectrumTest {

    static double dftMagnitude(double[] x, int start, int n, double[] w, int k) {
        double re = 0, im = 0;
        for (int s = 0; s < n; s++) {
            double v = x[start + s] * (w == null ? 1 : w[s]), a = -2 * Math.PI * ((long) k * s % n) / n;
            re += v * Math.cos(a);
            im += v * Math.sin(a);
        }
        return Math.sqrt(re * re + im * im);
    }

    /**
     * Band sums of g bins from lo, bands of them, against the DFT, for frames from sample 5, hop apart; the signal
     * ends with the last frame, so lanes past count read past its end.
     */
    static void check(FrameSpectrum spec, int n, int hop, int lo, int g, int bands, double[] w, int count) {
        Random r = new Random(n * 31L + count);
        double[] x = new double[5 + n + hop * (count - 1)];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * 1000;
        double[][] out = new double[spec.batch()][bands];
        spec.bandSums(x, 5, count, out);
        for (int f = 0; f < count; f++)
            for (int j = 0; j < bands; j += Math.max(1, bands / 41)) {
                double expected = 0;
                for (int k = lo + j * g; k < lo + (j + 1) * g; k++) expected += dftMagnitude(x, 5 + hop * f, n, w, k);
                assertEquals(expected, out[f][j], 1e-10 * expected, spec.getClass().getSimpleName() + " n=" + n + " hop " + hop + " frame " + f + " band " + j);
            }
    }

    @Test
    void vectorisedFftMatchesTheDftIncludingMirroredBins() {
        for (int n : new int[] {441, 4410, 210, 64, 343})
            for (int hop : new int[] {37, n / 10, n + 13}) {
                FrameSpectrum spec = FrameSpectrum.create(n, hop, 1, 3, (n - 2) / 3, null);
                check(spec, n, hop, 1, 3, (n - 2) / 3, null, spec.batch());
                check(spec, n, hop, 1, 3, (n - 2) / 3, null, Math.max(1, spec.batch() - 3));
                check(spec, n, hop, 1, 3, (n - 2) / 3, null, 1);
            }
    }

    @Test
    void bookBandsFromTheMirroredHalf() {
        int n = 4410, g = n / 200;
        FrameSpectrum spec = FrameSpectrum.create(n, 441, n - 200 * g, g, 100, null);
        check(spec, n, 441, n - 200 * g, g, 100, null, spec.batch() - 1);
    }

    @Test
    void jtransformsFallbackMatchesTheDft() {
        for (int n : new int[] {441, 4410, 401}) check(new JTransformsSpectrum(n, 37, 0, 2, n / 2, null), n, 37, 0, 2, n / 2, null, 1);
    }

    @Test
    void windowIsAppliedBeforeTheTransform() {
        double[] w = new double[441];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / 441);
        check(FrameSpectrum.create(441, 44, 1, 2, 100, w), 441, 44, 1, 2, 100, w, 5);
        check(new JTransformsSpectrum(441, 44, 1, 2, 100, w), 441, 44, 1, 2, 100, w, 1);
    }
}
