package org.lstmlab.data.synth;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SoundKitTest {

    @Test
    void sinTableMatchesMathSin() {
        for (double c = 0; c < 3; c += 0.0137) assertEquals(Math.sin(2 * Math.PI * c), SoundKit.sinCycles(c), 1e-6);
    }

    /** The two-chain recurrence against a direct sum of Math.sin, with a gliding pitch and partials cut at 45% of the rate. */
    @Test
    void harmonicsEqualTheDirectSumOfSines() {
        int rate = 8000, n = 4000;
        double[] f0 = new double[n], amps = SoundKit.spectrum(new SplittableRandom(3), 15, 0.7, 0.5), env = new double[n];
        for (int i = 0; i < n; i++) {
            f0[i] = 200 + 300.0 * i / n;
            env[i] = i % 1000 < 500 ? 1 : 0;
        }
        double[] out = new double[n];
        SoundKit.harmonics(out, 0, n, f0, amps, env, 0.5, rate, 0.1);
        double phase = 0.1;
        for (int i = 0; i < n; i++) {
            phase += f0[i] / rate;
            double expected = 0;
            for (int k = 1; k <= amps.length && k * f0[i] <= 0.45 * rate; k++) expected += amps[k - 1] * Math.sin(2 * Math.PI * k * phase);
            assertEquals(0.5 * env[i] * expected, out[i], 1e-4, "sample " + i);
        }
    }

    @Test
    void bandpassPassesItsCentreAndStopsFarAway() {
        int rate = 44100;
        double[] centre = new double[rate], far = new double[rate];
        for (int i = 0; i < rate; i++) {
            centre[i] = Math.sin(2 * Math.PI * 3000 * i / rate);
            far[i] = Math.sin(2 * Math.PI * 300 * i / rate);
        }
        SoundKit.Biquad.bandpass(3000, 4, rate).run(centre);
        SoundKit.Biquad.bandpass(3000, 4, rate).run(far);
        assertEquals(Math.sqrt(0.5), SoundKit.rms(java.util.Arrays.copyOfRange(centre, rate / 2, rate)), 1e-3);
        assertTrue(SoundKit.rms(java.util.Arrays.copyOfRange(far, rate / 2, rate)) < 0.03);
    }
}
