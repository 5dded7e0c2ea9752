package org.lstmlab.cli;

import org.lstmlab.data.synth.SyntheticPreset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import picocli.CommandLine.Option;

/** Which embedded synthetic dataset: its preset and generator seed. */
final class PresetMixin {
    @Option(names = "--preset", paramLabel = "PRESET",
            description = "Embedded synthetic dataset: small (600 clips) or book (5,435 clips, the book's size). "
                    + "Default: book (reproduce --quick: small)")
    SyntheticPreset preset;

    @Option(names = "--synth-seed", paramLabel = "SEED",
            description = "Generator seed of the embedded synthetic dataset. Default: ${DEFAULT-VALUE}")
    long seed = SyntheticUrbanSounds.DEFAULT_SEED;

    SyntheticPreset preset(boolean quick) { return preset != null ? preset : SyntheticPreset.forQuick(quick); }
}
