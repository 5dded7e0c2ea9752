package org.lstmlab.cli;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureMode;
import picocli.CommandLine.Option;

/** How clips become features: the book's way, or corrected (scaled samples, Hann window, log1p; protocol §8). */
final class FeatureMixin {
    private static final FeatureConfig BOOK = FeatureConfig.book(10, 10), CORRECTED = FeatureConfig.corrected(10, 10);

    @Option(names = "--mode", paramLabel = "MODE",
            description = "Features: book (to the letter, quirks included) or corrected. Default: ${DEFAULT-VALUE}")
    FeatureMode mode = BOOK.mode();

    @Option(names = "--hann", negatable = true, fallbackValue = "true",
            description = "Corrected mode: a Hann window on each frame. Default: on")
    boolean hann = CORRECTED.hann();

    @Option(names = "--log", negatable = true, fallbackValue = "true",
            description = "Corrected mode: log1p of each band. Default: on")
    boolean log = CORRECTED.logMagnitude();

    FeatureConfig config(Window w) {
        return mode == FeatureMode.BOOK ? FeatureConfig.book(w.intervalMs(), w.windowMs())
                : new FeatureConfig(w.intervalMs(), w.windowMs(), FeatureMode.CORRECTED, hann, log);
    }
}
