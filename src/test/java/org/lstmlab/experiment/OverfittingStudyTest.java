package org.lstmlab.experiment;

import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.Progress;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.nn.Engine;
import org.lstmlab.train.EpochRecord;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Predictions;
import org.lstmlab.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The overfitting study as a reproduction of its own: its runs, its table, its curves, read back without training. */
class OverfittingStudyTest {
    @TempDir static Path shared;
    static Path data;

    @BeforeAll
    static void makeData() throws Exception {
        data = TinyWavs.kaggle(shared.resolve("tiny"), 10, 3);
    }

    @Test
    void trainsEachRemedyAndVariantAndTabulatesTrainAgainstTest(@TempDir Path reports) throws Exception {
        RunReport r = Reproduction.book().dataset(data).reports(reports).runId("study").engine(EngineKind.REFERENCE)
                .progressBar(false).log(null).quick(true).overfitting(true).run();
        Path dir = reports.resolve("study");
        Table t = r.overfitting().table();
        assertEquals(List.of("no remedy", "L2 0.1", "dropout, keep 0.5", "L2 0.1 + dropout 0.5", "early stopping",
                "no remedy", "no remedy", "no remedy", "no remedy"), t.stringColumn("remedy").asList());
        assertEquals(List.of("LSTM+state 100 ms", "LSTM+state 100 ms", "LSTM+state 100 ms", "LSTM+state 100 ms",
                "LSTM+state 100 ms", "LSTM 10 ms", "LSTM 100 ms", "GRU 10 ms", "GRU 100 ms"), t.stringColumn("model").asList());
        assertEquals(0, r.results().rowCount(), "no chapter models, no baselines");
        assertTrue(r.gradientStudy().runs().isEmpty());

        // each run trained with its remedy, and its train accuracy is the saved weights' on the whole training split
        Map<String, Double> expected = Map.of("overfit_none_state_10_100", 0.0, "overfit_l2_state_10_100", 0.1,
                "overfit_l2-dropout_state_10_100", 0.1);
        for (var e : expected.entrySet())
            assertEquals(e.getValue(), ModelFile.load(dir.resolve("models/" + e.getKey() + ".model")).recipe().training()
                    .regularisation().l2(), e.getKey());
        assertEquals(0.5, ModelFile.load(dir.resolve("models/overfit_dropout_state_10_100.model")).recipe().training()
                .regularisation().keepProb());
        ModelFile early = ModelFile.load(dir.resolve("models/overfit_early_state_10_100.model"));
        assertEquals(2, early.recipe().training().earlyStopping().patience());
        assertEquals(early.history().bestEpoch(), t.intColumn("kept_epoch").get(4));
        PackedSequences s100 = SoundDataset.open(data).load(FeatureConfig.book(10, 100),
                LoadConfig.defaults().progress(Progress.Sink.NONE)).sequences();
        Split split = Splits.book(s100.size(), Reproduction.book().splitSeed(100));
        try (Engine engine = Engines.open(EngineKind.REFERENCE)) {
            for (int row = 0; row < 5; row++) {
                String name = r.overfitting().runs().get(row).name();
                double train = Predictions.of(engine, ModelFile.load(dir.resolve("models/" + name + ".model")).model(), s100,
                        split.train()).accuracy();
                assertEquals(train, t.doubleColumn("train_accuracy").get(row), name);
            }
        }
        for (int row = 0; row < t.rowCount(); row++) {
            assertEquals(t.doubleColumn("train_accuracy").get(row) - t.doubleColumn("test_accuracy").get(row),
                    t.doubleColumn("gap").get(row), 1e-15);
            String name = r.overfitting().runs().get(row).name();
            double seconds = ModelFile.load(dir.resolve("models/" + name + ".model")).history().epochs().stream()
                    .mapToDouble(EpochRecord::seconds).sum();
            assertEquals((int) Math.round(seconds), (int) t.intColumn("train_seconds").get(row), name + ": its history's epoch seconds");
        }

        for (String f : new String[] {"overfitting.csv", "overfitting.md", "overfitting.html"}) assertTrue(Files.size(dir.resolve(f)) > 0, f);
        for (String ext : new String[] {"png", "svg", "pdf"}) assertTrue(Files.size(dir.resolve("charts/overfitting-curves." + ext)) > 0);
        assertNotNull(ImageIO.read(dir.resolve("charts/overfitting-curves.png").toFile()));
        assertTrue(Files.readString(dir.resolve("overfitting.md")).contains("| early stopping | LSTM+state 100 ms |"));

        // read back: the same table; run again: nothing retrained
        assertEquals(t.toString(), RunReport.load(dir).overfitting().table().toString());
        FileTime before = Files.getLastModifiedTime(dir.resolve("models/overfit_l2_state_10_100.json"));
        Reproduction.book().dataset(data).reports(reports).runId("study").engine(EngineKind.REFERENCE)
                .progressBar(false).log(null).quick(true).overfitting(true).run();
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("models/overfit_l2_state_10_100.json")));
    }

    static Reproduction study(Path reports) {
        return Reproduction.book().dataset(data).reports(reports).runId("study").progressBar(false).log(null).quick(true)
                .overfitting(true).parallel(1);
    }

    /** Names and first epochs of the training calls a run makes. */
    static TrainingListener starts(List<String> into) {
        return new TrainingListener() {
            @Override public void trainingStarted(Start s) { into.add(s.modelName() + "@" + s.firstEpoch()); }
        };
    }

    @Test
    void earlyStoppingIsReadOffTheNoRemedyRunAndTrainsOnItsOwnAfterAnInterruption(@TempDir Path reports) {
        List<String> cleanStarts = new ArrayList<>();
        RunReport clean = study(reports.resolve("clean")).listener(starts(cleanStarts)).run();
        assertTrue(cleanStarts.contains("overfit_none_state_10_100@1"), cleanStarts.toString());
        assertFalse(cleanStarts.stream().anyMatch(s -> s.startsWith("overfit_early_")), "read off, not trained: " + cleanStarts);

        // the no-remedy run stops after its second epoch: its checkpoint lacks the best weights early stopping kept
        assertThrows(IllegalStateException.class,
                () -> study(reports).listener(ReproductionTest.stopAfter("overfit_none_state_10_100", 2)).run());
        List<String> started = new ArrayList<>();
        RunReport resumed = study(reports).listener(starts(started)).run();
        assertTrue(started.contains("overfit_none_state_10_100@3"), started.toString());
        assertTrue(started.contains("overfit_early_state_10_100@1"), "trained on its own, from the start: " + started);
        assertEquals(clean.overfitting().table().removeColumns("train_seconds").toString(), // wall time differs
                resumed.overfitting().table().removeColumns("train_seconds").toString());
        for (int k = 0; k < clean.overfitting().runs().size(); k++) {
            ModelResult a = clean.overfitting().runs().get(k), b = resumed.overfitting().runs().get(k);
            assertEquals(a.name(), b.name());
            assertEquals(a.history().deterministicCsv(), b.history().deterministicCsv(), a.name());
            assertArrayEquals(a.evaluation().confusion(), b.evaluation().confusion(), a.name());
        }
    }
}
