package org.lstmlab.features;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The frame spectrum against a direct DFT: even, odd and prime lengths, mirrored bins, with and without a window. */
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

    /** Band sums of g bins from lo, bands of them, against the DFT, for a frame from sample 5 that ends the signal. */
    static void check(int n, int lo, int g, int bands, double[] w) {
        Random r = new Random(n * 31L + lo);
        double[] x = new double[5 + n];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * 1000;
        double[] out = new double[bands];
        new FrameSpectrum(n, lo, g, bands, w).bandSums(x, 5, out);
        for (int j = 0; j < bands; j += Math.max(1, bands / 41)) {
            double expected = 0;
            for (int k = lo + j * g; k < lo + (j + 1) * g; k++) expected += dftMagnitude(x, 5, n, w, k);
            assertEquals(expected, out[j], 1e-10 * expected, "n=" + n + " band " + j);
        }
    }

    @Test
    void matchesTheDftIncludingMirroredBins() {
        for (int n : new int[] {441, 4410, 401, 210, 64, 343}) check(n, 0, 2, n / 2, null);
    }

    @Test
    void bookBandsFromTheMirroredHalf() {
        int n = 4410, g = n / 200;
        check(n, n - 200 * g, g, 100, null);
        check(441, 441 - 200 * 2, 2, 100, null);
    }

    @Test
    void windowIsAppliedBeforeTheTransform() {
        double[] w = new double[441];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / 441);
        check(441, 1, 2, 100, w);
    }
}
