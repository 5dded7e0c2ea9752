package org.lstmlab.cli;

import org.lstmlab.features.FeatureConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** Feature settings of commands that read a dataset at several windows: the mode and the windows. */
final class WindowsMixin {
    @Mixin FeatureMixin features;

    @Option(names = "--windows", split = ",", paramLabel = "I-W", defaultValue = "10-10,10-100", converter = Window.Converter.class,
            description = Window.HELP + "; several, comma-separated. Default: ${DEFAULT-VALUE} (the book's two)")
    List<Window> windows;

    List<FeatureConfig> configs() { return windows.stream().map(features::config).toList(); }
}
