package org.lstmlab.cli;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.train.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the commands that read a saved model share: loading it as an input, and reading its data settings back. */
final class Cli {
    private static final Pattern BOOK_SPLIT = Pattern.compile("book\\(seed=(-?\\d+)\\)");

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
        if (!(f.recipe().get("features") instanceof Map<?, ?> m))
            throw new IllegalArgumentException("model file " + f.path() + " does not record its feature parameters");
        @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
        return FeatureConfig.fromMap(map);
    }

    /** The seed of the book split the model was trained on, from the split name the data layer gave it. */
    static long splitSeed(ModelFile f) {
        Object split = f.recipe().get("split") instanceof Map<?, ?> m ? m.get("name") : null;
        Matcher matcher = BOOK_SPLIT.matcher(String.valueOf(split));
        if (!matcher.matches())
            throw new IllegalArgumentException("model file " + f.path() + " was trained on split '" + split
                    + "', not a book split; use evaluate --all");
        return Long.parseLong(matcher.group(1));
    }

    static void requireSameClasses(ModelFile f, PackedSequences data) {
        Object classes = f.recipe().get("classes");
        if (!data.classNames().equals(classes))
            throw new IllegalArgumentException("model file " + f.path() + " knows the classes " + classes + ", the data has " + data.classNames());
    }

    /** Continuing or testing on a split only makes sense on the data the model was trained on. */
    static void requireSameData(ModelFile f, PackedSequences data) {
        requireSameClasses(f, data);
        Object fingerprint = f.recipe().get("data");
        if (!data.fingerprint().equals(fingerprint))
            throw new IllegalArgumentException("model file " + f.path() + " was trained on data " + fingerprint
                    + ", this dataset is " + data.fingerprint() + (" (evaluate --all tests it on every sample)"));
    }
}
