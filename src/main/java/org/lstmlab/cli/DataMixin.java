package org.lstmlab.cli;

import org.lstmlab.data.DatasetLayout;
import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.Progress;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import org.lstmlab.features.FeatureConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Which dataset a command reads: --data DIR, or the embedded synthetic one (generated on first use). */
final class DataMixin {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset folder: Kaggle layout (train.csv, Train/), UrbanSound8K layout (metadata/, audio/), "
                    + "or a folder holding kaggle/ and urbansound8k/. Default: the embedded synthetic dataset of --preset")
    Path data;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "kaggle or urbansound8k. Default: detected (kaggle/ before urbansound8k/)")
    DatasetLayout layout;

    @Mixin PresetMixin synthetic;

    /** --data, else the embedded dataset of the preset (small when quick and no --preset), generated if missing. */
    Path root(boolean quick) throws IOException {
        if (data != null) return data;
        return SyntheticUrbanSounds.ensureDefault(Path.of(""), synthetic.preset(quick), synthetic.seed);
    }

    SoundDataset open() throws IOException {
        Path root = root(false);
        return layout == null ? SoundDataset.open(root) : SoundDataset.open(root, layout);
    }

    /** Features of every clip, with the extraction's progress sent to {@code progress}. */
    LoadResult load(FeatureConfig features, int threads, Progress.Sink progress) throws IOException {
        SoundDataset ds = open();
        LoadResult r = ds.load(features, new LoadConfig(threads, true, progress));
        System.err.printf(Locale.ROOT, "%s: %d sequences at %s (%d clips skipped)%n", ds.root(), r.sequences().size(),
                features.tag(), ds.clips().size() - r.sequences().size());
        return r;
    }
}
