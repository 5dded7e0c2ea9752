package org.lstmlab.cli;

import org.lstmlab.data.Batch;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.onnx.OrtDevice;
import org.lstmlab.onnx.OrtEngine;
import org.lstmlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "bench-ort", mixinStandardHelpOptions = true,
        description = {"Times one training step (forward, BPTT, Adam) of the ORT engine against a Java engine.",
                "Prints a Markdown table: median wall ms per batch, the ORT/Java ratio (below 1 = ORT faster), and the",
                "mean process CPU ms per batch (all threads), which a busy machine disturbs less than wall time."})
public final class BenchOrtCommand implements Callable<Integer> {
    @Option(names = "--batches", split = ",", paramLabel = "B", defaultValue = "10,64,256", description = "Batch sizes. Default: ${DEFAULT-VALUE}")
    int[] batches;
    @Option(names = "--hiddens", split = ",", paramLabel = "H", defaultValue = "20,128", description = "Hidden sizes. Default: ${DEFAULT-VALUE}")
    int[] hiddens;
    @Option(names = "--steps", paramLabel = "T", description = BenchEngineCommand.STEPS) int steps = 400;
    @Option(names = "--features", paramLabel = "F", description = BenchEngineCommand.FEATURES) int features = FeatureConfig.FEATURES;
    @Option(names = "--cell", paramLabel = "CELL", description = TrainCommand.CELL) CellType cellType = TrainConfig.book().cell();
    @Option(names = "--warmup-steps", paramLabel = "N", description = "Untimed steps per engine and shape, at least. Default: ${DEFAULT-VALUE}")
    int warmup = 3;
    @Option(names = "--warmup-seconds", paramLabel = "S", description = BenchEngineCommand.WARMUP_SECONDS) double warmupSeconds = 8;
    @Option(names = "--timed-steps", paramLabel = "N", description = "Timed steps; the median is reported. Default: ${DEFAULT-VALUE}")
    int repeats = 10;
    @Mixin ThreadsMixin threads;
    @Option(names = "--device", paramLabel = "DEVICE", description = "ORT device: cpu or cuda. Default: ${DEFAULT-VALUE}")
    OrtDevice device = OrtDevice.CPU;
    @Option(names = "--against", paramLabel = "ENGINE", description = "Java engine to compare with: float32 or reference. Default: ${DEFAULT-VALUE}")
    EngineKind against = EngineKind.FLOAT32;

    @Override public Integer call() {
        int t = threads.threads;
        try (Engine java = Engines.open(against, t);
             OrtEngine ort = new OrtEngine(device, t)) {
            System.out.printf("cell %s, T=%d, F=%d, warm-up >= %d steps, %d timed steps, %d threads, ORT on %s, Java %s%n%n",
                    cellType.bookName(), steps, features, warmup, repeats, t, ort.device(), java.kind().id());
            System.out.println("| B | H | Java ms/batch | ORT ms/batch | ORT / Java | Java CPU ms | ORT CPU ms |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
            for (int h : hiddens) {
                for (int b : batches) {
                    ModelConfig c = new ModelConfig(cellType, features, h, 10);
                    Batch batch = batch(b, 7);
                    double[] j = medianMs(java, c, batch), o = medianMs(ort, c, batch);
                    System.out.printf("| %d | %d | %.1f | %.1f | %.2f | %.1f | %.1f |%n", b, h, j[0], o[0], o[0] / j[0],
                            j[1], o[1]);
                }
            }
        }
        return Failures.OK;
    }

    /** Median wall ms and mean process-CPU ms of one trainStep, after warm-up (the first ORT call also builds the session). */
    private double[] medianMs(Engine engine, ModelConfig c, Batch batch) {
        Model m = Model.init(c, new Random(1));
        Adam adam = Adam.book();
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int k = 0; k < warmup || System.nanoTime() < warmEnd; k++) engine.trainStep(m, batch, adam);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] ms = new double[repeats];
        long cpuStart = os.getProcessCpuTime();   // summed over all steps: the OS counts CPU time in coarse ticks
        for (int k = 0; k < repeats; k++) {
            long start = System.nanoTime();
            engine.trainStep(m, batch, adam);
            ms[k] = (System.nanoTime() - start) / 1e6;
        }
        double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6 / repeats;
        Arrays.sort(ms);
        return new double[] {ms[repeats / 2], cpuMs};
    }

    private Batch batch(int size, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[size * steps * features];
        for (int k = 0; k < x.length; k++) x[k] = (float) (rng.nextGaussian() * 100);
        int[] lengths = new int[size], labels = new int[size];
        Arrays.fill(lengths, steps);
        for (int i = 0; i < size; i++) labels[i] = rng.nextInt(10);
        return new Batch(size, steps, features, lengths, x, labels);
    }
}
