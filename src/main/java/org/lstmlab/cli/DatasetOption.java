package org.lstmlab.cli;

import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.LoadProgress;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.synth.SyntheticPreset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import org.lstmlab.features.FeatureConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** --data DIR, else the embedded synthetic dataset (generated on first use); shared by train and evaluate. */
final class DatasetOption {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset root (Kaggle or UrbanSound8K layout). Default: the embedded synthetic dataset.")
    Path data;

    @Option(names = "--synthetic", defaultValue = "book", paramLabel = "PRESET",
            description = "Synthetic preset used without --data: book or small. Default: ${DEFAULT-VALUE}")
    String synthetic;

    Path root() throws IOException {
        if (data != null) return data;
        SyntheticPreset preset = SyntheticPreset.parse(synthetic);
        return SyntheticUrbanSounds.ensureDefault(Path.of(""), preset, SyntheticUrbanSounds.DEFAULT_SEED)
                .resolve(SyntheticUrbanSounds.KAGGLE);
    }

    /** Features of every clip, with a console bar while extracting on a terminal. */
    LoadResult load(FeatureConfig params, boolean progress) throws IOException {
        SoundDataset ds = SoundDataset.open(root());
        LoadResult r = ds.load(params, LoadConfig.defaults().progress(progress ? LoadProgress.console() : LoadProgress.NONE));
        System.err.printf(Locale.ROOT, "%s: %d sequences at %s (%d clips skipped)%n", ds.root(), r.sequences().size(),
                params.tag(), ds.clips().size() - r.sequences().size());
        return r;
    }
}
