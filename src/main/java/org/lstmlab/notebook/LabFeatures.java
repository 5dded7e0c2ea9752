package org.lstmlab.notebook;

import org.lstmlab.data.Clip;
import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.CellType;
import org.lstmlab.plot.Charts;
import org.lstmlab.train.TrainConfig;
import org.knowm.xchart.HeatMapChart;
import tech.tablesaw.api.Table;

/**
 * Packed feature sequences of one dataset at one feature setting, with the book's split (protocol §2), and the
 * seconds their loading took.
 */
public record LabFeatures(LoadResult result, Split split, double seconds) {
    /** Columns of a spectrogram chart: enough for a 4 s clip at one column per 20 ms. */
    static final int SPECTROGRAM_COLUMNS = 200;

    static LabFeatures load(SoundDataset dataset, FeatureConfig params) {
        long start = System.nanoTime();
        LoadResult r = dataset.load(params, LoadConfig.defaults().progress(new NotebookProgress()));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LabFeatures(r, Splits.book(r.sequences().size(), TrainConfig.BOOK_SEED), seconds);
    }

    public PackedSequences sequences() { return result.sequences(); }
    public FeatureConfig params() { return result.sequences().params(); }

    /** True when the features came from the on-disk cache rather than from the audio. */
    public boolean fromCache() { return result.fromCache(); }

    /** Clips per class: in the label file, and kept by the skip rules. */
    public Table clipsPerClass() { return result.clipsPerClass(); }

    /** Skipped files, counted per rule. */
    public Table skips() { return result.skips().table(); }

    /** The clip behind sequence {@code i} (0 = the first clip kept). */
    public Clip clip(int i) { return result.clip(i); }

    /**
     * The clip's features as a spectrogram, read from these packed sequences (no second extraction): time across,
     * feature band up.
     */
    public HeatMapChart spectrogram(Clip clip) {
        PackedSequences s = sequences();
        int i = 0;
        while (i < s.size() && !result.clip(i).equals(clip)) i++;
        if (i == s.size())
            throw new IllegalArgumentException("clip " + clip.id() + " was skipped at " + params().tag() + " ms (" + params().mode()
                    + " mode); skips() counts the rules");
        double[][] frames = new double[s.length(i)][s.features()];
        for (int t = 0; t < frames.length; t++) for (int f = 0; f < frames[t].length; f++) frames[t][f] = s.value(i, t, f);
        return Charts.english().spectrogram(clip.className() + " (clip " + clip.id() + "), features at " + params().windowMs() + " ms",
                frames, params().hop() / (double) FeatureConfig.SAMPLE_RATE, SPECTROGRAM_COLUMNS);
    }

    /** The book's basic RNN (ReLU), hidden size 20. */
    public Setup rnn() { return setup(CellType.RNN); }

    /** The book's LSTM, hidden size 20. */
    public Setup lstm() { return setup(CellType.LSTM); }

    /** The LSTM whose classifier reads the cell state. */
    public Setup state() { return setup(CellType.LSTM_STATE); }

    /** A GRU (not in the book; docs/cells.md), hidden size 20, trained on the book's settings. */
    public Setup gru() { return setup(CellType.GRU); }

    public Setup setup(CellType cell) { return new Setup(this, TrainConfig.book(cell)); }

    /** What {@link Lab#train} needs: these features and a training configuration (the book's by default). */
    public record Setup(LabFeatures features, TrainConfig config) {
        public Setup hidden(int h) { return new Setup(features, config.withHidden(h)); }
        public Setup clip(double norm) { return new Setup(features, config.withClipNorm(norm)); }
        public Setup report(int every) { return new Setup(features, config.withReport(every)); }
        public Setup seed(long seed) { return new Setup(features, config.withSeed(seed)); }
        public Setup learningRate(double lr) { return new Setup(features, config.withLearningRate(lr)); }
    }

    @Override public String toString() {
        return sequences().size() + " sequences at " + params().tag() + " ms (" + params().mode() + "), split "
                + split.train().length + "/" + split.validation().length + "/" + split.test().length
                + String.format(java.util.Locale.ROOT, ", %s in %.2f s", fromCache() ? "from cache" : "extracted", seconds);
    }
}
