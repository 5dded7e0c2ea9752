package org.lstmlab.cli;

import org.lstmlab.features.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** One WAV's T x 100 feature matrix as CSV, for inspection. A skipped file is bad input (exit 2). */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Writes one WAV's features as CSV: one row per frame, 100 values, full double precision.",
                "A file the mode skips exits with status 2 and one line on stderr naming the rule."})
public final class FeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WAV", description = "The audio file.") Path wav;

    @Mixin FeatureMixin features;

    @Option(names = "--window", paramLabel = "I-W", converter = Window.Converter.class, defaultValue = "10-10",
            description = Window.HELP + ". Default: ${DEFAULT-VALUE}")
    Window window;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of to stdout.") Path out;

    @Override public Integer call() throws Exception {
        double[][] f = FeatureExtractor.of(features.config(window)).extract(wav);
        if (out == null) write(f, spec.commandLine().getOut());
        else try (Writer w = Files.newBufferedWriter(out)) { write(f, new PrintWriter(w)); }
        return Failures.OK;
    }

    private static void write(double[][] f, PrintWriter w) {
        for (double[] frame : f) w.println(Arrays.stream(frame).mapToObj(String::valueOf).collect(Collectors.joining(",")));
        w.flush();
    }
}
