package org.lstmlab.cli;

import org.lstmlab.nn.Adam;
import org.lstmlab.nn.AdamState;
import org.lstmlab.nn.Batch;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.onnx.OrtDevice;
import org.lstmlab.onnx.OrtTrainingEngine;
import org.lstmlab.train.EngineKind;
import org.lstmlab.train.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "bench-ort", mixinStandardHelpOptions = true,
        description = {"Times one training step (forward, BPTT, Adam) of the ORT engine against a Java engine.",
                "Prints a Markdown table: median ms per batch and the ORT/Java ratio (below 1 = ORT faster)."})
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
    @Option(names = "--warmup", defaultValue = "3", description = "untimed steps per engine and shape (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--repeats", defaultValue = "10", description = "timed steps; the median is reported (default ${DEFAULT-VALUE})")
    int repeats;
    @Option(names = "--threads", description = "ORT intra-op threads (default: cores)")
    Integer threads;
    @Option(names = "--device", defaultValue = "cpu", description = "ORT device: cpu or cuda (default ${DEFAULT-VALUE})")
    String device;
    @Option(names = "--against", defaultValue = "java", description = "Java engine to compare with: java or reference (default ${DEFAULT-VALUE})")
    String against;

    @Override
    public Integer call() {
        CellType cellType = CellType.parse(cell);
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Engine java = Engines.open(EngineKind.parse(against));
             OrtTrainingEngine ort = new OrtTrainingEngine(OrtDevice.parse(device), t)) {
            System.out.printf("cell %s, T=%d, F=%d, %d warm-up + %d timed steps, ORT %s with %d threads, Java %s%n%n",
                    cellType.bookName(), steps, features, warmup, repeats, ort.device(), t, java.name());
            System.out.println("| B | H | Java ms/batch | ORT ms/batch | ORT / Java |");
            System.out.println("|---:|---:|---:|---:|---:|");
            for (int h : hiddens) {
                for (int b : batches) {
                    ModelConfig c = new ModelConfig(cellType, features, h, 10);
                    Batch batch = batch(b, 7);
                    double j = medianMs(java, c, batch), o = medianMs(ort, c, batch);
                    System.out.printf("| %d | %d | %.1f | %.1f | %.2f |%n", b, h, j, o, o / j);
                }
            }
        }
        return 0;
    }

    /** Median wall time of one trainStep, after warm-up (the first ORT call also builds the session). */
    private double medianMs(Engine engine, ModelConfig c, Batch batch) {
        Parameters p = Parameters.init(c, new Random(1));
        Model m = new Model(c, p, AdamState.zeros(p), null);
        Adam adam = Adam.book();
        for (int k = 0; k < warmup; k++) engine.trainStep(m, batch, adam);
        double[] ms = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long start = System.nanoTime();
            engine.trainStep(m, batch, adam);
            ms[k] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
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
