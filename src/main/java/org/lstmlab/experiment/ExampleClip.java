package org.lstmlab.experiment;

import org.lstmlab.audio.Audio;
import org.lstmlab.audio.WavReader;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.FeatureMode;
import org.lstmlab.features.SkippedClipException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The data behind the report's two audio pictures, kept in the report folder (example/) so a reloaded report can
 * redraw them without the dataset: one clip's feature matrix at each window, and its time-averaged spectrum as the
 * book's bands see it against the corrected bands (protocol §1.4: the 10-ms book window keeps nothing below 4.1 kHz).
 * Spectra are {frequency Hz per band, level in dBFS}: book features are at int16 scale, corrected ones at [-1, 1)
 * scale, both divided by half the window length, so after dividing book values by 32768 the two line up where they
 * overlap and the book's 10-ms line simply stops at 4.1 kHz.
 */
public record ExampleClip(String clip, double hopSeconds, Map<String, double[][]> spectrograms, Map<String, double[][]> spectra) {

    /** The first clip kept in every feature set (a clip that survives book mode when the run uses it). */
    static ExampleClip of(SoundDataset ds, Map<FeatureConfig, LoadResult> loaded) {
        List<PackedSequences> sets = loaded.values().stream().map(LoadResult::sequences).toList();
        List<java.util.Set<String>> kept = sets.stream().map(s -> (java.util.Set<String>) new java.util.HashSet<>(s.paths())).toList();
        String clip = sets.get(0).paths().stream().filter(p -> kept.stream().allMatch(k -> k.contains(p))).findFirst().orElse(null);
        if (clip == null) return new ExampleClip("", 0, Map.of(), Map.of());
        Map<String, double[][]> grams = new LinkedHashMap<>();
        for (PackedSequences s : sets) {
            int i = s.paths().indexOf(clip);
            double[][] m = new double[s.length(i)][s.features()];
            for (int t = 0; t < m.length; t++) for (int f = 0; f < m[t].length; f++) m[t][f] = s.value(i, t, f);
            grams.put(s.params().mode().id() + " " + s.params().windowMs() + " ms window", m);
        }
        double hop = sets.get(0).params().hop() / (double) FeatureConfig.SAMPLE_RATE;
        return new ExampleClip(clip, hop, grams, spectra(ds.root().resolve(clip)));
    }

    /** Book and corrected (linear, no Hann) bands at 10 ms, and book at 100 ms, averaged over the clip. */
    static Map<String, double[][]> spectra(Path wav) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        try {
            Audio audio = WavReader.read(wav);
            for (FeatureConfig p : new FeatureConfig[] {FeatureConfig.book(10, 10),
                    new FeatureConfig(10, 10, FeatureMode.CORRECTED, false, false), FeatureConfig.book(10, 100)}) {
                FeatureExtractor fx = FeatureExtractor.of(p);
                double[][] frames = fx.extract(audio);
                double fullScale = p.mode() == FeatureMode.BOOK ? 32768 : 1;
                out.put(p.mode().id() + " " + p.windowMs() + " ms", new double[][] {bandHz(fx), dbfs(frames, fullScale)});
            }
        } catch (IOException | RuntimeException | org.lstmlab.features.SkippedClipException e) {
            // the picture is optional: a clip book mode skips has no book spectrum to show
            return Map.of();
        }
        return out;
    }

    /** Mean |frequency| of each band's FFT bins; past N/2 a bin k stands for N - k (the book's mirrored bands). */
    static double[] bandHz(FeatureExtractor fx) {
        FeatureConfig p = fx.params();
        int n = p.chunkSize(), g = p.groupSize();
        double[] hz = new double[FeatureConfig.FEATURES];
        for (int j = 0; j < hz.length; j++) {
            for (int k = fx.firstBin() + j * g; k < fx.firstBin() + (j + 1) * g; k++)
                hz[j] += Math.min(k, n - k) * (double) FeatureConfig.SAMPLE_RATE / n / g;
        }
        return hz;
    }

    /** Time-averaged band level in dB relative to a full-scale sine (floored at -200 dB for silent bands). */
    private static double[] dbfs(double[][] frames, double fullScale) {
        double[] db = new double[frames[0].length];
        for (int j = 0; j < db.length; j++) {
            double mean = 0;
            for (double[] f : frames) mean += f[j] / frames.length;
            db[j] = 20 * Math.log10(Math.max(mean / fullScale, 1e-10));
        }
        return db;
    }

    void write(Path dir) {
        Path ex = dir.resolve("example");
        try {
            Files.createDirectories(ex);
            Files.writeString(ex.resolve("clip.txt"), clip + "\n" + hopSeconds + "\n");
            int k = 0;
            for (Map.Entry<String, double[][]> e : spectrograms.entrySet()) {
                double[][] m = e.getValue();
                Table t = Table.create(e.getKey(), IntStream.range(0, m.length == 0 ? 0 : m[0].length).mapToObj(f ->
                        DoubleColumn.create(String.format("band_%03d", f), Arrays.stream(m).mapToDouble(row -> row[f]))));
                Files.writeString(ex.resolve("spectrogram-" + k + ".name"), e.getKey());
                t.write().csv(ex.resolve("spectrogram-" + k++ + ".csv").toFile());
            }
            StringColumn series = StringColumn.create("series");
            DoubleColumn hz = DoubleColumn.create("hz"), db = DoubleColumn.create("db");
            spectra.forEach((name, xy) -> {
                for (int j = 0; j < xy[0].length; j++) {
                    series.append(name);
                    hz.append(xy[0][j]);
                    db.append(xy[1][j]);
                }
            });
            if (!spectra.isEmpty()) Table.create("spectra", series, hz, db).write().csv(ex.resolve("spectra.csv").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ex + ": " + e.getMessage(), e);
        }
    }

    static ExampleClip read(Path dir) {
        Path ex = dir.resolve("example");
        if (!Files.isDirectory(ex)) return new ExampleClip("", 0, Map.of(), Map.of());
        try {
            List<String> head = Files.readAllLines(ex.resolve("clip.txt"));
            Map<String, double[][]> grams = new LinkedHashMap<>();
            List<Path> names;
            try (Stream<Path> s = Files.list(ex)) {
                names = s.filter(p -> p.getFileName().toString().endsWith(".name")).sorted().toList();
            }
            for (Path name : names) {
                Table t = Table.read().csv(name.resolveSibling(name.getFileName().toString().replace(".name", ".csv")).toFile());
                grams.put(Files.readString(name), t.as().doubleMatrix());
            }
            Map<String, double[][]> spectra = new LinkedHashMap<>();
            if (Files.isRegularFile(ex.resolve("spectra.csv"))) {
                Table sp = Table.read().usingOptions(CsvReadOptions.builder(ex.resolve("spectra.csv").toFile())
                        .columnTypes(new tech.tablesaw.api.ColumnType[] {tech.tablesaw.api.ColumnType.STRING,
                                tech.tablesaw.api.ColumnType.DOUBLE, tech.tablesaw.api.ColumnType.DOUBLE}));
                for (String name : new java.util.LinkedHashSet<>(sp.stringColumn("series").asList())) {
                    Table part = sp.where(sp.stringColumn("series").isEqualTo(name));
                    spectra.put(name, new double[][] {part.numberColumn("hz").asDoubleArray(), part.numberColumn("db").asDoubleArray()});
                }
            }
            return new ExampleClip(head.get(0), Double.parseDouble(head.get(1)), grams, spectra);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ex + ": " + e.getMessage(), e);
        }
    }
}
