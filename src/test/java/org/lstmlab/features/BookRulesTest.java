package org.lstmlab.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.audio.PythonWave;
import org.lstmlab.audio.WavBytes;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Book mode decides every file of {@link BookCorpus} as the book's reader does (Python 3.11's table). */
class BookRulesTest {
    @TempDir Path dir;

    @Test
    void everyCorpusFileIsKeptOrSkippedByTheBooksRule() throws Exception {
        FeatureExtractor fx = FeatureExtractor.of(FeatureConfig.book(10, 100));
        for (BookCorpus.Entry e : BookCorpus.write(dir)) {
            Path f = dir.resolve(e.name());
            if (e.rule() == null) {
                FeatureExtractor.Plan plan = fx.plan(f);
                assertEquals(e.frames(), frames(f), e.name());
                assertEquals(fx.params().steps(e.frames()), plan.steps(), e.name());
                assertEquals(plan.steps(), fx.extract(f).length, e.name());
            } else {
                SkippedClipException s = assertThrows(SkippedClipException.class, () -> fx.plan(f), e.name());
                assertEquals(e.rule(), s.reason(), e.name() + ": " + s.getMessage());
                assertTrue(s.getMessage().startsWith(f.toString()) && s.getMessage().contains(e.rule().rule()), s.getMessage());
                if (e.rule() == SkipReason.TOO_SHORT) assertEquals(e.frames(), frames(f), e.name());
            }
        }
    }

    @Test
    void aClipCutShortIsKeptWithTheFramesPresentAndAWarning() throws Exception {
        FeatureExtractor fx = FeatureExtractor.of(FeatureConfig.book(10, 100));
        WavBytes whole = WavBytes.pcm(2, 44100, 16).frames(2 * 44100);
        Path cut = whole.cutDataAt(4 * 60000 + 3).write(dir.resolve("cut.wav"));
        FeatureExtractor.Plan plan = fx.plan(cut);
        assertEquals("truncated: 240003 of 352800 bytes read", plan.warning().orElseThrow());
        // the same as a file that holds just those 60000 frames
        byte[] present = Arrays.copyOfRange(whole.bytes(), 44, 44 + 4 * 60000);
        Path exact = WavBytes.pcm(2, 44100, 16).data(present).write(dir.resolve("exact.wav"));
        assertTrue(fx.plan(exact).warning().isEmpty());
        assertArrayEquals(fx.extract(exact), fx.extract(cut));
    }

    @Test
    void unreadableNamesWhatPythonsWaveRaises() {
        FeatureExtractor fx = FeatureExtractor.of(FeatureConfig.book(10, 100));
        SkippedClipException e = assertThrows(SkippedClipException.class,
                () -> fx.plan(WavBytes.of(3, 1, 44100, 32, 4).frames(10).write(dir.resolve("f.wav"))));
        assertTrue(e.detail().equals("Python's wave.open raises wave.Error: unknown format: 3 (IEEE float)"), e.detail());
        SkippedClipException missing = assertThrows(SkippedClipException.class, () -> fx.plan(dir.resolve("nothing.wav")));
        assertEquals(SkipReason.UNREADABLE, missing.reason());
        assertEquals("file not found", missing.detail());
    }

    private static int frames(Path f) throws Exception {
        try (PythonWave w = PythonWave.open(f)) {
            return w.frames();
        }
    }
}
