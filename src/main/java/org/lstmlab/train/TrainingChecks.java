package org.lstmlab.train;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.nn.ModelConfig;
import java.util.List;

/** Checks run before any training step, so a bad setup fails at once with a message that says what to change. */
final class TrainingChecks {
    private TrainingChecks() {}

    static void check(ModelConfig model, TrainConfig config, PackedSequences data, Split split) {
        if (data == null || split == null) throw new IllegalStateException("no data: call on(data, split) before train()");
        int n = data.size();
        inRange(split.train(), n, "training");
        inRange(split.validation(), n, "validation");
        inRange(split.test(), n, "test");
        if (split.train().length == 0) throw new IllegalArgumentException("the training split '" + split.name() + "' is empty");
        if (config.batchSize() > split.train().length)
            throw new IllegalArgumentException("batch size " + config.batchSize() + " is larger than the training split ("
                    + split.train().length + " samples); use a batch of at most " + split.train().length);
        if (config.report() > 0 && split.validation().length == 0)
            throw new IllegalArgumentException("the validation split '" + split.name() + "' is empty, but report every "
                    + config.report() + " epochs needs validation samples (use report 0 to train silently)");
        if (config.earlyStopping().on() && config.report() == 0)
            throw new IllegalArgumentException("early stopping (patience " + config.earlyStopping().patience()
                    + ") judges the validation pass of each report; set report > 0");
        if (model.inputs() != data.features())
            throw new IllegalArgumentException("the model reads " + model.inputs() + " features per step, the data has " + data.features());
        if (model.classes() != data.classNames().size())
            throw new IllegalArgumentException("the model has " + model.classes() + " classes but the data's labels have "
                    + data.classNames().size() + " classes " + data.classNames());
        for (int[] part : List.of(split.train(), split.validation(), split.test())) finite(data, part);
    }

    private static void inRange(int[] indices, int n, String what) {
        for (int i : indices)
            if (i < 0 || i >= n) throw new IllegalArgumentException("the " + what + " split holds index " + i + ", outside 0.." + (n - 1));
    }

    /** Scans each sequence's valid steps for NaN or infinite values; names the first one found. */
    private static void finite(PackedSequences data, int[] indices) {
        float[] x = data.x();
        int f = data.features();
        for (int i : indices) {
            int base = i * data.maxSteps() * f, end = base + data.length(i) * f;
            for (int k = base; k < end; k++)
                if (!Float.isFinite(x[k]))
                    throw new IllegalArgumentException("feature sequence " + i + " (" + data.paths().get(i) + ") has "
                            + x[k] + " at step " + ((k - base) / f + 1) + ", feature " + (k - base) % f
                            + "; every feature must be a finite number");
        }
    }
}
