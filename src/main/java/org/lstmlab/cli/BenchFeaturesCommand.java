package org.lstmlab.cli;

import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.LoadProgress;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Model;
import org.lstmlab.recipe.Versions;
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
        description = "Clips per second of feature extraction (no cache) at each window and thread count; default: the BOOK synthetic preset.")
public final class BenchFeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatasetOptions dataset;
    @Mixin FeatureOptions features;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "thread counts to time (default ${DEFAULT-VALUE})")
    List<Integer> threads;

    @Option(names = "--clips", description = "time only the first N clips of the dataset (default: all)")
    Integer clips;

    @Option(names = "--warmup", defaultValue = "60", description = "clips extracted untimed first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "timed loads per setting; the median is reported (default ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() throws Exception {
        if (dataset.data == null && spec.commandLine().getParseResult().matchedOption("--preset") == null) dataset.preset = "book";
        List<FeatureConfig> settings = features.params();
        SoundDataset ds = dataset.open();
        if (clips != null) ds = ds.limit(clips);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d clips, %d cores available, vector FFT %s%n", ds, ds.clips().size(),
                Runtime.getRuntime().availableProcessors(), Versions.vectorApi() ? "on" : "off (JTransforms)");
        if (repeats < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--repeats must be at least 1");
        out.printf(Locale.ROOT, "%-16s %7s %6s %6s %8s %9s %14s   %s%n", "setting", "threads", "clips", "kept", "seconds",
                "clips/s", "kept clips/s", "kept clips/s of each load");
        for (FeatureConfig p : settings) {
            ds.limit(warmup).load(p, new LoadConfig(1, false, LoadProgress.NONE));
            for (int t : threads) {
                double[] seconds = new double[repeats];
                int kept = 0;
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    LoadResult r = ds.load(p, new LoadConfig(t, false, LoadProgress.NONE));
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
        return 0;
    }
}
