package org.lstmlab.experiment;

import org.lstmlab.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A tiny Kaggle-layout dataset of real WAV files: each class a tone of its own (above 4.1 kHz) in noise. */
public final class TinyWavs {
    static final String[] CLASSES = {"siren", "drilling", "dog_bark"};
    static final double[] HZ = {5000, 9000, 14000};

    private TinyWavs() {}

    /** perClass clips per class, 1.0–1.1 s, 44.1 kHz 16-bit mono, plus one 8-bit clip book mode skips. */
    public static Path kaggle(Path root, int perClass, long seed) throws IOException {
        Random rng = new Random(seed);
        Files.createDirectories(root.resolve("Train"));
        StringBuilder csv = new StringBuilder("ID,Class\n");
        int id = 0;
        for (int k = 0; k < perClass; k++)
            for (int c = 0; c < CLASSES.length; c++, id++) {
                tone(root.resolve("Train/" + id + ".wav"), c, rng);
                csv.append(id).append(',').append(CLASSES[c]).append('\n');
            }
        WavWriter.pcm8().sampleRate(44100).channels(1).write(root.resolve("Train/" + id + ".wav"), new double[][] {new double[44100]});
        csv.append(id).append(',').append(CLASSES[0]).append('\n');
        Files.writeString(root.resolve("train.csv"), csv);
        return root;
    }

    /** UrbanSound8K layout: perClass clips per class in each of folds 1..folds, each clip its own recording. */
    static Path urbanSound8k(Path root, int folds, int perClass, long seed) throws IOException {
        Random rng = new Random(seed);
        Files.createDirectories(root.resolve("metadata"));
        StringBuilder csv = new StringBuilder("slice_file_name,fsID,start,end,salience,fold,classID,class\n");
        int id = 0;
        for (int f = 1; f <= folds; f++) {
            Files.createDirectories(root.resolve("audio/fold" + f));
            for (int k = 0; k < perClass; k++)
                for (int c = 0; c < CLASSES.length; c++, id++) {
                    String name = id + "-" + c + "-0-0.wav";
                    tone(root.resolve("audio/fold" + f + "/" + name), c, rng);
                    csv.append(name).append(',').append(id).append(",0,1,1,").append(f).append(',').append(c).append(',')
                            .append(CLASSES[c]).append('\n');
                }
        }
        Files.writeString(root.resolve("metadata/UrbanSound8K.csv"), csv);
        return root;
    }

    /** A 1.0–1.1 s tone of class c in noise, 44.1 kHz 16-bit mono. */
    private static void tone(Path file, int c, Random rng) throws IOException {
        int n = 44100 + rng.nextInt(4410);
        double[] x = new double[n];
        double phase = rng.nextDouble() * 6, amp = 0.2 + 0.2 * rng.nextDouble();
        for (int i = 0; i < n; i++) x[i] = amp * Math.sin(phase + 2 * Math.PI * HZ[c] * i / 44100) + 0.1 * rng.nextGaussian();
        WavWriter.pcm16().sampleRate(44100).channels(1).write(file, new double[][] {x});
    }
}
