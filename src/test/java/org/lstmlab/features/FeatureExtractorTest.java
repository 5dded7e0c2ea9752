package org.lstmlab.features;

import org.junit.jupiter.api.Test;
import org.lstmlab.audio.Audio;
import org.lstmlab.audio.WavInfo;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FeatureExtractorTest {

    /** int16 noise plus two tones, so every band carries energy and relative errors mean something. */
    static double[] int16Signal(int frames, long seed) {
        Random r = new Random(seed);
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            double v = 3000 * r.nextGaussian() + 8000 * Math.sin(2 * Math.PI * 1234.5 * i / 44100)
                    + 5000 * Math.sin(2 * Math.PI * 17000 * i / 44100);
            x[i] = Math.max(-32768, Math.min(32767, Math.rint(v)));
        }
        return x;
    }

    static Audio audio(double[]... int16Channels) {
        double[][] s = new double[int16Channels.length][];
        for (int c = 0; c < s.length; c++) {
            s[c] = new double[int16Channels[c].length];
            for (int i = 0; i < s[c].length; i++) s[c][i] = int16Channels[c][i] / 32768.0;
        }
        return new Audio(new WavInfo(WavInfo.Encoding.PCM, s.length, 44100, 16, s[0].length, false), s);
    }

    static void assertClose(double[][] expected, double[][] actual, double rel) {
        assertEquals(expected.length, actual.length, "frames");
        for (int t = 0; t < expected.length; t++)
            for (int j = 0; j < 100; j++)
                assertEquals(expected[t][j], actual[t][j], rel * Math.abs(expected[t][j]), "frame " + t + " feature " + j);
    }

    @Test
    void bookModeMatchesTheSpecFormulaAt10ms() throws Exception {
        for (int frames : new int[] {44100, 44100 + 440, 52921}) {
            double[] left = int16Signal(frames, frames);
            double[][] expected = SpecFormula.bookFeatures(left, 10, 10);
            assertEquals((frames - 441) / 441 + 1, expected.length);
            assertClose(expected, FeatureExtractor.of(FeatureParams.book(10, 10)).extract(audio(left)), 1e-9);
        }
    }

    @Test
    void bookModeMatchesTheSpecFormulaAt100msOnStereoUsingTheLeftChannelOnly() throws Exception {
        int frames = 44100 + 441 * 3 + 17;
        double[] left = int16Signal(frames, 7), right = int16Signal(frames, 8);
        int[] checked = {0, 1, 17, 40, 92, 93};
        double[][] expected = SpecFormula.bookFeatures(left, 10, 100, checked);
        FeatureExtractor fx = FeatureExtractor.of(FeatureParams.book(10, 100));
        double[][] stereo = fx.extract(audio(left, right)), mono = fx.extract(audio(left));
        assertEquals(94, stereo.length);
        for (int c = 0; c < checked.length; c++)
            assertClose(new double[][] {expected[c]}, new double[][] {stereo[checked[c]]}, 1e-9);
        assertClose(mono, stereo, 0);
    }

    @Test
    void tenTenMirrorQuirkRepeatsFeatures89To80() throws Exception {
        double[][] f = FeatureExtractor.of(FeatureParams.book(10, 10)).extract(audio(int16Signal(44100, 3)));
        for (double[] row : f)
            for (int i = 0; i < 10; i++) assertEquals(row[89 - i], row[90 + i], 0.0, "feature " + (90 + i));
        assertNotEquals(f[0][79], f[0][90]);
    }

    @Test
    void skipRulesApplyInTheBooksOrder() {
        FeatureExtractor fx = FeatureExtractor.of(FeatureParams.book(10, 100));
        assertEquals(SkipReason.CHANNELS, fx.skipReason(pcm(3, 44100, 24, 50000)).orElseThrow());
        assertEquals(SkipReason.SAMPLE_WIDTH, fx.skipReason(pcm(2, 48000, 24, 50000)).orElseThrow());
        assertEquals(SkipReason.SAMPLE_WIDTH, fx.skipReason(pcm(1, 44100, 8, 50000)).orElseThrow());
        assertEquals(SkipReason.SAMPLE_RATE, fx.skipReason(pcm(1, 48000, 16, 100)).orElseThrow());
        assertEquals(SkipReason.TOO_SHORT, fx.skipReason(pcm(2, 44100, 16, 44099)).orElseThrow());
        assertTrue(fx.skipReason(pcm(2, 44100, 16, 44100)).isEmpty());
        assertEquals(SkipReason.UNREADABLE,
                fx.skipReason(new WavInfo(WavInfo.Encoding.FLOAT, 1, 44100, 32, 50000, false)).orElseThrow());
        assertEquals(SkipReason.UNREADABLE,
                fx.skipReason(new WavInfo(WavInfo.Encoding.PCM, 1, 44100, 16, 50000, true)).orElseThrow());
    }

    @Test
    void skippedClipNamesTheRule() {
        double[] x = new double[1000];
        SkippedClipException e = assertThrows(SkippedClipException.class,
                () -> FeatureExtractor.of(FeatureParams.book(10, 10)).extract(audio(x)));
        assertEquals(SkipReason.TOO_SHORT, e.reason());
        assertTrue(e.getMessage().contains("too-short"), e.getMessage());
    }

    @Test
    void correctedModeOnlySkipsClipsShorterThanOneWindow() {
        FeatureExtractor fx = FeatureExtractor.of(FeatureParams.corrected(10, 100));
        assertTrue(fx.skipReason(pcm(6, 48000, 24, 4800)).isEmpty());
        assertEquals(SkipReason.TOO_SHORT, fx.skipReason(pcm(1, 48000, 24, 4799)).orElseThrow());
    }

    private static WavInfo pcm(int channels, int rate, int bits, int frames) {
        return new WavInfo(WavInfo.Encoding.PCM, channels, rate, bits, frames, false);
    }
}
