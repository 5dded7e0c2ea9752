package org.lstmlab.data;

import org.lstmlab.audio.WavWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/** Small datasets written by the tests: a mix of good and bad WAVs in both layouts. */
final class TinyDatasets {
    private TinyDatasets() {}

    static double[][] noise(int channels, int frames, long seed) {
        Random r = new Random(seed);
        double[][] s = new double[channels][frames];
        for (double[] c : s) for (int i = 0; i < frames; i++) c[i] = Math.rint(0.2 * r.nextGaussian() * 32767) / 32768;
        return s;
    }

    /**
     * Kaggle layout. Rows (ID, Class): 1 siren (ok, 1.2 s stereo), 2 dog_bark (ok, 1.0 s), 3 siren (24-bit),
     * 4 jackhammer (48 kHz), 5 drilling (0.5 s), 6 dog_bark (3 channels), 7 engine_idling (float), 8 siren (not RIFF),
     * 9 car_horn (missing file), then refused rows ../escape, /etc/passwd and a symlink out, and 10 gun_shot (ok, 1.5 s
     * in a file cut short: its header claims 2 s, so it is kept with a warning).
     */
    static Path kaggle(Path root, String csvName) throws IOException {
        Path train = Files.createDirectories(root.resolve("Train"));
        WavWriter.pcm16().channels(2).sampleRate(44100).write(train.resolve("1.wav"), noise(2, 52920, 1));
        WavWriter.pcm16().channels(1).sampleRate(44100).write(train.resolve("2.wav"), noise(1, 44100, 2));
        WavWriter.pcm24().channels(1).sampleRate(44100).write(train.resolve("3.wav"), noise(1, 44100, 3));
        WavWriter.pcm16().channels(1).sampleRate(48000).write(train.resolve("4.wav"), noise(1, 48000, 4));
        WavWriter.pcm16().channels(1).sampleRate(44100).write(train.resolve("5.wav"), noise(1, 22050, 5));
        WavWriter.pcm16().channels(3).sampleRate(44100).write(train.resolve("6.wav"), noise(3, 44100, 6));
        WavWriter.float32().channels(1).sampleRate(44100).write(train.resolve("7.wav"), noise(1, 44100, 7));
        Files.writeString(train.resolve("8.wav"), "this is not a RIFF file");
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        WavWriter.pcm16().channels(1).sampleRate(44100).write(outside.resolve("secret.wav"), noise(1, 44100, 8));
        Files.createSymbolicLink(train.resolve("link.wav"), outside.resolve("secret.wav"));
        Path cut = train.resolve("10.wav");
        WavWriter.pcm16().channels(1).sampleRate(44100).write(cut, noise(1, 2 * 44100, 10));
        try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            ch.truncate(44 + 2 * 66150);
        }
        Files.writeString(root.resolve(csvName), "ID,Class\n1,siren\n2,dog_bark\n3,siren\n4,jackhammer\n5,drilling\n"
                + "6,dog_bark\n7,engine_idling\n8,siren\n9,car_horn\n../elsewhere/secret,street_music\n/etc/passwd,siren\n"
                + "link,siren\n10,gun_shot\n");
        return root;
    }

    /** UrbanSound8K layout: four clips in folds 1, 2 and 3; fsID 100 spans folds 1 and 2. */
    static Path urbanSound(Path root) throws IOException {
        Files.createDirectories(root.resolve("metadata"));
        StringBuilder csv = new StringBuilder("slice_file_name,fsID,start,end,salience,fold,classID,class\n");
        String[][] rows = {{"100-3-0-0.wav", "100", "1", "1", "dog_bark", "3"}, {"100-3-0-1.wav", "100", "2", "2", "dog_bark", "3"},
                {"200-4-0-0.wav", "200", "3", "1", "drilling", "4"}, {"300-8-0-0.wav", "300", "3", "2", "siren", "8"}};
        int seed = 0;
        for (String[] r : rows) {
            Path fold = Files.createDirectories(root.resolve("audio/fold" + r[2]));
            WavWriter.pcm16().channels(1).sampleRate(44100).write(fold.resolve(r[0]), noise(1, 44100, seed++));
            csv.append(r[0]).append(',').append(r[1]).append(",0.0,1.0,").append(r[3]).append(',').append(r[2])
                    .append(',').append(r[5]).append(',').append(r[4]).append('\n');
        }
        csv.append("../../x.wav,400,0,1,1,4,8,siren\n");
        Files.writeString(root.resolve("metadata/UrbanSound8K.csv"), csv.toString());
        return root;
    }
}
