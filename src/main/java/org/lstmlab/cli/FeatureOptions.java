package org.lstmlab.cli;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureMode;
import org.lstmlab.nn.Model;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/** Feature settings for dataset-level commands: --windows 10-10,10-100 (interval-window in ms) and the mode. */
public final class FeatureOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec command;

    @Option(names = "--windows", split = ",", paramLabel = "I-W", defaultValue = "10-10,10-100",
            description = "interval-window pairs in ms (default ${DEFAULT-VALUE}, the book's two datasets)")
    List<String> windows;

    @Option(names = "--mode", defaultValue = "book", description = "book or corrected (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--hann", description = "corrected mode: Hann window") boolean hann;

    @Option(names = "--log", description = "corrected mode: log1p of each band") boolean log;

    public List<FeatureConfig> params() {
        FeatureMode m;
        try {
            m = FeatureMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--mode: " + e.getMessage());
        }
        List<FeatureConfig> out = new ArrayList<>();
        for (String w : windows) {
            String[] iw = w.trim().split("-");
            String bad = "--windows wants interval-window pairs in ms like 10-100, got '" + w + "'";
            if (iw.length != 2) throw new ParameterException(command.commandLine(), bad);
            try {
                out.add(new FeatureConfig(Integer.parseInt(iw[0]), Integer.parseInt(iw[1]), m, hann, log));
            } catch (NumberFormatException e) {
                throw new ParameterException(command.commandLine(), bad);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), bad + ": " + e.getMessage());
            }
        }
        return out;
    }
}
