package org.lstmlab.cli;

import org.lstmlab.audio.WavWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A tiny Kaggle-layout dataset of tones, one class per band: 40 clips, so the book's split is 30/2/8. */
final class Tones {
    private Tones() {}

    static Path write(Path data) throws IOException {
        Files.createDirectories(data.resolve("Train"));
        StringBuilder csv = new StringBuilder("ID,Class\n");
        String[] classes = {"siren", "drilling", "dog_bark"};
        double[] hz = {5000, 9000, 14000};
        Random rng = new Random(3);
        for (int id = 0; id < 40; id++) {
            int c = id % 3;
            double[] s = new double[44100 + rng.nextInt(8000)];
            for (int k = 0; k < s.length; k++) s[k] = 0.3 * Math.sin(2 * Math.PI * hz[c] * k / 44100) + 0.05 * rng.nextGaussian();
            WavWriter.pcm16().sampleRate(44100).write(data.resolve("Train/" + id + ".wav"), new double[][] {s});
            csv.append(id).append(',').append(classes[c]).append('\n');
        }
        Files.writeString(data.resolve("train.csv"), csv);
        return data;
    }
}
