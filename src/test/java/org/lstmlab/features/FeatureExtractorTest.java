package org.lstmlab.features;

import org.lstmlab.audio.Audio;
import org.lstmlab.audio.WavBytes;
import org.lstmlab.audio.WavInfo;
import org.lstmlab.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
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
            assertClose(expected, FeatureExtractor.of(FeatureConfig.book(10, 10)).extract(audio(left)), 1e-9);
        }
    }

    @Test
    void bookModeMatchesTheSpecFormulaAt100msOnStereoUsingTheLeftChannelOnly() throws Exception {
        int frames = 44100 + 441 * 3 + 17;
        double[] left = int16Signal(frames, 7), right = int16Signal(frames, 8);
        int[] checked = {0, 1, 17, 40, 92, 93};
        double[][] expected = SpecFormula.bookFeatures(left, 10, 100, checked);
        FeatureExtractor fx = FeatureExtractor.of(FeatureConfig.book(10, 100));
        double[][] stereo = fx.extract(audio(left, right)), mono = fx.extract(audio(left));
        assertEquals(94, stereo.length);
        for (int c = 0; c < checked.length; c++)
            assertClose(new double[][] {expected[c]}, new double[][] {stereo[checked[c]]}, 1e-9);
        assertClose(mono, stereo, 0);
    }

    @Test
    void wavFilesReadOneAfterAnotherMatchTheSpecFormula(@TempDir Path dir) throws Exception {
        // a long stereo clip, then a shorter one: the second reuses the first's buffer, whose tail is stale
        int[] lengths = {44100 * 2 + 333, 44100 + 441 * 5 + 3};
        FeatureExtractor fx = FeatureExtractor.of(FeatureConfig.book(10, 100));
        for (int i = 0; i < lengths.length; i++) {
            double[] left = int16Signal(lengths[i], 20 + i), right = int16Signal(lengths[i], 30 + i);
            Path f = dir.resolve("clip" + i + ".wav");
            WavWriter.pcm16().sampleRate(44100).channels(2).write(f, audio(left, right).samples());
            int steps = (lengths[i] - 4410) / 441 + 1;
            int[] checked = {0, steps / 2, steps - 1};
            double[][] expected = SpecFormula.bookFeatures(left, 10, 100, checked), actual = fx.extract(f);
            assertEquals(steps, actual.length, f.toString());
            for (int c = 0; c < checked.length; c++)
                assertClose(new double[][] {expected[c]}, new double[][] {actual[checked[c]]}, 1e-9);
            // what a dataset load does: the frame count from the header, then floats into a slot of a larger array
            assertEquals(steps, fx.plan(f).steps());
            float[] packed = new float[(steps + 2) * 100];
            fx.extractInto(f, packed, 100, steps);
            for (int t = 0; t < steps; t++)
                for (int j = 0; j < 100; j++) assertEquals((float) actual[t][j], packed[(t + 1) * 100 + j], "frame " + t + " feature " + j);
            for (int j = 0; j < 100; j++) assertEquals(0f, packed[j] + packed[(steps + 1) * 100 + j], "outside the slot");
            SkippedClipException changed = assertThrows(SkippedClipException.class, () -> fx.extractInto(f, packed, 0, steps + 1));
            assertEquals(SkipReason.UNREADABLE, changed.reason(), "a clip whose length no longer matches its header");
        }
    }

    @Test
    void tenTenMirrorQuirkRepeatsFeatures89To80() throws Exception {
        double[][] f = FeatureExtractor.of(FeatureConfig.book(10, 10)).extract(audio(int16Signal(44100, 3)));
        for (double[] row : f)
            for (int i = 0; i < 10; i++) assertEquals(row[89 - i], row[90 + i], 0.0, "feature " + (90 + i));
        assertNotEquals(f[0][79], f[0][90]);
    }

    @Test
    void skipRulesApplyInTheBooksOrder() {
        FeatureExtractor fx = FeatureExtractor.of(FeatureConfig.book(10, 100));
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
                () -> FeatureExtractor.of(FeatureConfig.book(10, 10)).extract(audio(x)));
        assertEquals(SkipReason.TOO_SHORT, e.reason());
        assertTrue(e.getMessage().contains("too-short"), e.getMessage());
    }

    @Test
    void correctedModeOnlySkipsClipsShorterThanOneWindow() {
        FeatureExtractor fx = FeatureExtractor.of(FeatureConfig.corrected(10, 100));
        assertTrue(fx.skipReason(pcm(6, 48000, 24, 4800)).isEmpty());
        assertEquals(SkipReason.TOO_SHORT, fx.skipReason(pcm(1, 48000, 24, 4799)).orElseThrow());
    }

    @Test
    void correctedModeRefusesAnUnsupportedCodecInOneLineNamingTheFileAndTheRule(@TempDir Path dir) throws Exception {
        Path adpcm = WavBytes.of(2, 1, 44100, 4, 1).data(new byte[4410]).write(dir.resolve("adpcm.wav"));
        SkippedClipException e = assertThrows(SkippedClipException.class,
                () -> FeatureExtractor.of(FeatureConfig.corrected(10, 100)).extract(adpcm));
        assertEquals(adpcm + ": skipped by rule 'unreadable': unsupported codec: format tag 2 (Microsoft ADPCM)", e.getMessage());
    }

    @Test
    void correctedModeReadsTheDownMixAtUnitScaleAndMatchesTheDftOfPositiveBins() throws Exception {
        int frames = 44100;
        double[] left = int16Signal(frames, 11), right = int16Signal(frames, 12);
        FeatureExtractor fx = FeatureExtractor.of(new FeatureConfig(10, 10, FeatureMode.CORRECTED, true, false));
        double[][] f = fx.extract(audio(left, right));
        assertEquals(100, f.length);
        double[] w = new double[441], mix = new double[frames];
        double gain = 0;
        for (int i = 0; i < 441; i++) gain += w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / 441);
        for (int i = 0; i < frames; i++) mix[i] = (left[i] + right[i]) / 2 / 32768.0;
        for (int t : new int[] {0, 57, 99})
            for (int j = 0; j < 100; j++) {
                double sum = 0;
                for (int k = 1 + 2 * j; k < 3 + 2 * j; k++) sum += FrameSpectrumTest.dftMagnitude(mix, t * 441, 441, w, k);
                double expected = sum / 2 / (gain / 2);
                assertEquals(expected, f[t][j], 1e-9 * expected, "frame " + t + " feature " + j);
            }
        double[][] logged = FeatureExtractor.of(FeatureConfig.corrected(10, 10)).extract(audio(left, right));
        assertEquals(Math.log1p(f[3][40]), logged[3][40], 1e-12);
    }

    @Test
    void correctedModeResamplesOtherRatesAndKeepsAToneInItsBand() throws Exception {
        int rate = 48000, frames = 48000;
        double[] tone = new double[frames];
        for (int i = 0; i < frames; i++) tone[i] = 0.5 * Math.sin(2 * Math.PI * 5000.0 * i / rate);
        Audio a = new Audio(new WavInfo(WavInfo.Encoding.FLOAT, 1, rate, 32, frames, false), new double[][] {tone});
        double[][] f = FeatureExtractor.of(new FeatureConfig(10, 100, FeatureMode.CORRECTED, true, false)).extract(a);
        assertEquals((44100 - 4410) / 441 + 1, f.length);
        // bin 500 (5 kHz at 10 Hz per bin) lies in feature (500-1)/22 = 22; a Hann-windowed sine of amplitude 0.5
        // peaks at 0.5 and spreads over ~3 bins, so the band mean is about 0.5·(1 + 2·0.5)/22
        int peak = 0;
        for (int j = 1; j < 100; j++) if (f[45][j] > f[45][peak]) peak = j;
        assertEquals(22, peak);
        assertEquals(0.5 * 2 / 22, f[45][22], 0.002);
    }

    private static WavInfo pcm(int channels, int rate, int bits, int frames) {
        return new WavInfo(WavInfo.Encoding.PCM, channels, rate, bits, frames, false);
    }
}
