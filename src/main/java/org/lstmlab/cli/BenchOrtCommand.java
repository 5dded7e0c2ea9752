package org.lstmlab.cli;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.AdamState;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.onnx.OrtDevice;
import org.lstmlab.onnx.OrtEngine;
import picocli.CommandLine.Command;
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
    @Option(names = "--batch", split = ",", defaultValue = "10,64,256", description = "batch sizes (default ${DEFAULT-VALUE})")
    int[] batches;
    @Option(names = "--hidden", split = ",", defaultValue = "20,128", description = "hidden sizes (default ${DEFAULT-VALUE})")
    int[] hiddens;
    @Option(names = "--steps", defaultValue = "400", description = "T, every sequence full length (default ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--features", defaultValue = "100", description = "F (default ${DEFAULT-VALUE})")
    int features;
    @Option(names = "--cell", defaultValue = "lstm", description = "rnn, lstm or state (default ${DEFAULT-VALUE})")
    String cell;
    @Option(names = "--warmup", defaultValue = "3", description = "untimed steps per engine and shape, at least (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--warmup-seconds", defaultValue = "3", description = "warm up for at least this long, for the JIT (default ${DEFAULT-VALUE})")
    double warmupSeconds;
    @Option(names = "--repeats", defaultValue = "10", description = "timed steps; the median is reported (default ${DEFAULT-VALUE})")
    int repeats;
    @Option(names = "--threads", description = "threads for both engines: ORT intra-op, Java batch split (default: cores)")
    Integer threads;
    @Option(names = "--device", defaultValue = "cpu", description = "ORT device: cpu or cuda (default ${DEFAULT-VALUE})")
    String device;
    @Option(names = "--against", defaultValue = "float32", description = "Java engine to compare with: float32 or reference (default ${DEFAULT-VALUE})")
    String against;

    @Override
    public Integer call() {
        CellType cellType = CellType.parse(cell);
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Engine java = Engines.open(EngineKind.parse(against), t);
             OrtEngine ort = new OrtEngine(OrtDevice.parse(device), t)) {
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
        return 0;
    }

    /** Median wall ms and mean process-CPU ms of one trainStep, after warm-up (the first ORT call also builds the session). */
    private double[] medianMs(Engine engine, ModelConfig c, Batch batch) {
        Parameters p = Parameters.init(c, new Random(1));
        Model m = new Model(c, p, AdamState.zeros(p), null);
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
