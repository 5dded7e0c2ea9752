package org.lstmlab.cli;

import org.lstmlab.audio.WavWriter;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FeaturesCommandTest {
    final CliRun cli = new CliRun();

    static Path wav(Path dir, int rate, int frames) throws Exception {
        Random r = new Random(5);
        double[][] s = new double[2][frames];
        for (double[] c : s) for (int i = 0; i < frames; i++) c[i] = Math.rint(r.nextGaussian() * 4000) / 32768;
        Path f = dir.resolve("clip.wav");
        WavWriter.pcm16().channels(2).sampleRate(rate).write(f, s);
        return f;
    }

    @Test
    void writesEveryFrameAtFullPrecision(@TempDir Path dir) throws Exception {
        Path f = wav(dir, 44100, 44100 + 882);
        assertEquals(0, cli.run("features", f.toString(), "--window", "10-10"));
        List<String> rows = cli.out.toString().lines().toList();
        double[][] expected = FeatureExtractor.of(FeatureConfig.book(10, 10)).extract(f);
        assertEquals(102, rows.size());
        for (int t = 0; t < rows.size(); t++) {
            String[] cells = rows.get(t).split(",");
            assertEquals(100, cells.length);
            for (int j = 0; j < 100; j++) assertEquals(expected[t][j], Double.parseDouble(cells[j]), 0.0);
        }
    }

    @Test
    void correctedModeToAFile(@TempDir Path dir) throws Exception {
        Path f = wav(dir, 48000, 48000), csv = dir.resolve("f.csv");
        assertEquals(0, cli.run("features", f.toString(), "--window", "10-10", "--mode", "corrected", "--hann", "--log", "--out", csv.toString()));
        assertEquals(100, Files.readAllLines(csv).size());
        assertEquals("", cli.out.toString());
    }

    @Test
    void skippedFileExitsWith2AndOneLineNamingTheRule(@TempDir Path dir) throws Exception {
        Path f = wav(dir, 48000, 48000);
        assertEquals(2, cli.run("features", f.toString()));
        List<String> lines = cli.err.toString().lines().toList();
        assertEquals(1, lines.size(), cli.err.toString());
        assertTrue(lines.get(0).contains("sample-rate") && lines.get(0).contains("clip.wav"), lines.get(0));
        assertEquals("", cli.out.toString());
    }
}
