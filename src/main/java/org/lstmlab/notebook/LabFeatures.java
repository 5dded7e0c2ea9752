package org.lstmlab.notebook;

import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.CellType;
import org.lstmlab.train.TrainConfig;
import tech.tablesaw.api.Table;

/** Packed feature sequences of one dataset at one feature setting, with the book's split (protocol §2). */
public final class LabFeatures {

    private final LoadResult result;
    private final Split split;
    private final boolean quick;

    private LabFeatures(LoadResult result, Split split, boolean quick) {
        this.result = result;
        this.split = split;
        this.quick = quick;
    }

    static LabFeatures load(SoundDataset dataset, FeatureConfig params, boolean quick) {
        var bar = new NotebookProgress("features " + params.tag());
        LoadResult r = dataset.load(params, LoadConfig.defaults().progress(bar));
        return new LabFeatures(r, Splits.book(r.sequences().size(), TrainConfig.BOOK_SEED), quick);
    }

    public LoadResult result() { return result; }
    public PackedSequences sequences() { return result.sequences(); }
    public FeatureConfig params() { return result.sequences().params(); }
    public Split split() { return split; }
    public boolean isQuick() { return quick; }

    /** True when the features came from the on-disk cache rather than from the audio. */
    public boolean fromCache() { return result.fromCache(); }

    /** Clips per class: in the label file, and kept by the skip rules. */
    public Table clipsPerClass() { return result.clipsPerClass(); }

    /** Skipped files, counted per rule. */
    public Table skips() { return result.skips().table(); }

    /** The book's basic RNN (ReLU), hidden size 20. */
    public Setup rnn() { return setup(CellType.RNN); }

    /** The book's LSTM, hidden size 20. */
    public Setup lstm() { return setup(CellType.LSTM); }

    /** The LSTM whose classifier reads the cell state. */
    public Setup state() { return setup(CellType.LSTM_STATE); }

    public Setup setup(CellType cell) {
        return new Setup(this, TrainConfig.book(cell));
    }

    /** What {@link Lab#train} needs: these features and a training configuration (the book's by default). */
    public record Setup(LabFeatures features, TrainConfig config) {
        public Setup hidden(int h) { return new Setup(features, config.withHidden(h)); }
        public Setup clip(double norm) { return new Setup(features, config.withClipNorm(norm)); }
        public Setup report(int every) { return new Setup(features, config.withReport(every)); }
        public Setup seed(long seed) { return new Setup(features, config.withSeed(seed)); }
        public Setup learningRate(double lr) { return new Setup(features, config.withLearningRate(lr)); }
    }

    @Override
    public String toString() {
        return sequences().size() + " sequences at " + params().tag() + " ms (" + params().mode() + "), split "
                + split.train().length + "/" + split.validation().length + "/" + split.test().length
                + (fromCache() ? ", from cache" : "");
    }
}
