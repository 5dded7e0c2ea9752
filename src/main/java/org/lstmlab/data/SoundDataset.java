package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A labelled sound dataset on disk (Kaggle or UrbanSound8K layout): its accepted clips in CSV order, class names in
 * first-appearance order (protocol §1.2: a class is registered before its wav is checked), the CSV rows refused by
 * {@link LabelRows}' rules, fsIDs found in more than one fold, and a fingerprint of the CSV and every audio file's name, size
 * and modification time.
 *
 * @param csv the label CSV (train.csv, Train.csv or metadata/UrbanSound8K.csv)
 * @param audioDir Train/ or audio/
 * @param refusedRows one message per CSV row that was refused (see {@link LabelRows} for the rules): file, row and rule
 * @param foldConflicts UrbanSound8K: one message per fsID found in more than one fold (would leak across fold splits)
 */
public record SoundDataset(Path root, DatasetLayout layout, Path csv, Path audioDir, List<Clip> clips,
                           List<String> classNames, List<String> refusedRows, List<String> foldConflicts,
                           String fingerprint) {
    public SoundDataset {
        clips = List.copyOf(clips);
        classNames = List.copyOf(classNames);
        refusedRows = List.copyOf(refusedRows);
        foldConflicts = List.copyOf(foldConflicts);
    }

    /** The dataset of these rows, fingerprinted as its files are now. */
    private static SoundDataset of(Path root, DatasetLayout layout, Path csv, Path audioDir, List<Clip> clips,
                                   List<String> classNames, List<String> refused, List<String> conflicts)
            throws IOException {
        String fingerprint = fingerprint(root, layout, csv, clips);
        return new SoundDataset(root, layout, csv, audioDir, clips, classNames, refused, conflicts, fingerprint);
    }

    /** Opens the dataset at {@code root}, detecting the layout (see {@link DatasetLayout#detect}). */
    public static SoundDataset open(Path root) throws IOException { return open(root, DatasetLayout.detect(root)); }

    public static SoundDataset open(Path root, DatasetLayout layout) throws IOException {
        Path dir = layout.datasetRoot(root.toAbsolutePath().normalize());
        boolean kaggle = layout == DatasetLayout.KAGGLE;
        Path csv = kaggle ? DatasetLayout.kaggleCsv(dir).orElseThrow() : dir.resolve("metadata/UrbanSound8K.csv");
        Path audio = dir.resolve(kaggle ? "Train" : "audio");
        LabelRows.Result rows = kaggle ? LabelRows.kaggle(csv, audio) : LabelRows.urbanSound(csv, audio);
        return of(dir, layout, csv, audio, rows.clips(), rows.classNames(), rows.refused(), rows.foldConflicts());
    }

    /** SHA-256 over layout, CSV bytes and each clip's relative path, size and mtime (or "missing"). */
    private static String fingerprint(Path root, DatasetLayout layout, Path csv, List<Clip> clips) throws IOException {
        MessageDigest md = sha256();
        md.update((layout + "\n" + csv.getFileName() + "\n").getBytes());
        md.update(Files.readAllBytes(csv));
        for (Clip c : clips) {
            String stat;
            try {
                BasicFileAttributes a = Files.readAttributes(c.file(), BasicFileAttributes.class);
                stat = a.size() + "/" + a.lastModifiedTime().toMillis();
            } catch (IOException e) {
                stat = "missing";
            }
            md.update(("\n" + relative(root, c) + "|" + stat).getBytes());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A SHA-256 digest, for the dataset's fingerprint and the feature cache's key (every JVM has the algorithm). */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DataSource source() { return new DataSource(root.toString(), layout, fingerprint); }

    /** The clip's path relative to the dataset root, e.g. Train/123.wav or audio/fold3/x.wav. */
    public String relative(Clip c) { return relative(root, c); }

    private static String relative(Path root, Clip c) {
        return root.relativize(c.file()).toString().replace('\\', '/');
    }

    /** Accepted rows as a table: line, id, class, label, path, and for UrbanSound8K fold, fsID and salience. */
    public Table metadata() {
        Table t = Table.create(root.getFileName() + " metadata",
                IntColumn.create("line", clips.stream().mapToInt(Clip::line)),
                StringColumn.create("id", clips.stream().map(Clip::id)),
                StringColumn.create("class", clips.stream().map(Clip::className)),
                IntColumn.create("label", clips.stream().mapToInt(Clip::label)),
                StringColumn.create("path", clips.stream().map(this::relative)));
        if (layout == DatasetLayout.URBANSOUND8K)
            t.addColumns(IntColumn.create("fold", clips.stream().mapToInt(Clip::fold)),
                    StringColumn.create("fsID", clips.stream().map(Clip::fsId)),
                    IntColumn.create("salience", clips.stream().mapToInt(Clip::salience)));
        return t;
    }

    /** The same dataset cut to its first {@code n} clips (quick runs, benchmarks); classes keep their order. */
    public SoundDataset limit(int n) {
        if (n >= clips.size()) return this;
        try {
            return of(root, layout, csv, audioDir, clips.subList(0, n), classNames, refusedRows, foldConflicts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Features for every clip, from the cache beside the dataset when it is current (see {@link DatasetLoader}). */
    public LoadResult load(FeatureConfig params) { return load(params, LoadConfig.defaults()); }

    public LoadResult load(FeatureConfig params, LoadConfig options) {
        return new DatasetLoader(this, options).load(params);
    }

    @Override public String toString() { return layout + " dataset at " + root + " (" + clips.size() + " clips)"; }
}
