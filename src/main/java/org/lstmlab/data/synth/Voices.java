package org.lstmlab.data.synth;

import java.util.SplittableRandom;

import static org.lstmlab.data.synth.SoundKit.*;

/**
 * One voice per class, each with its own spectro-temporal signature and content both below 4.1 kHz (seen only
 * by the book's 100 ms features) and above it (all that its 10 ms features see). {@code rec} draws what a
 * recording (fsID) keeps across its slices (the dog, the engine, the siren type); {@code clip} draws what
 * changes per slice. Several classes share components on purpose (motor hum in AC, drilling, jackhammer and
 * engine; harmonic tones in horn, siren, music and children; noise bursts in bark, shot and jackhammer).
 */
final class Voices {
    private Voices() {}

    interface Voice {
        void render(SplittableRandom rec, SplittableRandom clip, double[] out, int rate);
    }

    /** Adds part to out at the given level (dB re unit RMS); silent parts are skipped. */
    private static void add(double[] out, double[] part, double db) {
        double r = rms(part);
        if (r > 0) addScaled(out, part, Math.pow(10, db / 20) / r);
    }

    private static double[] tone(int n, int rate, double[] pitch, double[] amps, double[] env, SplittableRandom r) {
        double[] x = new double[n];
        harmonics(x, 0, n, pitch, amps, env, 1, rate, r.nextDouble());
        return x;
    }

    /** 1 + depth * (noise low-passed at hz, unit RMS): irregular slow amplitude or pitch wander. */
    private static double[] wander(SplittableRandom r, int n, int rate, double hz, double depth) {
        double[] w = Biquad.lowpass(hz, rate).run(white(r, n));
        double s = rms(w);
        for (int i = 0; i < n; i++) w[i] = 1 + depth * (s > 0 ? w[i] / s : 0);
        return w;
    }

    private static double[] motorHum(SplittableRandom rec, SplittableRandom clip, int n, int rate, double lo, double hi) {
        double[] pitch = scale(wander(clip, n, rate, 1, 0.01), logUniform(rec, lo, hi));
        return tone(n, rate, pitch, spectrum(rec, 12, uniform(rec, 0.8, 1.8), 0.4), null, clip);
    }

    static void airConditioner(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double[] hum = motorHum(rec, clip, n, rate, 45, 130);
        double[] am = wander(clip, n, rate, uniform(rec, 0.2, 1), uniform(rec, 0.03, 0.15));
        for (int i = 0; i < n; i++) hum[i] *= am[i];
        add(out, hum, 0);
        add(out, bandNoise(clip, n, logUniform(rec, 1500, 7000), uniform(rec, 0.3, 0.9), rate), uniform(rec, -6, 3));
        add(out, Biquad.lowpass(logUniform(rec, 300, 1200), rate).run(white(clip, n)), uniform(rec, -10, -2));
    }

    static void carHorn(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double f0 = logUniform(rec, 300, 520), drift = uniform(clip, -0.02, 0.02);
        double[] env = new double[n];
        int bursts = 1 + clip.nextInt(3), at = (int) (uniform(clip, 0, 0.3) * n);
        for (int b = 0; b < bursts && at < n; b++) {
            int len = (int) (logUniform(clip, 0.12, 1.5) * rate);
            gate(env, at, at + len, (int) (0.006 * rate));
            at += len + (int) (uniform(clip, 0.08, 0.6) * rate);
        }
        double[] pitch = new double[n];
        for (int i = 0; i < n; i++) pitch[i] = f0 * (1 + drift * i / n);
        double[] amps = spectrum(rec, 18, uniform(rec, 0.5, 1.0), 0.3);
        double[] horn = tone(n, rate, pitch, amps, env, clip);
        if (rec.nextDouble() < 0.6) { // two-tone horn a major third up
            for (int i = 0; i < n; i++) pitch[i] *= 1.26;
            addScaled(horn, tone(n, rate, pitch, amps, env, clip), 0.8);
        }
        add(out, horn, 0);
    }

    static void childrenPlaying(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length, voices = 2 + clip.nextInt(4);
        double[] crowd = new double[n], pitch = new double[n], env = new double[n]; // only each syllable's span is used
        for (int v = 0; v < voices; v++) {
            double base = logUniform(clip, 240, 520), f1 = uniform(clip, 600, 1100), f2 = uniform(clip, 1500, 3000);
            for (int at = (int) (uniform(clip, 0, 0.5) * rate); at < n; ) {
                int len = (int) (uniform(clip, 0.08, 0.4) * rate), fade = (int) (0.015 * rate);
                double start = base * uniform(clip, 0.8, 1.3), end = start * uniform(clip, 0.7, 1.5);
                if (clip.nextDouble() < 0.15) { start *= 2.2; end *= 2.0; } // a shriek
                for (int i = at; i < Math.min(n, at + len); i++) {
                    pitch[i] = start + (end - start) * (i - at) / len;
                    env[i] = trapezoid(i, at, at + len, fade);
                }
                double[] amps = new double[14];
                for (int k = 1; k <= amps.length; k++) { // formants weight the harmonics of the syllable's mean pitch
                    double f = k * (start + end) / 2;
                    amps[k - 1] = Math.exp(-sq((f - f1) / 300)) + 0.7 * Math.exp(-sq((f - f2) / 500)) + 0.25 * Math.exp(-sq((f - 3800) / 900)) + 0.02;
                }
                harmonics(crowd, at, at + len, pitch, amps, env, uniform(clip, 0.3, 1), rate, clip.nextDouble());
                at += len + (int) (logUniform(clip, 0.05, 0.6) * rate);
            }
        }
        add(out, crowd, 0);
        double[] hiss = bandNoise(clip, n, uniform(rec, 5000, 8000), 1.5, rate);
        java.util.Arrays.fill(env, 0);
        for (int s = 0; s < n / rate * 3 + 1; s++) {
            int at = clip.nextInt(n);
            gate(env, at, at + (int) (uniform(clip, 0.04, 0.12) * rate), (int) (0.01 * rate));
        }
        for (int i = 0; i < n; i++) hiss[i] *= env[i];
        add(out, hiss, uniform(rec, -14, -6));
    }

    static void dogBark(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double size = logUniform(rec, 0.6, 1.6); // big dogs bark lower and longer
        double[] bark = new double[n], rough = new double[n];
        for (int at = (int) (uniform(clip, 0, 0.4) * n); at < n; at += (int) (logUniform(clip, 0.15, 0.9) * rate)) {
            int len = (int) (uniform(clip, 0.07, 0.2) * size * rate);
            double f0 = uniform(clip, 350, 800) / size;
            double[] pitch = new double[n], env = new double[n];
            for (int i = at; i < Math.min(n, at + len); i++) {
                double u = (double) (i - at) / len;
                pitch[i] = f0 * (1 + 0.3 * u - 0.7 * u * u);
                env[i] = Math.min(1, u * 20) * Math.exp(-3 * u);
            }
            harmonics(bark, at, at + len, pitch, spectrum(clip, 14, 0.9, 0.5), env, 1, rate, clip.nextDouble());
            double[] burst = bandNoise(clip, n, uniform(rec, 1500, 4500), 0.8, rate);
            addDecaying(rough, burst, at, 0.04 * size, 1, rate);
            if (clip.nextDouble() < 0.3) break; // a single bark or a run of them
        }
        add(out, bark, 0);
        add(out, rough, uniform(rec, -8, -1));
    }

    static void drilling(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double f0 = logUniform(rec, 1400, 4200), sag = uniform(rec, 0.05, 0.2);
        double[] load = new double[n];
        for (int at = (int) (uniform(clip, 0, 0.3) * n); at < n; ) {
            int len = (int) (logUniform(clip, 0.4, 3) * rate);
            gate(load, at, at + len, (int) (0.08 * rate));
            at += len + (int) (logUniform(clip, 0.1, 0.8) * rate);
        }
        double[] pitch = wander(clip, n, rate, 8, 0.004), env = new double[n];
        for (int i = 0; i < n; i++) {
            pitch[i] *= f0 * (1 - sag * load[i]);
            env[i] = 0.35 + 0.65 * load[i];
        }
        add(out, tone(n, rate, pitch, spectrum(rec, 6, uniform(rec, 0.6, 1.5), 0.4), env, clip), 0);
        double[] grind = bandNoise(clip, n, uniform(rec, 3500, 9000), 0.7, rate);
        for (int i = 0; i < n; i++) grind[i] *= load[i];
        add(out, grind, uniform(rec, -12, -3));
        add(out, motorHum(rec, clip, n, rate, 90, 250), uniform(rec, -14, -5));
    }

    static void engineIdling(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double f0 = logUniform(rec, 22, 60);
        double[] pitch = scale(wander(clip, n, rate, 0.5, 0.02), f0);
        double[] am = wander(clip, n, rate, f0 / 2, uniform(rec, 0.1, 0.35));
        add(out, tone(n, rate, pitch, spectrum(rec, 32, uniform(rec, 0.7, 1.4), 0.6), am, clip), 0);
        add(out, Biquad.lowpass(uniform(rec, 200, 700), rate).run(white(clip, n)), uniform(rec, -10, -3));
        double[] clatter = bandNoise(clip, n, uniform(rec, 4500, 8000), 1, rate);
        double[] tick = tone(n, rate, pitch, new double[]{0, 1}, null, clip);
        for (int i = 0; i < n; i++) clatter[i] *= Math.max(0, tick[i]);
        add(out, clatter, uniform(rec, -22, -10));
    }

    static void gunShot(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length, shots = clip.nextDouble() < 0.6 ? 1 : 2 + clip.nextInt(3);
        double body = logUniform(rec, 250, 1500), tail = logUniform(rec, 0.08, 0.4);
        double[] bang = new double[n];
        int at = (int) (uniform(clip, 0, 0.35) * n);
        for (int s = 0; s < shots && at < n; s++) {
            double[] crack = Biquad.highpass(uniform(clip, 800, 2500), rate).run(white(clip, n));
            addDecaying(bang, crack, at, logUniform(clip, 0.003, 0.015), 1, rate);
            addDecaying(bang, Biquad.lowpass(body, rate).run(white(clip, n)), at, tail, 0.8, rate);
            int echo = at + (int) (uniform(rec, 0.05, 0.25) * rate);
            addDecaying(bang, Biquad.lowpass(body * 2, rate).run(white(clip, n)), echo, tail, uniform(rec, 0.2, 0.5), rate);
            at += (int) (logUniform(clip, 0.12, 0.8) * rate);
        }
        add(out, bang, 0);
    }

    static void jackhammer(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double hz = uniform(rec, 11, 28), ring1 = uniform(rec, 2000, 4500), ring2 = uniform(rec, 4500, 8000);
        double[] hits = new double[n], noise = bandNoise(clip, n, uniform(rec, 1500, 5000), 0.5, rate);
        double[] metal = bandNoise(clip, n, ring1, 12, rate);
        addScaled(metal, bandNoise(clip, n, ring2, 12, rate), 0.7);
        for (int at = (int) (uniform(clip, 0, 0.3) * n); at < n; ) {
            int run = (int) (logUniform(clip, 0.5, 3) * rate), stop = Math.min(n, at + run);
            for (double t = at; t < stop; t += rate / hz * uniform(clip, 0.93, 1.07)) {
                addDecaying(hits, noise, (int) t, logUniform(clip, 0.004, 0.012), 1, rate);
                addDecaying(hits, metal, (int) t, 0.025, 1.5, rate);
            }
            at = stop + (int) (logUniform(clip, 0.15, 1) * rate);
        }
        add(out, hits, 0);
        add(out, motorHum(rec, clip, n, rate, 50, 120), uniform(rec, -12, -4));
    }

    static void siren(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double type = rec.nextDouble(), fc = uniform(rec, 750, 1250), dev = uniform(rec, 0.25, 0.45) * fc;
        double period = type < 0.55 ? uniform(rec, 2, 5) : type < 0.85 ? uniform(rec, 0.15, 0.4) : uniform(rec, 0.8, 1.2);
        double phase = clip.nextDouble(), doppler = uniform(clip, -0.03, 0.03);
        double[] pitch = new double[n];
        for (int i = 0; i < n; i++) {
            double u = phase + (double) i / rate / period, frac = u - Math.floor(u);
            double sweep = type < 0.55 ? sinCycles(u) : type < 0.85 ? 2 * frac - 1 : (frac < 0.5 ? 1 : -1); // wail, yelp, hi-lo
            pitch[i] = (fc + dev * sweep) * (1 + doppler * i / n);
        }
        add(out, tone(n, rate, pitch, spectrum(rec, 8, uniform(rec, 0.8, 1.6), 0.3), null, clip), 0);
    }

    static void streetMusic(SplittableRandom rec, SplittableRandom clip, double[] out, int rate) {
        int n = out.length;
        double beat = 60 / uniform(rec, 70, 150), root = logUniform(rec, 110, 260);
        int[] scale = rec.nextBoolean() ? new int[]{0, 2, 4, 7, 9, 12} : new int[]{0, 3, 5, 7, 10, 12};
        boolean pluck = rec.nextBoolean();
        double[] timbre = spectrum(rec, 12, pluck ? 1.2 : 0.8, 0.5), melody = new double[n], bass = new double[n], drums = new double[n];
        double[] hat = Biquad.highpass(7000, rate).run(white(clip, n)), snare = bandNoise(clip, n, 2500, 0.6, rate);
        double[] pitch = new double[n], env = new double[n], bassPitch = new double[n], bassEnv = new double[n];
        double t = -uniform(clip, 0, beat);
        for (int b = 0; t < (double) n / rate; b++, t += beat / 2) {
            int at = (int) (t * rate), len = (int) (beat / 2 * (clip.nextDouble() < 0.3 ? 2 : 1) * rate), fade = (int) (0.02 * rate);
            if (clip.nextDouble() < 0.8) {
                double f = root * 2 * Math.pow(2, scale[clip.nextInt(scale.length)] / 12.0);
                for (int i = Math.max(0, at); i < Math.min(n, at + len); i++) {
                    pitch[i] = f;
                    env[i] = pluck ? Math.exp(-(i - at) / (0.15 * rate)) : trapezoid(i, at, at + len, fade);
                }
                harmonics(melody, at, at + len, pitch, timbre, env, 1, rate, 0);
            }
            if (b % 2 == 0) {
                int bassLen = (int) (beat * 0.9 * rate);
                for (int i = Math.max(0, at); i < Math.min(n, at + bassLen); i++) {
                    bassPitch[i] = root / 2 * (b % 8 == 4 ? 1.5 : 1);
                    bassEnv[i] = trapezoid(i, at, at + bassLen, fade);
                }
                harmonics(bass, at, at + bassLen, bassPitch, new double[]{1, 0.5, 0.25}, bassEnv, 1, rate, 0);
            }
            if (clip.nextDouble() < 0.7) addDecaying(drums, hat, at, 0.03, 1, rate);
            if (b % 4 == 2) addDecaying(drums, snare, at, 0.08, 2, rate);
        }
        add(out, melody, 0);
        add(out, bass, uniform(rec, -8, 0));
        add(out, drums, uniform(rec, -12, -3));
    }

    private static double sq(double x) { return x * x; }
}
