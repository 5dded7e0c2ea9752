package org.lstmlab.report;

import org.lstmlab.eval.Evaluation;
import org.lstmlab.experiment.BookResults;
import org.lstmlab.experiment.ExampleClip;
import org.lstmlab.experiment.ModelResult;
import org.lstmlab.experiment.Protocol;
import org.lstmlab.experiment.ResultsTable;
import org.lstmlab.experiment.RunManifest;
import org.lstmlab.experiment.RunReport;
import org.lstmlab.nn.CellType;
import org.lstmlab.train.EpochRecord;
import org.lstmlab.train.History;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run folder made up from chosen numbers (no training): three models at 10 and 100 ms, two baselines, a gradient study. */
public final class FakeRun {
    static final CellType[] CELLS = {CellType.RNN, CellType.LSTM, CellType.LSTM_STATE};
    static final int EPOCHS = 3;

    private FakeRun() {}

    /** accuracy[w][k] and seconds[w][k]: window w (0 = 10 ms, 1 = 100 ms), layer k (RNN, LSTM, LSTM+state). */
    public static RunReport make(Path dir, double[][] accuracy, double[][] seconds, Map<String, double[]> gradients) throws IOException {
        ResultsTable table = ResultsTable.create();
        List<ModelResult> models = new ArrayList<>();
        int[] windows = {10, 100};
        for (int w = 0; w < 2; w++)
            for (int k = 0; k < 3; k++) {
                String name = "us_" + CELLS[k].bookName() + "_10_" + windows[w];
                BookResults.Entry book = BookResults.of(10, windows[w], CELLS[k]).orElseThrow();
                table.add(new ResultsTable.Entry(name, 10, windows[w], BookResults.layer(CELLS[k]), Protocol.RANDOM_SPLIT.label(),
                        accuracy[w][k], Double.NaN, 1, 0.5, seconds[w][k], EPOCHS, book.accuracy(), book.seconds()));
                models.add(new ModelResult(name, CELLS[k], 10, windows[w], 0, 0, EPOCHS, seconds[w][k], evaluation(), history(Map.of()), Double.NaN));
                Files.createDirectories(dir.resolve("models"));
                Files.write(dir.resolve("models").resolve(name + ".log"), List.of("Model " + name + " train started:",
                        "    Epoch 3: cost=1.234, accuracy=0.500/0.400 (1/1 secs)", "Model " + name + " train ended in 1 secs:",
                        "Model " + name + " test report: accuracy = " + String.format(java.util.Locale.ROOT, "%.3f", accuracy[w][k]) + ", (0 secs)", ""));
            }
        table.add(new ResultsTable.Entry("logreg_10_100", 10, 100, "logistic regression (pooled)", Protocol.RANDOM_SPLIT.label(),
                0.61, Double.NaN, 1, 0.6, 0.7, 0, Double.NaN, Double.NaN));
        List<ModelResult> study = new ArrayList<>();
        gradients.forEach((label, norms) -> study.add(new ModelResult("gradstudy_" + label, label.startsWith("RNN") ? CellType.RNN : CellType.LSTM,
                10, 10, 0, label.contains("clip") ? 1.0 : 0, 1, 0.5, evaluation(), history(Map.of(1, norms)), Double.NaN)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("features", List.of(Map.of("interval_ms", 10, "window_ms", 10, "mode", "book"),
                Map.of("interval_ms", 10, "window_ms", 100, "mode", "book")));
        config.put("engine", "float32");
        config.put("quick", false);
        config.put("epochs", "book schedule");
        config.put("seed", 1234);
        config.put("hidden", 20);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("root", dir.resolve("made-up/kaggle").toString());
        data.put("layout", "kaggle");
        data.put("synthetic", true);
        data.put("clips", 40);
        data.put("classes", List.of("siren", "dog_bark"));
        RunManifest manifest = RunManifest.create("fake").with("config", config).with("data", data)
                .with("protocol", Protocol.RANDOM_SPLIT.label()).with("status", "finished");
        return new RunReport(dir, manifest, table, models, new org.lstmlab.experiment.GradientStudy(study),
                new org.lstmlab.experiment.OverfittingStudy(List.of()), new ExampleClip("", 0, Map.of(), Map.of())).save();
    }

    static Evaluation evaluation() {
        return Evaluation.fromConfusion(List.of("siren", "dog_bark"), new int[][] {{3, 1}, {1, 3}});
    }

    /** Three epochs of one training call, each reported; norms: the gradient probes by epoch. */
    static History history(Map<Integer, double[]> norms) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= EPOCHS; e++) epochs.add(new EpochRecord(e, e, 2.0 / e, 0.3 + 0.1 * e, 0.25 + 0.1 * e, 0.5));
        return new History(epochs, norms);
    }
}
