package org.lstmlab.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/** Frequency response measured on pure tones: amplitude by a least-squares sine fit away from the edges. */
class ResamplerTest {
    private static final Resampler TO_44K = Resampler.to(44100);

    static double[] tone(double hz, int rate, int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) x[i] = Math.sin(2 * Math.PI * hz * i / rate + 0.3);
        return x;
    }

    /** Amplitude of the hz component of y[from, to) at the given rate (2x2 least squares on sin and cos). */
    static double amplitude(double[] y, double hz, int rate, int from, int to) {
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int i = from; i < to; i++) {
            double s = Math.sin(2 * Math.PI * hz * i / rate), c = Math.cos(2 * Math.PI * hz * i / rate);
            ss += s * s; cc += c * c; sc += s * c; ys += y[i] * s; yc += y[i] * c;
        }
        double det = ss * cc - sc * sc, a = (ys * cc - yc * sc) / det, b = (yc * ss - ys * sc) / det;
        return Math.hypot(a, b);
    }

    static double rmsDb(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += y[i] * y[i];
        return 10 * Math.log10(sum / (to - from) / 0.5); // relative to a full-scale sine
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {100, 440, 1000, 4100, 8000, 12000, 15000, 17000, 18000})
    void passbandTonesKeepTheirAmplitudeFrom48k(double hz) {
        double[] y = TO_44K.apply(tone(hz, 48000, 24000), 48000);
        assertEquals(22050, y.length);
        assertEquals(1.0, amplitude(y, hz, 44100, 500, y.length - 500), 1e-4);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {22100, 22500, 23000, 23500, 23990})
    void tonesAboveTheNewNyquistAreStopped(double hz) {
        double[] y = TO_44K.apply(tone(hz, 48000, 24000), 48000);
        double db = rmsDb(y, 500, y.length - 500);
        assertTrue(db < -95, hz + " Hz leaks at " + db + " dB");
    }

    @Test
    void theLengthFromTheHeaderIsTheLengthApplyMakes() {
        for (int rate : new int[] {8000, 22050, 44100, 48000, 96000})
            for (int frames : new int[] {1, 999, 4410, 48001}) {
                double[] x = new double[frames];
                assertEquals(TO_44K.apply(x, rate).length, TO_44K.length(frames, rate), frames + " frames at " + rate + " Hz");
            }
    }

    @Test
    void upsamplingKeepsTheToneAndStopsItsImage() {
        double[] y = TO_44K.apply(tone(5000, 22050, 11025), 22050);
        assertEquals(22050, y.length);
        // zero phase, no image at 22050 - 5000 Hz: y is the same sine sampled at 44.1 kHz, to within -90 dB
        double[] ideal = tone(5000, 44100, 22050);
        for (int i = 0; i < y.length; i++) ideal[i] -= y[i];
        double db = rmsDb(ideal, 500, y.length - 500);
        assertTrue(db < -90, "error " + db + " dB");
    }

    @Test
    void anAwkwardRatioUsesInterpolatedPhasesAndStaysAccurate() {
        Resampler r = Resampler.to(44101); // 44100 -> 44101: 44101 phases, beyond the exact table
        double[] y = r.apply(tone(3000, 44100, 20000), 44100);
        assertEquals(20001, y.length);
        assertEquals(1.0, amplitude(y, 3000, 44101, 500, y.length - 500), 1e-5);
    }

    @Test
    void downsamplingFarRemovesWhatTheNewRateCannotHold() {
        Resampler r = Resampler.to(8000);
        double[] mix = tone(1000, 44100, 44100), high = tone(6000, 44100, 44100);
        for (int i = 0; i < mix.length; i++) mix[i] = 0.5 * mix[i] + 0.5 * high[i];
        double[] y = r.apply(mix, 44100);
        assertEquals(8000, y.length);
        assertEquals(0.5, amplitude(y, 1000, 8000, 200, 7800), 1e-4);
        assertTrue(amplitude(y, 2000, 8000, 200, 7800) < 1e-5, "6 kHz aliases to 2 kHz");
    }

    @Test
    void targetRateInputIsReturnedUnchanged() {
        Audio a = new Audio(new WavInfo(WavInfo.Encoding.PCM, 1, 44100, 16, 3, false), new double[][]{{0.1, 0.2, 0.3}});
        assertSame(a, TO_44K.apply(a));
    }

    @Test
    void audioLevelResamplingAndDownMix() {
        double[][] stereo = {tone(440, 48000, 4800), new double[4800]};
        Audio a = new Audio(new WavInfo(WavInfo.Encoding.PCM, 2, 48000, 24, 4800, true), stereo);
        Audio mono = a.mono();
        assertEquals(1, mono.channels());
        for (int i = 0; i < 4800; i++) assertEquals(stereo[0][i] / 2, mono.samples()[0][i], 0.0);
        Audio r = TO_44K.apply(mono);
        assertEquals(new WavInfo(WavInfo.Encoding.PCM, 1, 44100, 24, 4410, true), r.info());
        assertEquals(0.5, amplitude(r.samples()[0], 440, 44100, 300, 4100), 1e-4);
    }
}
