package org.lstmlab.cli;

import org.lstmlab.data.Batch;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Float32Engine;
import org.lstmlab.nn.KernelPath;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.recipe.Versions;
import org.lstmlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Training throughput of the Java engines, measured side by side in one process so that ratios are meaningful. */
@Command(name = "bench-engine", mixinStandardHelpOptions = true,
        description = "Sample-steps per second (one valid step of one sequence, forward + backward + Adam) "
                + "for each cell: fast engine on 1 and 2 threads, the reference engine, optionally the scalar path.")
public final class BenchEngineCommand implements Callable<Integer> {
    static final String STEPS = "Sequence length T. Default: ${DEFAULT-VALUE}",
            FEATURES = "Features per step F. Default: ${DEFAULT-VALUE}",
            THREAD_COUNTS = "Thread counts to time, one after another. Default: ${DEFAULT-VALUE}",
            WARMUP_SECONDS = "Untimed seconds per engine first (Java 17's C2 needs several to compile the vector code). "
                    + "Default: ${DEFAULT-VALUE}";
    private static final TrainConfig BOOK = TrainConfig.book();

    @Option(names = "--batch", paramLabel = "B", description = TrainingMixin.BATCH) int batch = BOOK.batchSize();
    @Option(names = "--steps", paramLabel = "T", description = STEPS) int steps = 400;
    @Option(names = "--min-length", paramLabel = "T", description = "Shortest length; lengths are uniform in [min, T]. Default: T")
    Integer minLength;
    @Option(names = "--features", paramLabel = "F", description = FEATURES) int features = FeatureConfig.FEATURES;
    @Option(names = "--hidden", paramLabel = "H", description = TrainingMixin.HIDDEN) int hidden = BOOK.hidden();
    @Option(names = "--classes", paramLabel = "C", description = "Classes. Default: ${DEFAULT-VALUE}") int classes = 10;
    @Option(names = "--cells", split = ",", paramLabel = "CELL", defaultValue = "rnn,lstm,state,gru", description = "Cells to run. Default: ${DEFAULT-VALUE}")
    List<CellType> cells;
    @Option(names = "--thread-counts", split = ",", paramLabel = "N", defaultValue = "1,2", description = THREAD_COUNTS)
    List<Integer> threads;
    @Option(names = "--scalar", description = "Also run the fast engine's scalar (auto-vectorised) path.") boolean scalar;
    @Option(names = "--no-reference", description = "Skip the (slow) float64 reference engine.") boolean noReference;
    @Option(names = "--warmup-seconds", paramLabel = "S", description = WARMUP_SECONDS) double warmup = 8;
    @Option(names = "--seconds", paramLabel = "S", description = "Measured seconds per engine. Default: ${DEFAULT-VALUE}") double seconds = 3;
    private final long seed = BOOK.seed();

    @Override
    public Integer call() {
        Batch b = EngineBenchmark.syntheticBatch(batch, steps, minLength == null ? steps : minLength, features, classes, seed);
        System.out.printf("bench-engine: B=%d T=%d F=%d H=%d, %d valid sample-steps per batch; java %s; "
                        + "vector module %s; %d cpus%n", batch, steps, features, hidden, b.sampleSteps(),
                Runtime.version(), Versions.vectorApi() ? "present" : "absent",
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-6s %-28s %16s %10s%n", "cell", "engine", "sample-steps/s", "vs ref");
        for (CellType cell : cells) {
            ModelConfig config = new ModelConfig(cell, features, hidden, classes);
            double ref = noReference ? Double.NaN : run(cell, "reference (float64)", ReferenceEngine::new, config, b);
            for (int t : threads) {
                run(cell, "fast " + KernelPath.AUTO.resolve().name().toLowerCase() + ", " + t + " thread(s)",
                        () -> new Float32Engine(t), config, b, ref);
                if (scalar) run(cell, "fast scalar, " + t + " thread(s)",
                        () -> new Float32Engine(t, KernelPath.SCALAR), config, b, ref);
            }
        }
        return Failures.OK;
    }

    private double run(CellType cell, String label, Supplier<Engine> engine, ModelConfig config, Batch b) {
        return run(cell, label, engine, config, b, Double.NaN);
    }

    private double run(CellType cell, String label, Supplier<Engine> engine, ModelConfig config, Batch b, double ref) {
        try (Engine e = engine.get()) {
            EngineBenchmark.Result r = EngineBenchmark.measure(e, config, b, warmup, seconds, seed);
            String ratio = Double.isNaN(ref) ? "" : String.format("%.1fx", r.sampleStepsPerSecond() / ref);
            System.out.printf("%-6s %-28s %16s %10s%n", cell.bookName(), label,
                    String.format("%,.0f", r.sampleStepsPerSecond()), ratio);
            return r.sampleStepsPerSecond();
        }
    }
}
