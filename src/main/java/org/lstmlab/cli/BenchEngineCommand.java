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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Training throughput of the Java engines, measured side by side in one process so that ratios are meaningful, then
 * the machine's float32 matrix-multiply ceiling on the same thread counts ({@link GemmCeiling}, measured last so that
 * its vector code cannot touch the engine's figures) and each engine's matrix-product GFLOP/s as a share of it: a
 * figure that means the same on any machine.
 */
@Command(name = "bench-engine", mixinStandardHelpOptions = true,
        description = "Sample-steps per second (one valid step of one sequence, forward + backward + Adam) "
                + "for each cell: fast engine on 1 and 2 threads, the reference engine, optionally the scalar path; "
                + "then the float32 GEMM ceiling and each figure as a share of it.")
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
    @Option(names = "--pair", split = ",", paramLabel = "CELL", description = "Instead of the table: two cells (e.g. "
            + "gru,lstm) trained in this one JVM in alternating bursts, and the median of the rounds' ratios of the first "
            + "cell's cost per sample-step to the second's, on each thread count.")
    List<CellType> pair;
    private static final int PAIR_BURST = 20;
    @Option(names = "--rounds", paramLabel = "N", description = "Rounds of --pair, each a burst of " + PAIR_BURST
            + " steps per cell. Default: ${DEFAULT-VALUE}") int rounds = 40;
    @Spec CommandSpec spec;
    private final long seed = BOOK.seed();

    private record Row(CellType cell, String label, int threads, double flops, double sampleStepsPerSecond) {}

    private final List<Row> rows = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (pair != null && (pair.size() != 2 || rounds < 1))
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pair takes two cells (e.g. gru,lstm), and --rounds at least 1");
        Batch b = EngineBenchmark.syntheticBatch(batch, steps, minLength == null ? steps : minLength, features, classes, seed);
        System.out.printf("bench-engine: B=%d T=%d F=%d H=%d, %d valid sample-steps per batch; java %s; "
                        + "vector module %s; %d cpus%n", batch, steps, features, hidden, b.sampleSteps(),
                Runtime.version(), Versions.vectorApi() ? "present" : "absent",
                Runtime.getRuntime().availableProcessors());
        if (pair != null) return pair(b);
        System.out.printf("%-6s %-28s %16s %10s%n", "cell", "engine", "sample-steps/s", "vs ref");
        for (CellType cell : cells) {
            ModelConfig config = new ModelConfig(cell, features, hidden, classes);
            double ref = noReference ? Double.NaN : run(cell, "reference (float64)", 1, ReferenceEngine::new, config, b, Double.NaN);
            for (int t : threads) {
                run(cell, "fast " + KernelPath.AUTO.resolve().name().toLowerCase() + ", " + t + " thread(s)", t,
                        () -> new Float32Engine(t), config, b, ref);
                if (scalar) run(cell, "fast scalar, " + t + " thread(s)", t,
                        () -> new Float32Engine(t, KernelPath.SCALAR), config, b, ref);
            }
        }
        printShares();
        return Failures.OK;
    }

    private int pair(Batch b) {
        ModelConfig[] configs = pair.stream().map(c -> new ModelConfig(c, features, hidden, classes)).toArray(ModelConfig[]::new);
        for (int t : threads) {
            try (Engine first = new Float32Engine(t); Engine second = new Float32Engine(t)) {
                EngineBenchmark.PairedRatio r = EngineBenchmark.paired(new Engine[] {first, second}, configs, b, warmup,
                        rounds, PAIR_BURST, seed);
                System.out.printf("%s against %s, %d thread(s): a sample-step costs %.3f times (quartiles %.3f-%.3f, "
                                + "%d rounds)%n", pair.get(0).bookName(), pair.get(1).bookName(), t, r.median(),
                        r.lowerQuartile(), r.upperQuartile(), r.rounds());
            }
        }
        return Failures.OK;
    }

    private double run(CellType cell, String label, int threads, Supplier<Engine> engine, ModelConfig config, Batch b,
                       double ref) {
        try (Engine e = engine.get()) {
            double perSecond = EngineBenchmark.measure(e, config, b, warmup, seconds, seed);
            String ratio = Double.isNaN(ref) ? "" : String.format("%.1fx", perSecond / ref);
            System.out.printf("%-6s %-28s %16s %10s%n", cell.bookName(), label, String.format("%,.0f", perSecond), ratio);
            rows.add(new Row(cell, label, threads, EngineBenchmark.flopsPerSampleStep(config), perSecond));
            return perSecond;
        }
    }

    /** The GEMM ceiling on each thread count used, then every row's GFLOP/s as a share of the ceiling at its threads. */
    private void printShares() throws InterruptedException {
        if (!Versions.vectorApi()) {
            System.out.println("float32 GEMM ceiling: not measured (it needs java --add-modules jdk.incubator.vector)");
            return;
        }
        Map<Integer, Double> ceiling = new TreeMap<>();
        for (int t : new TreeSet<>(rows.stream().map(Row::threads).toList()))
            ceiling.put(t, GemmCeiling.gflops(t, Math.min(warmup, 3), seconds));
        String line = ceiling.entrySet().stream().map(e -> String.format("%d thread(s) %.1f GFLOP/s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        System.out.printf("float32 GEMM ceiling (C += A·B, %s): %s%n", GemmCeiling.shape(), line);
        System.out.printf("%-6s %-28s %16s %10s %10s%n", "cell", "engine", "FLOPs/step", "GFLOP/s", "of ceiling");
        for (Row r : rows) {
            double gflops = r.flops() * r.sampleStepsPerSecond() / 1e9;
            System.out.printf("%-6s %-28s %16s %10.2f %9.1f%%%n", r.cell().bookName(), r.label(),
                    String.format("%,.0f", r.flops()), gflops, 100 * gflops / ceiling.get(r.threads()));
        }
    }
}
