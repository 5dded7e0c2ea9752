package org.lstmlab.cli;

import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.SplitConfig;
import org.lstmlab.data.Splits;
import org.lstmlab.eval.Evaluation;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineConfig;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.train.EarlyStopping;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Predictions;
import org.lstmlab.train.Recipe;
import org.lstmlab.train.Regularisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** train and evaluate end to end on a tiny Kaggle-layout dataset of tones, one class per band. */
class TrainCommandTest {
    @TempDir static Path dir;
    static Path data;

    @BeforeAll
    static void tones() throws IOException {
        data = Tones.write(dir.resolve("tones"));
    }

    static CliRun.Run run(String... args) { return CliRun.system(args); }

    @Test
    void trainsSavesContinuesAndEvaluatesWithTheBooksLines() throws IOException {
        Path model = dir.resolve("basic.model");
        CliRun.Run r = run("train", "--data", data.toString(), "--cell", "rnn", "--hidden", "8", "--epochs", "2", "--report", "1",
                "--engine", "reference", "--save", model.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Model us_basic_10_10 train started:", lines.get(0));
        assertTrue(lines.get(1).matches("    Epoch 1: cost=\\d\\.\\d{3}, accuracy=\\d\\.\\d{3}/\\d\\.\\d{3} \\(\\d+/\\d+ secs\\)"), lines.get(1));
        assertTrue(lines.get(2).startsWith("    Epoch 2: cost="), lines.get(2));
        assertTrue(lines.get(3).matches("Model us_basic_10_10 train ended in \\d+ secs:"), lines.get(3));
        assertTrue(lines.get(4).matches("Model us_basic_10_10 test report: accuracy = \\d\\.\\d{3}, \\(\\d+ secs\\)"), lines.get(4));
        assertEquals("", lines.get(5), "the book's blank line after the test report");
        String testAccuracy = lines.get(4).replaceAll(".*accuracy = (\\S+),.*", "$1");

        CliRun.Run e = run("evaluate", model.toString(), "--data", data.toString(), "--engine", "reference");
        assertEquals(0, e.code(), e.err());
        assertEquals("accuracy = " + testAccuracy, e.out().lines().findFirst().orElseThrow().replaceAll(".*(accuracy = \\S+),.*", "$1"),
                "evaluate recomputes the same test split and accuracy");
        assertTrue(e.out().contains("8 samples"), e.out());   // 40 clips: 30 train, 2 validation, 8 test

        CliRun.Run more = run("train", "--data", data.toString(), "--from", model.toString(), "--epochs", "1", "--report", "1",
                "--engine", "float32", "--threads", "2", "--save", model.toString(), "--no-progress");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().contains("    Epoch 1: cost="), "the book numbers each call from 1: " + more.out());
        ModelFile f = ModelFile.load(model);
        assertEquals(3, f.history().size());
        assertEquals(List.of(1, 2, 3), f.history().epochs().stream().map(x -> x.epoch()).toList());
        assertEquals(9, f.model().adam().n[0], "3 epochs x 3 batches of Adam steps, state kept across calls");
        assertEquals(new EngineConfig(EngineKind.FLOAT32, 2), f.recipe().engine(), "the engine that ran, with its threads");
        assertEquals(List.of(new EngineConfig(EngineKind.REFERENCE, 1), new EngineConfig(EngineKind.FLOAT32, 2)),
                f.recipe().schedule().stream().map(Recipe.Call::engine).toList(), "the reference engine's call, then the two-thread one");
    }

    /**
     * The recipe holds what ran and what it ran on: --engine auto is recorded as the engine it resolved to, and the split
     * as its spec, from which evaluate draws the very test rows again: its confusion matrix is the one computed here on
     * the rows of the book split of seed 77, drawn independently of the model file.
     */
    @Test
    void evaluateRedrawsTheSplitFromTheRecipeAndTheRecipeNamesTheEngineThatRan() throws IOException {
        Path model = dir.resolve("seeded.model");
        CliRun.Run r = run("train", "--data", data.toString(), "--cell", "lstm", "--hidden", "4", "--epochs", "2", "--split-seed", "77",
                "--engine", "auto", "--threads", "2", "--save", model.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        ModelFile f = ModelFile.load(model);
        assertEquals(new EngineConfig(EngineKind.FLOAT32, 2), f.recipe().engine(), "auto is recorded as the engine it chose");
        assertEquals(SplitConfig.book(77), f.recipe().split());

        LoadResult loaded = SoundDataset.open(data).load(f.recipe().features());
        int[] rows = Splits.book(loaded.sequences().size(), 77).test();
        assertArrayEquals(rows, f.recipe().split().of(loaded).test());
        assertFalse(Arrays.equals(rows, Splits.book(loaded.sequences().size(), 1234).test()), "the seed matters here");
        try (Engine e = Engines.open(EngineKind.FLOAT32, 2)) {
            Predictions p = Predictions.of(e, f.model(), loaded.sequences(), rows);
            String expected = EvaluateCommand.confusion(Evaluation.of(loaded.sequences().classNames(), p.actual(), p.predicted()));
            CliRun.Run ev = run("evaluate", model.toString(), "--data", data.toString(), "--engine", "auto", "--threads", "2");
            assertEquals(0, ev.code(), ev.err());
            assertTrue(ev.out().contains(expected), ev.out() + "\nexpected:\n" + expected);
        }
    }

    @Test
    void gruTrainsEvaluatesAndExports() throws IOException {
        Path model = dir.resolve("gru.model");
        CliRun.Run r = run("train", "--data", data.toString(), "--cell", "gru", "--hidden", "8", "--epochs", "2", "--report", "1",
                "--save", model.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Model us_gru_10_10 train started:", lines.get(0));
        String testAccuracy = lines.get(4).replaceAll(".*accuracy = (\\S+),.*", "$1");
        assertEquals(CellType.GRU, ModelFile.load(model).model().config().cell());

        CliRun.Run e = run("evaluate", model.toString(), "--data", data.toString());
        assertEquals(0, e.code(), e.err());
        assertEquals("accuracy = " + testAccuracy, e.out().lines().findFirst().orElseThrow().replaceAll(".*(accuracy = \\S+),.*", "$1"));

        Path onnx = dir.resolve("gru.onnx");
        CliRun.Run x = run("export", model.toString(), "-o", onnx.toString());
        assertEquals(0, x.code(), x.err());
        assertTrue(Files.size(onnx) > 0);
    }

    @Test
    void regularisedTrainingRecordsItsSettingsAndNamesTheCorrectedCost() throws IOException {
        Path model = dir.resolve("reg.model");
        CliRun.Run r = run("train", "--data", data.toString(), "--cell", "state", "--hidden", "6", "--epochs", "2", "--report", "2",
                "--l2", "0.1", "--l1", "0.001", "--keep-prob", "0.5", "--decay-cost", "corrected", "--engine", "float32",
                "--save", model.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(2).matches("Model us_state_10_10 train ended in \\d+ secs:"), lines.get(2));
        assertTrue(lines.get(3).startsWith("Model us_state_10_10 cost = cross-entropy + 0.1·Σw²/2 + 0.001·Σ|w|"), lines.get(3));
        assertTrue(lines.get(4).startsWith("Model us_state_10_10 test report:"), lines.get(4));
        assertEquals(new Regularisation(0.1, 0.001, 0.5, Regularisation.DecayCost.CORRECTED),
                ModelFile.load(model).recipe().training().regularisation());
    }

    @Test
    void badRegularisationIsAUsageErrorNamingTheOption() {
        String[][] bad = {{"--l2", "-0.1"}, {"--l1", "-1"}, {"--keep-prob", "0"}, {"--keep-prob", "1.5"}, {"--decay-cost", "half"},
                {"--patience", "-2"}, {"--monitor", "f1"}};
        for (String[] option : bad) {
            CliRun.Run r = run("train", "--data", dir.resolve("no-such-folder").toString(), option[0], option[1], "--no-progress");
            assertEquals(2, r.code(), String.join(" ", option));
            assertTrue(r.err().contains(option[0]), r.err());
            assertFalse(r.out().contains("train started"), "nothing trains");
        }
    }

    @Test
    void earlyStoppingSaysSoAfterTheBookLinesAndNeedsReports() throws IOException {
        Path model = dir.resolve("early.model");
        CliRun.Run r = run("train", "--data", data.toString(), "--cell", "rnn", "--hidden", "6", "--epochs", "3", "--report", "1",
                "--patience", "5", "--monitor", "loss", "--engine", "reference", "--save", model.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(4).matches("Model us_basic_10_10 train ended in \\d+ secs:"), lines.get(4));
        assertTrue(lines.get(5).matches("Model us_basic_10_10 early stopping: validation loss \\d+\\.\\d{3} at epoch [123] was the best; "
                + "the weights of epoch [123] are kept"), lines.get(5));
        ModelFile f = ModelFile.load(model);
        assertTrue(f.history().bestEpoch() >= 1, "the history marks the kept epoch");
        assertEquals(new EarlyStopping(5, EarlyStopping.Monitor.LOSS), f.recipe().training().earlyStopping());

        CliRun.Run silent = run("train", "--data", data.toString(), "--report", "0", "--patience", "3", "--no-progress");
        assertEquals(2, silent.code());
        assertTrue(silent.err().contains("--patience needs validation reports"), silent.err());
    }

    @Test
    void badSettingsFailWithOneClearLine() throws IOException {
        CliRun.Run hidden = run("train", "--data", data.toString(), "--hidden", "0", "--no-progress");
        assertEquals(2, hidden.code());
        assertTrue(hidden.err().contains("train: hidden size must be > 0, got 0"), hidden.err());

        CliRun.Run batch = run("train", "--data", data.toString(), "--batch", "31", "--engine", "reference", "--no-progress");
        assertEquals(2, batch.code());
        assertTrue(batch.err().contains("batch size 31 is larger than the training split (30 samples)"), batch.err());

        Path broken = dir.resolve("broken.model");
        Files.write(broken, Arrays.copyOf("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), 12));
        CliRun.Run eval = run("evaluate", broken.toString(), "--data", data.toString());
        assertEquals(2, eval.code());
        assertTrue(eval.err().contains("evaluate: model file " + broken), eval.err());
    }
}
