package org.lstmlab.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Book mode's read of one channel; which files open and how many frames they give is BookRulesPythonTest's. */
class PythonWaveTest {
    @TempDir Path dir;

    @Test
    void oneInt16ChannelIsThatChannelOfTheFullDecodeTimes32768() throws Exception {
        // 30011 frames of 3 channels span two 64 kB read pieces, the second one partly filled
        double[][] samples = WavRoundTripTest.exactSamples(WavInfo.Encoding.PCM, 16, 3, 30011, 5);
        Path f = dir.resolve("three.wav");
        WavWriter.pcm16().sampleRate(44100).channels(3).chunk("LIST", new byte[5]).write(f, samples);
        Audio all = WavReader.read(f);
        double[] reused = new double[40000];
        try (PythonWave wav = PythonWave.open(f)) {
            for (int c = 0; c < 3; c++) {
                double[] want = Arrays.stream(all.samples()[c]).map(v -> v * 32768).toArray();
                assertArrayEquals(want, wav.int16Channel(c, null), 0.0, "channel " + c);
                assertSame(reused, wav.int16Channel(c, reused), "a long enough buffer is filled, not replaced");
                assertArrayEquals(want, Arrays.copyOf(reused, want.length), 0.0, "channel " + c + " in the reused buffer");
            }
            assertEquals(30011, wav.int16Channel(0, new double[10]).length, "a short buffer is replaced");
        }
        Path f24 = dir.resolve("24.wav");
        WavWriter.pcm24().channels(1).write(f24, new double[][]{{0.5, -0.5}});
        WavFormatException e = assertThrows(WavFormatException.class, () -> {
            try (PythonWave wav = PythonWave.open(f24)) {
                wav.int16Channel(0, null);
            }
        });
        assertTrue(e.getMessage().contains("24.wav") && e.fault().contains("not 2-byte samples: 3 bytes"), e.getMessage());
    }
}
