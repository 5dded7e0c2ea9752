package org.lstmlab.cli;

import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Progress;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.Split;
import org.lstmlab.experiment.ModelResult;
import org.lstmlab.experiment.Reproduction;
import org.lstmlab.experiment.RunReport;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.nn.Model;
import org.lstmlab.train.BookLog;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Predictions;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The overfitting study's early-stopping row, read off its no-remedy run, against the same model trained on its own
 * with {@code train --patience}: the same kept and stop epochs, history, weights, Adam state and accuracies.
 */
class StudyEarlyStoppingTest {
    static final String EARLY = "overfit_early_state_10_100";

    @Test
    void theRowReadOffTheNoRemedyRunIsTheStandaloneRun(@TempDir Path dir) throws Exception {
        Path data = Tones.write(dir.resolve("tones"));
        Set<String> trained = ConcurrentHashMap.newKeySet();
        int epochs = 12;
        RunReport r = Reproduction.book().dataset(data).reports(dir.resolve("reports")).runId("study").progressBar(false)
                .log(null).quick(true).epochs(epochs).overfitting(true).listener(new TrainingListener() {
                    @Override public void trainingStarted(Start s) { trained.add(s.modelName()); }
                }).run();
        assertTrue(trained.contains("overfit_none_state_10_100"), trained.toString());
        assertFalse(trained.contains(EARLY), "the early-stopping run is read off, not trained: " + trained);
        ModelResult row = r.overfitting().runs().stream().filter(m -> m.name().equals(EARLY)).findFirst().orElseThrow();
        ModelFile derived = ModelFile.load(dir.resolve("reports/study/models/" + EARLY + ".model"));

        // the same model on its own: the study's seed, the 100-ms window's split (seed + window, protocol §8.6), its
        // quick report interval and patience
        Path alone = dir.resolve("alone.model");
        CliRun.Run t = CliRun.system("train", "--data", data.toString(), "--window", "10-100", "--cell", "state",
                "--epochs", String.valueOf(epochs), "--report", "1", "--patience", "2", "--split-seed",
                String.valueOf(TrainConfig.book().seed() + 100), "--engine", "auto", "--threads", "1", "--save",
                alone.toString(), "--no-progress");
        assertEquals(0, t.code(), t.err());
        ModelFile standalone = ModelFile.load(alone);

        assertTrue(standalone.history().stoppedAfter() > 0 && standalone.history().stoppedAfter() < epochs,
                "the fixture stops early: " + standalone.history().stoppedAfter());
        assertEquals(standalone.history().bestEpoch(), row.history().bestEpoch(), "kept epoch");
        assertEquals(standalone.history().stoppedAfter(), row.history().stoppedAfter(), "stop epoch");
        assertEquals(standalone.history().size(), row.epochs());
        assertEquals(standalone.history().deterministicCsv(), row.history().deterministicCsv());
        assertEquals(standalone.history().deterministicCsv(), derived.history().deterministicCsv());
        assertEquals(standalone.recipe().training(), derived.recipe().training());
        assertEquals(standalone.recipe().run(), derived.recipe().run());
        assertEquals(standalone.recipe().schedule(), derived.recipe().schedule());
        Model a = standalone.model(), b = derived.model();
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(a.params().tensors()[k], b.params().tensors()[k], "weights " + k);
            assertArrayEquals(a.adam().s[k], b.adam().s[k], "adam s " + k);
            assertArrayEquals(a.adam().t[k], b.adam().t[k], "adam t " + k);
        }
        assertArrayEquals(a.adam().n, b.adam().n);

        String testLine = t.out().lines().filter(l -> l.contains("test report")).findFirst().orElseThrow();
        assertEquals("accuracy = " + BookLog.f53(row.testAccuracy()).trim(),
                testLine.replaceAll(".*(accuracy = \\S+),.*", "$1"));
        LoadResult loaded = SoundDataset.open(data).load(FeatureConfig.book(10, 100), LoadConfig.defaults().progress(Progress.Sink.NONE));
        PackedSequences s100 = loaded.sequences();
        Split split = standalone.recipe().split().of(loaded);
        try (Engine e = Engines.open(EngineKind.AUTO, 1)) {
            assertEquals(Predictions.of(e, a, s100, split.train()).accuracy(), row.trainAccuracy(), "train accuracy");
            assertEquals(Predictions.of(e, a, s100, split.test()).accuracy(), row.testAccuracy(), "test accuracy");
        }
    }
}
