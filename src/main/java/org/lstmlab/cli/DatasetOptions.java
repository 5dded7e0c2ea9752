package org.lstmlab.cli;

import org.lstmlab.data.DatasetLayout;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.synth.SyntheticPreset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Which dataset a command reads: --data DIR, or the embedded synthetic one (generated once per preset). */
public final class DatasetOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "dataset root: Kaggle layout (train.csv + Train/), UrbanSound8K layout, or a synthetic root "
                    + "(default: the embedded synthetic dataset of --preset)")
    Path data;

    @Option(names = "--preset", paramLabel = "small|book", defaultValue = "small",
            description = "embedded synthetic dataset when --data is absent (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--synth-seed", defaultValue = "" + SyntheticUrbanSounds.DEFAULT_SEED,
            description = "generator seed of the synthetic dataset (default ${DEFAULT-VALUE})")
    long synthSeed;

    @Option(names = "--layout", paramLabel = "kaggle|urbansound8k",
            description = "layout to read (default: detected; kaggle for a synthetic root)")
    String layout;

    public SoundDataset open() throws IOException {
        Path root = data;
        if (root == null) {
            SyntheticPreset p = SyntheticPreset.parse(preset);
            root = SyntheticUrbanSounds.ensureDefault(Path.of(""), p, synthSeed);
        }
        if (layout == null) return SoundDataset.open(root);
        return SoundDataset.open(root, DatasetLayout.valueOf(layout.trim().toUpperCase(Locale.ROOT)));
    }
}
