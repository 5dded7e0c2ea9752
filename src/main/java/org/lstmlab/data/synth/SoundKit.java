package org.lstmlab.data.synth;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Small synthesis primitives the class voices are made of: noise, RBJ biquad filters, harmonic tones with a
 * per-sample pitch contour, decaying bursts and envelopes. Everything adds into a caller's buffer at a given
 * sample rate; partials above 45% of the rate are left out so no voice aliases at 8 or 11 kHz.
 */
final class SoundKit {
    private SoundKit() {}

    private static final int TABLE = 4096;
    private static final double[] SIN = new double[TABLE + 1];
    static {
        for (int i = 0; i <= TABLE; i++) SIN[i] = Math.sin(2 * Math.PI * i / TABLE);
    }

    /** sin(2 pi cycles) by table lookup with linear interpolation: error about 3e-7, several times faster than Math.sin. */
    static double sinCycles(double cycles) {
        double x = (cycles - (long) cycles) * TABLE; // callers pass cycles >= 0
        int i = (int) x;
        return SIN[i] + (x - i) * (SIN[i + 1] - SIN[i]);
    }

    static double uniform(SplittableRandom r, double lo, double hi) { return lo + (hi - lo) * r.nextDouble(); }

    /** Log-uniform, for frequencies and time constants. */
    static double logUniform(SplittableRandom r, double lo, double hi) { return lo * Math.pow(hi / lo, r.nextDouble()); }

    /** Uniform white noise in [-1, 1), drawn in order. */
    static double[] white(SplittableRandom r, int n) {
        return IntStream.range(0, n).mapToDouble(i -> 2 * r.nextDouble() - 1).toArray();
    }

    /** An RBJ-cookbook biquad, run in place. */
    static final class Biquad {
        private final double b0, b1, b2, a1, a2;

        private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
            this.b0 = b0 / a0; this.b1 = b1 / a0; this.b2 = b2 / a0; this.a1 = a1 / a0; this.a2 = a2 / a0;
        }

        static Biquad bandpass(double hz, double q, int rate) {
            double w = 2 * Math.PI * clampHz(hz, rate) / rate, alpha = Math.sin(w) / (2 * q);
            return new Biquad(alpha, 0, -alpha, 1 + alpha, -2 * Math.cos(w), 1 - alpha);
        }

        static Biquad lowpass(double hz, int rate) {
            double w = 2 * Math.PI * clampHz(hz, rate) / rate, alpha = Math.sin(w) / Math.sqrt(2), c = Math.cos(w);
            return new Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
        }

        static Biquad highpass(double hz, int rate) {
            double w = 2 * Math.PI * clampHz(hz, rate) / rate, alpha = Math.sin(w) / Math.sqrt(2), c = Math.cos(w);
            return new Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
        }

        double[] run(double[] x) {
            double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
            for (int i = 0; i < x.length; i++) {
                double y = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
                x2 = x1; x1 = x[i]; y2 = y1; y1 = y;
                x[i] = y;
            }
            return x;
        }

        private static double clampHz(double hz, int rate) { return Math.min(hz, 0.45 * rate); }
    }

    /** White noise through a band-pass around hz; bandwidth falls as q rises. */
    static double[] bandNoise(SplittableRandom r, int n, double hz, double q, int rate) {
        return Biquad.bandpass(hz, q, rate).run(white(r, n));
    }

    /**
     * Adds sum_k amps[k-1] * sin(2 pi k phi(t)) over [from, to), phi integrating the pitch contour f0 (Hz per sample,
     * indexed like out) times env (may be null). Partials above 45% of the rate are skipped. sin(k theta) comes from
     * the recurrence s_(k+2) = 2 cos(2 theta) s_k - s_(k-2): two table lookups per sample, not one per partial.
     */
    static void harmonics(double[] out, int from, int to, double[] f0, double[] amps, double[] env, double gain, int rate, double phase0) {
        double phase = phase0, limit = 0.45 * rate;
        for (int i = Math.max(0, from); i < Math.min(to, out.length); i++) {
            phase += f0[i] / rate;
            phase -= (long) phase;
            if (env != null && env[i] == 0) continue; // silent here: keep the phase running, skip the partials
            // odd and even partials as two independent recurrences (step 2 theta), so the CPU can overlap them
            double s1 = sinCycles(phase), c1 = sinCycles(phase + 0.25), twoCos2 = 2 * (2 * c1 * c1 - 1);
            double odd = s1, oddPrev = -s1, even = 2 * c1 * s1, evenPrev = 0, sum = 0;
            int kMax = Math.min(amps.length, (int) (limit / Math.max(f0[i], 1e-9))), k = 0;
            for (; k + 1 < kMax; k += 2) {
                sum += amps[k] * odd + amps[k + 1] * even;
                double o = twoCos2 * odd - oddPrev, e = twoCos2 * even - evenPrev;
                oddPrev = odd; odd = o;
                evenPrev = even; even = e;
            }
            if (k < kMax) sum += amps[k] * odd;
            out[i] += gain * sum * (env == null ? 1 : env[i]);
        }
    }

    /** Harmonic amplitudes 1/k^tilt for k = 1..count, each jittered by +-jitter (relative). */
    static double[] spectrum(SplittableRandom r, int count, double tilt, double jitter) {
        return IntStream.rangeClosed(1, count).mapToDouble(k -> Math.pow(k, -tilt) * (1 + jitter * (2 * r.nextDouble() - 1)))
                .toArray();
    }


    /** Adds burst[i] * exp(-(i - at)/tau) from sample at on (a struck or fired event). */
    static void addDecaying(double[] out, double[] source, int at, double tauSeconds, double gain, int rate) {
        double k = Math.exp(-1.0 / (tauSeconds * rate)), e = gain;
        for (int i = Math.max(at, 0); i < out.length && e > 1e-4 * gain; i++, e *= k) out[i] += source[i] * e;
    }

    /** Opens env (values 0..1) over [from, to) with linear fades of fade samples; overlapping gates take the maximum. */
    static void gate(double[] env, int from, int to, int fade) {
        for (int i = Math.max(0, from); i < Math.min(to, env.length); i++) env[i] = Math.max(env[i], trapezoid(i, from, to, fade));
    }

    /** 0..1: rises linearly over fade samples after from, falls over fade samples before to. */
    static double trapezoid(int i, int from, int to, int fade) {
        return Math.min(1, Math.min((i - from + 1.0) / fade, (double) (to - i) / fade));
    }

    static double rms(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s / Math.max(1, x.length));
    }

    /** x times g, in place. */
    static double[] scale(double[] x, double g) {
        for (int i = 0; i < x.length; i++) x[i] *= g;
        return x;
    }

    static void addScaled(double[] out, double[] x, double gain) {
        for (int i = 0; i < out.length && i < x.length; i++) out[i] += gain * x[i];
    }
}
