package org.lstmlab.cli;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Float32Engine;
import org.lstmlab.nn.KernelPath;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.recipe.Versions;
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
    @Option(names = "--batch", description = "Batch size (default ${DEFAULT-VALUE}).") int batch = 10;
    @Option(names = "--steps", description = "Sequence length T (default ${DEFAULT-VALUE}).") int steps = 400;
    @Option(names = "--min-length", description = "Shortest length; lengths are uniform in [min, T] (default: T).")
    Integer minLength;
    @Option(names = "--features", description = "Features F (default ${DEFAULT-VALUE}).") int features = 100;
    @Option(names = "--hidden", description = "Hidden size H (default ${DEFAULT-VALUE}).") int hidden = 20;
    @Option(names = "--classes", description = "Classes (default ${DEFAULT-VALUE}).") int classes = 10;
    @Option(names = "--cells", split = ",", description = "Cells to run (default rnn,lstm,state).")
    List<String> cells = List.of("rnn", "lstm", "state");
    @Option(names = "--threads", split = ",", description = "Fast-engine thread counts (default 1,2).")
    List<Integer> threads = List.of(1, 2);
    @Option(names = "--scalar", description = "Also run the fast engine's scalar (auto-vectorised) path.") boolean scalar;
    @Option(names = "--no-reference", description = "Skip the (slow) float64 reference engine.") boolean noReference;
    @Option(names = "--warmup", description = "Warm-up seconds per engine (default ${DEFAULT-VALUE}; Java 17 needs several seconds before C2 has compiled the vector code).") double warmup = 8;
    @Option(names = "--seconds", description = "Measured seconds per engine (default ${DEFAULT-VALUE}).") double seconds = 3;
    @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).") long seed = 1234;

    @Override
    public Integer call() {
        Batch b = EngineBenchmark.syntheticBatch(batch, steps, minLength == null ? steps : minLength, features, classes, seed);
        System.out.printf("bench-engine: B=%d T=%d F=%d H=%d, %d valid sample-steps per batch; java %s; "
                        + "vector module %s; %d cpus%n", batch, steps, features, hidden, b.sampleSteps(),
                Runtime.version(), Versions.vectorApi() ? "present" : "absent",
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-6s %-28s %16s %10s%n", "cell", "engine", "sample-steps/s", "vs ref");
        for (String name : cells) {
            CellType cell = CellType.parse(name);
            ModelConfig config = new ModelConfig(cell, features, hidden, classes);
            double ref = noReference ? Double.NaN : run(cell, "reference (float64)", ReferenceEngine::new, config, b);
            for (int t : threads) {
                run(cell, "fast " + KernelPath.AUTO.resolve().name().toLowerCase() + ", " + t + " thread(s)",
                        () -> new Float32Engine(t), config, b, ref);
                if (scalar) run(cell, "fast scalar, " + t + " thread(s)",
                        () -> new Float32Engine(t, KernelPath.SCALAR), config, b, ref);
            }
        }
        return 0;
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
