package org.lstmlab.notebook;

import org.lstmlab.data.DatasetFormats;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.synth.SyntheticPreset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import org.lstmlab.features.FeatureConfig;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A dataset for notebook steps: a folder in either layout, or (no folder) the embedded synthetic one, generated on
 * first use into datasets/synthetic-book, or datasets/synthetic-small in quick mode. Opened lazily, once.
 */
public final class LabDataset {

    private final Path folder;
    private final boolean quick;
    private SoundDataset dataset;
    private DatasetFormats formats;

    LabDataset(Path folder, boolean quick) {
        this.folder = folder;
        this.quick = quick;
    }

    /** Quick mode: the small synthetic preset when no folder was given, and short runs. */
    public boolean isQuick() { return quick; }

    /** The opened dataset (generating the synthetic one if it is missing or incomplete). */
    public SoundDataset dataset() {
        if (dataset == null) {
            try {
                dataset = SoundDataset.open(folder != null ? folder : synthetic());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataset;
    }

    private Path synthetic() throws IOException {
        return SyntheticUrbanSounds.ensureDefault(Lab.root(), SyntheticPreset.forQuick(quick), SyntheticUrbanSounds.DEFAULT_SEED);
    }

    /** One row per clip in the label file. */
    public Table metadata() { return dataset().metadata(); }

    /** Clips per class, before any skip rule. */
    public Table summary() {
        return metadata().stringColumn("class").countByCategory()
                .setName(dataset().root().getFileName() + ": clips per class");
    }

    /** Clips per format (rate, bits, channels, codec) and how many book mode keeps of each: why half the data is skipped. */
    public Table formats() { return report().formats(); }

    /** A histogram of clip durations in half seconds, with how many book mode keeps of each bin. */
    public Table durations() { return report().durations(); }

    private DatasetFormats report() {
        if (formats == null) formats = DatasetFormats.of(dataset());
        return formats;
    }

    /** Book-mode features at this interval and window (protocol §1), with the book's seeded split. */
    public LabFeatures features(int intervalMs, int windowMs) { return features(FeatureConfig.book(intervalMs, windowMs)); }

    /** Features with any parameters (e.g. {@code FeatureConfig.corrected(10, 100)}); loaded from the cache if current. */
    public LabFeatures features(FeatureConfig params) { return LabFeatures.load(dataset(), params); }

    @Override public String toString() {
        return (folder != null ? folder.toString() : "embedded synthetic dataset") + (quick ? " (quick)" : "");
    }
}
