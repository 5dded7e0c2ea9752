package org.lstmlab.cli;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.train.ModelFile;
import java.io.IOException;
import java.nio.file.Path;

/** What the commands that read a saved model share: loading it as an input, and reading its data settings back. */
final class Cli {
    private Cli() {}

    /** A model file given as input: one that cannot be read is bad input (exit 2), whatever the reason. */
    static ModelFile load(Path file) {
        try {
            return ModelFile.load(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static FeatureConfig featureParams(ModelFile f) {
        if (f.recipe().features() == null)
            throw new IllegalArgumentException("model file " + f.path() + " does not record its feature parameters");
        return f.recipe().features();
    }

    static void requireSameClasses(ModelFile f, PackedSequences data) {
        if (!data.classNames().equals(f.recipe().classes()))
            throw new IllegalArgumentException("model file " + f.path() + " knows the classes " + f.recipe().classes()
                    + ", the data has " + data.classNames());
    }

    /** Continuing or testing on a split only makes sense on the data the model was trained on. */
    static void requireSameData(ModelFile f, PackedSequences data) {
        requireSameClasses(f, data);
        String fingerprint = f.recipe().data() == null ? null : f.recipe().data().fingerprint();
        if (!data.fingerprint().equals(fingerprint))
            throw new IllegalArgumentException("model file " + f.path() + " was trained on data " + fingerprint
                    + ", this dataset is " + data.fingerprint() + (" (evaluate --all tests it on every sample)"));
    }
}
