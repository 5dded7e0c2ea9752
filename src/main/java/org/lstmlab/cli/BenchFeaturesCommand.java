package org.lstmlab.cli;

import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.Progress;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.features.FeatureConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Feature-extraction throughput: whole dataset loads (decode + features + packing) with no cache, at each window
 * and thread count. A short warm-up on the first clips runs first so that JIT compilation is not timed; each load is
 * repeated and the median reported with every load's figure, since a shared machine's noise is ±10% or more.
 */
@Command(name = "bench-features", mixinStandardHelpOptions = true,
        description = "Clips per second of feature extraction (no cache) at each window and thread count.")
public final class BenchFeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataMixin data;
    @Mixin WindowsMixin features;

    @Option(names = "--thread-counts", split = ",", paramLabel = "N", defaultValue = "1,2", description = BenchEngineCommand.THREAD_COUNTS)
    List<Integer> threads;

    @Option(names = "--clips", paramLabel = "N", description = "Time only the first N clips of the dataset. Default: all")
    Integer clips;

    @Option(names = "--warmup-clips", paramLabel = "N", description = "Clips extracted untimed first. Default: ${DEFAULT-VALUE}")
    int warmup = 60;

    @Option(names = "--repeats", paramLabel = "N", description = "Timed loads per setting; the median is reported. Default: ${DEFAULT-VALUE}")
    int repeats = 3;

    @Override public Integer call() throws Exception {
        if (repeats < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--repeats must be at least 1");
        SoundDataset ds = data.open();
        if (clips != null) ds = ds.limit(clips);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d clips, %d cores available%n", ds, ds.clips().size(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-16s %7s %6s %6s %8s %9s %14s   %s%n", "setting", "threads", "clips", "kept", "seconds",
                "clips/s", "kept clips/s", "kept clips/s of each load");
        for (FeatureConfig p : features.configs()) {
            ds.limit(warmup).load(p, new LoadConfig(1, false, Progress.Sink.NONE));
            for (int t : threads) {
                double[] seconds = new double[repeats];
                int kept = 0;
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    LoadResult r = ds.load(p, new LoadConfig(t, false, Progress.Sink.NONE));
                    seconds[i] = (System.nanoTime() - t0) / 1e9;
                    kept = r.sequences().size();
                }
                double median = Arrays.stream(seconds).sorted().toArray()[repeats / 2];
                StringBuilder each = new StringBuilder();
                for (double s : seconds) each.append(String.format(Locale.ROOT, " %.0f", kept / s));
                out.printf(Locale.ROOT, "%-16s %7d %6d %6d %8.2f %9.1f %14.1f  %s%n", p.mode().id() + " " + p.tag(), t,
                        ds.clips().size(), kept, median, ds.clips().size() / median, kept / median, each);
                out.flush();
            }
        }
        return Failures.OK;
    }
}
