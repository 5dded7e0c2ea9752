package org.lstmlab.cli;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.FeatureMode;
import org.lstmlab.features.SkippedClipException;
import org.lstmlab.nn.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** One WAV's T x 100 feature matrix as CSV, for inspection. A skipped file exits with status 2. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Writes one WAV's features as CSV: one row per frame, 100 values, full double precision.",
                "A file the mode skips exits with status 2 and one line on stderr naming the rule."})
public final class FeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WAV", description = "the audio file") Path wav;

    @Option(names = "--interval", defaultValue = "10", description = "hop in ms (default ${DEFAULT-VALUE})") int interval;

    @Option(names = "--window", defaultValue = "100", description = "frame length in ms (default ${DEFAULT-VALUE})") int window;

    @Option(names = "--mode", defaultValue = "book", description = "book or corrected (default ${DEFAULT-VALUE})") String mode;

    @Option(names = "--hann", description = "corrected mode: Hann window") boolean hann;

    @Option(names = "--log", description = "corrected mode: log1p of each band") boolean log;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of stdout") Path out;

    @Override
    public Integer call() throws IOException {
        FeatureConfig params = new FeatureConfig(interval, window, FeatureMode.parse(mode), hann, log);
        double[][] f;
        try {
            f = FeatureExtractor.of(params).extract(wav);
        } catch (SkippedClipException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        if (out == null) write(f, spec.commandLine().getOut());
        else try (Writer w = Files.newBufferedWriter(out)) { write(f, new PrintWriter(w)); }
        return 0;
    }

    private static void write(double[][] f, PrintWriter w) {
        StringBuilder row = new StringBuilder();
        for (double[] frame : f) {
            row.setLength(0);
            for (int j = 0; j < frame.length; j++) row.append(j == 0 ? "" : ",").append(frame[j]);
            w.println(row);
        }
        w.flush();
    }
}
