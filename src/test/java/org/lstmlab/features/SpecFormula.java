package org.lstmlab.features;

/**
 * An independent evaluation of protocol §1.4, written from its text with a plain O(N²) DFT: chunk N = floor(fs·window/1000),
 * hop H = floor(fs·interval/1000), T = floor((L-N)/H)+1, frame t = left int16 samples [tH, tH+N), X[k] = Σ x[n]e^{-2πikn/N}
 * for every k (no mirror shortcut), g = floor(N/200), feature j = mean over k = N-200g+jg .. +g-1 of |X[k]|/floor(N/2).
 */
final class SpecFormula {
    private SpecFormula() {}

    static int steps(int frames, int intervalMs, int windowMs) {
        int n = 44100 * windowMs / 1000, h = 44100 * intervalMs / 1000;
        return (frames - n) / h + 1;
    }

    /** All T frames' features. */
    static double[][] bookFeatures(double[] int16Left, int intervalMs, int windowMs) {
        int[] all = new int[steps(int16Left.length, intervalMs, windowMs)];
        for (int t = 0; t < all.length; t++) all[t] = t;
        return bookFeatures(int16Left, intervalMs, windowMs, all);
    }

    /** Features of the given frames only (the O(N²) DFT is slow at N = 4410). */
    static double[][] bookFeatures(double[] int16Left, int intervalMs, int windowMs, int[] frames) {
        int n = 44100 * windowMs / 1000, h = 44100 * intervalMs / 1000, g = n / 200;
        double[] cos = new double[n], sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
        double[][] out = new double[frames.length][100];
        for (int f = 0; f < frames.length; f++) {
            int t = frames[f];
            for (int j = 0; j < 100; j++) {
                double sum = 0;
                for (int k = n - 200 * g + j * g; k < n - 200 * g + (j + 1) * g; k++) {
                    double re = 0, im = 0;
                    for (int s = 0, phase = 0; s < n; s++, phase = (phase + k) % n) {
                        re += int16Left[t * h + s] * cos[phase];
                        im -= int16Left[t * h + s] * sin[phase];
                    }
                    sum += Math.sqrt(re * re + im * im) / (n / 2);
                }
                out[f][j] = sum / g;
            }
        }
        return out;
    }

}
