package org.lstmlab.features;

import org.jtransforms.fft.DoubleFFT_1D;

/** One real FFT per frame with JTransforms; the fallback for lengths the vectorised FFT does not factor. */
final class JTransformsSpectrum implements FrameSpectrum {
    private final int n, hop, lo, g, bands;
    private final double[] window, buf;
    private final DoubleFFT_1D fft;

    JTransformsSpectrum(int n, int hop, int lo, int g, int bands, double[] window) {
        this.n = n;
        this.hop = hop;
        this.lo = lo;
        this.g = g;
        this.bands = bands;
        this.window = window;
        this.buf = new double[n];
        this.fft = new DoubleFFT_1D(n);
    }

    @Override public int batch() { return 1; }

    @Override
    public void bandSums(double[] x, int first, int count, double[][] out) {
        for (int f = 0; f < count; f++) {
            System.arraycopy(x, first + f * hop, buf, 0, n);
            if (window != null) for (int i = 0; i < n; i++) buf[i] *= window[i];
            fft.realForward(buf);
            for (int j = 0; j < bands; j++) {
                double sum = 0;
                for (int k = lo + j * g; k < lo + (j + 1) * g; k++) sum += magnitude(k % n <= n / 2 ? k % n : n - k % n);
                out[f][j] = sum;
            }
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
