package org.lstmlab.experiment;

import org.lstmlab.cli.Main;
import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.Progress;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.Splits;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.train.EpochRecord;
import org.lstmlab.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReproductionTest {
    @TempDir static Path shared;
    static Path data;

    @BeforeAll
    static void makeData() throws Exception {
        data = TinyWavs.kaggle(shared.resolve("tiny"), 10, 3);
    }

    static Reproduction tiny(Path reports) {
        return Reproduction.book().dataset(data).reports(reports).runId("run").engine(EngineKind.AUTO)
                .progressBar(false).log(null);
    }

    @Test
    void quickModeEndToEnd(@TempDir Path reports) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunReport r = tiny(reports).quick(true).log(new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        Path dir = reports.resolve("run");
        assertEquals(dir, r.dir());

        // six models then two baselines per window, with the book's numbers beside the six
        List<ResultsTable.Entry> rows = r.results().entries();
        assertEquals(10, rows.size());
        assertEquals(List.of("us_basic_10_10", "us_lstm_10_10", "us_state_10_10", "us_basic_10_100", "us_lstm_10_100",
                "us_state_10_100"), rows.subList(0, 6).stream().map(ResultsTable.Entry::model).toList());
        assertEquals(0.577, rows.get(2).bookAccuracy(), 1e-12);
        assertEquals(1463, rows.get(4).bookSeconds(), 1e-12);
        assertEquals(6, rows.get(0).epochs(), "quick: 2 + 4 epochs at 10 ms");
        assertEquals(6, rows.get(3).epochs(), "quick: 6 epochs at 100 ms");
        assertEquals("random split, recordings may leak", rows.get(0).protocol());
        assertTrue(rows.stream().skip(6).allMatch(e -> e.layer().endsWith("(pooled)") && Double.isNaN(e.bookAccuracy())));
        for (ResultsTable.Entry e : rows) assertTrue(e.accuracy() >= 0 && e.accuracy() <= 1);
        assertEquals("forest_10_10", rows.get(7).model());
        assertEquals(1, rows.get(7).folds());

        // the book's log lines, and the table, went to the log
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Model us_lstm_10_10 train started:"), log);
        assertTrue(log.lines().anyMatch(l -> l.matches("    Epoch 2: cost=[ 0-9.]{5}, accuracy=[ 0-9.]{5}/[ 0-9.]{5} \\(\\d+/\\d+ secs\\)")), log);
        assertTrue(log.contains("Model us_state_10_100 test report: accuracy = "), log);
        assertTrue(log.contains("| us_state_10_100 | 10/100 ms | LSTM+state |"), log);

        for (String f : new String[] {"results.csv", "results.md", "results.html", "manifest.json",
                "models/us_basic_10_10.model", "models/us_state_10_100.json", "models/us_lstm_10_10.log", "history/us_lstm_10_100.csv"})
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        assertFalse(Files.exists(dir.resolve("models/us_lstm_10_10.ckpt")), "checkpoints go once a model is done");
        for (String chart : new String[] {"accuracy", "training-time", "learning-curves", "confusion-us_state_10_10",
                "spectrogram", "spectra-book-vs-corrected", "gradient-norms"}) {
            for (String ext : new String[] {"png", "svg", "pdf"}) assertTrue(Files.size(dir.resolve("charts/" + chart + "." + ext)) > 0);
            assertNotNull(ImageIO.read(dir.resolve("charts/" + chart + ".png").toFile()), chart);
        }

        RunManifest m = RunManifest.read(dir);
        assertEquals("finished", m.get("status"));
        assertEquals("run", m.get("run_id"));
        assertTrue(((Number) m.get("wall_seconds")).doubleValue() > 0);
        assertEquals(1234, ((Number) ((Map<?, ?>) m.get("seeds")).get("training")).intValue());
        Map<?, ?> dataInfo = (Map<?, ?>) m.get("data");
        assertEquals("kaggle", dataInfo.get("layout"));
        assertFalse(String.valueOf(dataInfo.get("fingerprint")).isBlank());
        Map<?, ?> firstSet = (Map<?, ?>) ((List<?>) dataInfo.get("feature_sets")).get(0);
        assertEquals(30, ((Number) firstSet.get("kept")).intValue());
        assertEquals(1, ((Number) ((Map<?, ?>) firstSet.get("skipped_by_rule")).get("sample-width")).intValue(), firstSet.toString());
        assertTrue(((Map<?, ?>) m.get("machine")).containsKey("cores"));
        assertEquals(1, m.get("engine_threads"), "one thread per model: models train side by side");
        assertTrue(((Map<?, ?>) m.get("versions")).containsKey("tribuo"));
        assertEquals(6, ((List<?>) m.get("models")).size());
        Map<?, ?> baseline = (Map<?, ?>) ((List<?>) m.get("baselines")).get(0);
        assertTrue(baseline.get("tribuo_provenance").toString().contains("LogisticRegressionTrainer"));

        // a notebook reloads the run and redraws everything without training
        RunReport back = Reproduction.load(dir);
        assertEquals(r.results().toMarkdown(), back.results().toMarkdown());
        assertEquals(r.charts().keySet(), back.charts().keySet());
        assertEquals(6, back.models().size());
        assertArrayEquals(r.models().get(0).evaluation().confusion(),
                back.models().stream().filter(x -> x.name().equals(r.models().get(0).name())).findFirst().orElseThrow()
                        .evaluation().confusion());
        assertEquals(r.gradientStudy().norms().keySet(), back.gradientStudy().norms().keySet());
        // RNN and LSTM untrained, then each without and with clipping after its epoch
        assertEquals(List.of("RNN, untrained", "LSTM, untrained", "RNN, no clipping, after 1 epoch",
                "RNN, clipped at 1.0, after 1 epoch", "LSTM, no clipping, after 1 epoch", "LSTM, clipped at 1.0, after 1 epoch"),
                List.copyOf(back.gradientStudy().norms().keySet()));

        // the same study run alone, as notebook 04 runs it, gives the same norms bit for bit
        PackedSequences s10 = SoundDataset.open(data).load(FeatureConfig.book(10, 10),
                LoadConfig.defaults().progress(Progress.Sink.NONE)).sequences();
        GradientStudy alone = GradientStudy.run(s10, Splits.book(s10.size(), tiny(reports).splitSeed(10)),
                GradientStudy.QUICK_EPOCHS, GradientStudy.CLIP, reports.resolve("alone"), new TrainingListener() {});
        assertEquals(r.gradientStudy().norms().keySet(), alone.norms().keySet());
        r.gradientStudy().norms().forEach((run, norms) -> assertArrayEquals(norms, alone.norms().get(run), run));

        // a notebook shows the results table as HTML itself, so its log leaves the Markdown out
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        tiny(reports).quick(true).logResults(false).log(new PrintStream(second, true, StandardCharsets.UTF_8)).run();
        String again = second.toString(StandardCharsets.UTF_8);
        assertTrue(again.contains("Model us_state_10_100: finished in an earlier run, read back"), again);
        assertFalse(again.contains("| us_state_10_100 |") || again.contains("Book accuracy"), again);
    }

    /** Throws once the named model has finished {@code epochs} epochs: an interruption. */
    static TrainingListener stopAfter(String model, int epochs) {
        return new TrainingListener() {
            String current;
            @Override public void trainingStarted(Start s) { current = s.modelName(); }
            @Override public void epochFinished(EpochRecord e) {
                if (model.equals(current) && e.epoch() == epochs) throw new IllegalStateException("simulated interruption");
            }
        };
    }

    @Test
    void interruptedRunResumesWithoutRetrainingFinishedModels(@TempDir Path reports) throws Exception {
        Reproduction config = tiny(reports).models(CellType.RNN, CellType.LSTM).windows(100).epochs(5).parallel(1)
                .baselines(false).gradientStudy(false);
        // one at a time, longest first: the LSTM finishes, then the RNN is stopped after its third epoch
        IllegalStateException stop = assertThrows(IllegalStateException.class,
                () -> config.listener(stopAfter("us_basic_10_100", 3)).run());
        assertTrue(stop.getMessage().contains("simulated interruption"));
        Path dir = reports.resolve("run");
        assertTrue(Files.exists(dir.resolve("models/us_lstm_10_100.json")), "the LSTM finished before the stop");
        assertTrue(Files.exists(dir.resolve("models/us_basic_10_100.ckpt")), "the RNN left a checkpoint");
        assertFalse(Files.exists(dir.resolve("models/us_basic_10_100.json")));
        FileTime lstmTime = Files.getLastModifiedTime(dir.resolve("models/us_lstm_10_100.model"));

        List<String> started = new ArrayList<>();
        RunReport resumed = tiny(reports).models(CellType.RNN, CellType.LSTM).windows(100).epochs(5).parallel(1)
                .baselines(false).gradientStudy(false).listener(new TrainingListener() {
                    @Override public void trainingStarted(Start s) { started.add(s.modelName() + "@" + s.firstEpoch()); }
                }).run();
        assertEquals(List.of("us_basic_10_100@4"), started, "only the RNN trains, from its checkpoint after epoch 3");
        assertEquals(lstmTime, Files.getLastModifiedTime(dir.resolve("models/us_lstm_10_100.model")));

        RunReport clean = tiny(reports.resolve("clean")).models(CellType.RNN, CellType.LSTM).windows(100).epochs(5)
                .parallel(1).baselines(false).gradientStudy(false).run();
        for (int k = 0; k < 2; k++) {
            ModelResult a = resumed.models().get(k), b = clean.models().get(k);
            assertEquals(b.name(), a.name());
            assertEquals(b.testAccuracy(), a.testAccuracy());
            assertArrayEquals(b.evaluation().confusion(), a.evaluation().confusion());
            for (String col : new String[] {"epoch", "cost", "train_accuracy", "validation_accuracy"})
                assertEquals(b.history().table().column(col).asList(), a.history().table().column(col).asList(), col);
        }
    }

    @Test
    void urbanSound8kRunsTheFoldProtocol(@TempDir Path tmp) throws Exception {
        Path us8k = TinyWavs.urbanSound8k(tmp.resolve("us8k"), 3, 4, 5);
        RunReport r = Reproduction.book().dataset(us8k).reports(tmp.resolve("reports")).runId("folds").engine(EngineKind.AUTO)
                .progressBar(false).log(null).models(CellType.RNN).windows(100).epochs(1).folds(1, 2).gradientStudy(false).run();
        assertEquals(List.of("us_basic_10_100_fold1", "us_basic_10_100_fold2"), r.models().stream().map(ModelResult::name).toList());
        assertEquals(List.of(12, 12), r.models().stream().map(m -> m.evaluation().size()).toList(), "each fold tests its 12 clips");
        ResultsTable.Entry rnn = r.results().entries().get(0);
        assertEquals(2, rnn.folds());
        assertEquals(Protocol.TEN_FOLD.label(), rnn.protocol());
        double a1 = r.models().get(0).testAccuracy(), a2 = r.models().get(1).testAccuracy();
        assertEquals((a1 + a2) / 2, rnn.accuracy(), 1e-12);
        assertEquals(Math.abs(a1 - a2) / Math.sqrt(2), rnn.accuracyStd(), 1e-12);
        assertEquals(2, r.results().entries().get(1).folds(), "the baselines follow the same folds");
        assertEquals(24, r.confusions().get("us_basic_10_100").size(), "the confusion chart sums both folds");
        assertTrue(r.results().toMarkdown().contains("(2 folds)"));
    }

    @Test
    void missingOrEmptyDatasetSaysWhatBelongsThere(@TempDir Path tmp) throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Reproduction.book().dataset(tmp.resolve("nope")).log(null).run());
        assertTrue(missing.getMessage().contains(tmp.resolve("nope").toString()));
        assertTrue(missing.getMessage().contains("does not exist"));
        assertTrue(missing.getMessage().contains("datasets/README.md"));
        assertTrue(missing.getMessage().contains("train.csv"));
        Files.createDirectories(tmp.resolve("empty"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Reproduction.book().dataset(tmp.resolve("empty")).log(null).run());
        assertTrue(empty.getMessage().contains("is empty"));
        assertTrue(empty.getMessage().contains("UrbanSound8K.csv"));

        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute("reproduce", "--data", tmp.resolve("empty").toString(), "--no-progress");
            assertEquals(2, code);
        } finally {
            System.setErr(err);
        }
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("datasets/README.md"));
    }
}
