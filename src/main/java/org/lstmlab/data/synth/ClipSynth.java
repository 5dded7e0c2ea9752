package org.lstmlab.data.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.lstmlab.data.synth.SoundKit.*;

/**
 * Renders one planned clip: the class voice, gated to a random onset/offset, over city background noise at a
 * random SNR (background-salience clips are much noisier), sometimes with a quieter sound of another class, at a
 * random gain, spread to the file's channels. Depends only on the clip's plan, so clips render in any order.
 */
final class ClipSynth {
    private ClipSynth() {}

    static double[][] render(DatasetPlan.Clip clip) {
        int rate = clip.format().rate(), n = Math.max(1, (int) Math.round(clip.seconds() * rate));
        SplittableRandom r = new SplittableRandom(clip.seed());

        double[] target = voice(clip.cls(), new SplittableRandom(clip.recordingSeed()), r.split(), n, rate);
        gateRandomly(target, r, rate);
        normalise(target);

        double[] mix = background(new SplittableRandom(clip.recordingSeed() ^ 0x5DEECE66DL), r, n, rate);
        double snrDb = clip.salience() == 1 ? uniform(r, 3, 24) : uniform(r, -6, 6);
        scale(mix, Math.pow(10, -snrDb / 20));
        addScaled(mix, target, 1);

        if (r.nextDouble() < 0.35) { // a confusable sound of another class in the same scene
            UrbanClass[] all = UrbanClass.values();
            UrbanClass other = all[(clip.cls().ordinal() + 1 + r.nextInt(all.length - 1)) % all.length];
            double[] intruder = voice(other, r.split(), r.split(), n, rate);
            gateRandomly(intruder, r, rate);
            normalise(intruder);
            addScaled(mix, intruder, Math.pow(10, uniform(r, -15, -3) / 20));
        }

        double peak = Arrays.stream(mix).map(Math::abs).max().orElse(0);
        scale(mix, logUniform(r, 0.08, 0.95) / Math.max(peak, 1e-12));
        return spread(mix, clip.format().channels(), r);
    }

    private static double[] voice(UrbanClass c, SplittableRandom rec, SplittableRandom clip, int n, int rate) {
        double[] x = new double[n];
        c.voice.render(rec, clip, x, rate);
        return x;
    }

    /** Half the time the sound starts late, a quarter of the time it stops early; never gates a sound away entirely. */
    private static void gateRandomly(double[] x, SplittableRandom r, int rate) {
        int n = x.length;
        int from = r.nextBoolean() ? 0 : (int) (uniform(r, 0, 0.4) * n);
        int to = r.nextDouble() < 0.25 ? (int) (uniform(r, 0.6, 1) * n) : n;
        double[] env = new double[n];
        gate(env, from, to, Math.max(1, (int) (0.02 * rate)));
        double before = rms(x);
        double[] gated = x.clone();
        for (int i = 0; i < n; i++) gated[i] *= env[i];
        if (rms(gated) > 0.05 * before) System.arraycopy(gated, 0, x, 0, n);
    }

    /** City ambience: a recording's own colour of rumble and hiss, unit RMS. */
    private static double[] background(SplittableRandom rec, SplittableRandom clip, int n, int rate) {
        double[] rumble = normalise(Biquad.lowpass(logUniform(rec, 120, 1500), rate).run(white(clip, n)));
        addScaled(rumble, normalise(white(clip, n)), Math.pow(10, uniform(rec, -30, -8) / 20));
        return normalise(rumble);
    }

    /** Channel 0 is the mix; others are attenuated, slightly delayed copies (a spaced stereo pair). */
    private static double[][] spread(double[] mix, int channels, SplittableRandom r) {
        double[][] out = new double[channels][];
        out[0] = mix;
        for (int c = 1; c < channels; c++) {
            int delay = r.nextInt(24);
            double g = uniform(r, 0.6, 1);
            out[c] = new double[mix.length];
            for (int i = delay; i < mix.length; i++) out[c][i] = g * mix[i - delay];
        }
        return out;
    }

    /** x scaled to unit RMS in place (a silent x stays as it is). */
    private static double[] normalise(double[] x) {
        double s = rms(x);
        return s > 0 ? scale(x, 1 / s) : x;
    }
}
