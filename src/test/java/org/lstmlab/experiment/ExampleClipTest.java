package org.lstmlab.experiment;

import org.lstmlab.audio.WavWriter;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.FeatureMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ExampleClipTest {

    @Test
    void bandFrequenciesFollowTheBooksMirroredWindow() {
        double[] hz = ExampleClip.bandHz(FeatureExtractor.of(FeatureConfig.book(10, 10)));
        // N = 441, g = 2: feature 0 averages bins 41 and 42 (100 Hz apart), feature 99 bins 239, 240 = mirrored 202, 201
        assertEquals(4150, hz[0], 1e-9);
        assertEquals(44100.0 / 441 * 201.5, hz[99], 1e-9);
        assertEquals(hz[80], hz[99], 1e-9, "features 90..99 mirror 89..80 (protocol §1.4)");
        double[] corrected = ExampleClip.bandHz(FeatureExtractor.of(new FeatureConfig(10, 10,
                org.lstmlab.features.FeatureMode.CORRECTED, false, false)));
        assertEquals(150, corrected[0], 1e-9, "corrected bands start at bin 1");
    }

    @Test
    void bookAndCorrectedSpectraAgreeWhereTheyOverlapAndOnlyCorrectedSeesLowTones(@TempDir Path dir) throws Exception {
        int n = 44100;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.25 * Math.sin(2 * Math.PI * 1000 * i / 44100.0) + 0.25 * Math.sin(2 * Math.PI * 8000 * i / 44100.0);
        Path wav = dir.resolve("two-tones.wav");
        WavWriter.pcm16().sampleRate(44100).channels(1).write(wav, new double[][] {x});
        Map<String, double[][]> s = ExampleClip.spectra(wav);
        double[][] book = s.get("book 10 ms"), corrected = s.get("corrected 10 ms");
        // 8000 and 1000 Hz fall on FFT bins (100 Hz apart), so each tone fills one of its band's two bins: 0.25 / 2 = -18.1 dBFS
        assertEquals(levelAt(corrected, 8000), levelAt(book, 8000), 0.1);
        assertEquals(20 * Math.log10(0.125), levelAt(corrected, 8000), 0.1);
        assertEquals(20 * Math.log10(0.125), levelAt(corrected, 1000), 0.1, "corrected keeps the 1 kHz tone");
        for (double f : book[0]) assertTrue(f >= 4100, "book 10-ms bands start at 4.1 kHz, found " + f);
    }

    private static double levelAt(double[][] spectrum, double hz) {
        int best = 0;
        for (int j = 1; j < spectrum[0].length; j++)
            if (Math.abs(spectrum[0][j] - hz) < Math.abs(spectrum[0][best] - hz)) best = j;
        return spectrum[1][best];
    }
}
