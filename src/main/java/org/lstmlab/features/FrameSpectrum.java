package org.lstmlab.features;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Band sums of DFT magnitudes of one frame, by one real FFT (JTransforms): band j adds |X[k]| over
 * k = lo + j·g .. lo + j·g + g - 1 of the full length-n DFT (k may pass n/2: the mirror |X[k]| = |X[n-k]| of real
 * input). One instance per thread: it owns its plan and buffer.
 */
final class FrameSpectrum {
    private final int n, lo, g, bands;
    private final double[] window, buf;
    private final DoubleFFT_1D fft;

    /** For frames of length n, windowed by w (rectangular if null). */
    FrameSpectrum(int n, int lo, int g, int bands, double[] window) {
        this.n = n;
        this.lo = lo;
        this.g = g;
        this.bands = bands;
        this.window = window;
        this.buf = new double[n];
        this.fft = new DoubleFFT_1D(n);
    }

    /** out[j] = Σ_k |DFT(w · x[start .. start + n))[k]| over band j; the frame lies inside x. */
    void bandSums(double[] x, int start, double[] out) {
        System.arraycopy(x, start, buf, 0, n);
        if (window != null) for (int i = 0; i < n; i++) buf[i] *= window[i];
        fft.realForward(buf);
        for (int j = 0; j < bands; j++) {
            double sum = 0;
            for (int k = lo + j * g; k < lo + (j + 1) * g; k++) sum += magnitude(k % n <= n / 2 ? k % n : n - k % n);
            out[j] = sum;
        }
    }

    /** |X[k]| for 0 <= k <= n/2 from realForward's packed layout (a[1] holds Re[n/2] or Im[(n-1)/2]). */
    private double magnitude(int k) {
        if (k == 0) return Math.abs(buf[0]);
        if (n % 2 == 0 && k == n / 2) return Math.abs(buf[1]);
        double re = buf[2 * k];
        double im = (n % 2 == 1 && k == (n - 1) / 2) ? buf[1] : buf[2 * k + 1];
        return Math.sqrt(re * re + im * im);
    }
}
