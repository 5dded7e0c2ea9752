package org.lstmlab.report;

import org.lstmlab.experiment.BookResults;
import org.lstmlab.experiment.ModelResult;
import org.lstmlab.experiment.ResultsTable;
import org.lstmlab.nn.CellType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The conclusions come from the numbers: two runs whose orderings differ get different, correct sentences. */
class FindingsTest {
    static final String[] LAYERS = {"RNN", "LSTM", "LSTM+state"};
    static final double[][] BOOK_ACC = {{0.374, 0.486, 0.577}, {0.590, 0.722, 0.758}}, BOOK_SEC = {{410, 1569, 1532}, {387, 1463, 1459}};

    /** The six recurrent rows plus a baseline (which the conclusions must ignore). */
    static List<ResultsTable.Entry> rows(double[][] accuracy, double[][] seconds) {
        List<ResultsTable.Entry> rows = new ArrayList<>();
        int[] windows = {10, 100};
        for (int w = 0; w < 2; w++)
            for (int k = 0; k < 3; k++)
                rows.add(new ResultsTable.Entry("m" + w + k, 10, windows[w], LAYERS[k], "split", accuracy[w][k], Double.NaN, 1,
                        0.5, seconds[w][k], 3, BOOK_ACC[w][k], BOOK_SEC[w][k]));
        rows.add(new ResultsTable.Entry("logreg_10_10", 10, 10, "logistic regression (pooled)", "split", 0.99, Double.NaN, 1,
                0.9, 1, 0, Double.NaN, Double.NaN));
        return rows;
    }

    static final double[][] SECONDS = {{3, 6, 6}, {3, 6, 6}};

    @Test
    void aRunOrderedLikeTheBookSaysSo() {
        List<String> c = new Findings(Lang.EN, rows(new double[][] {{0.30, 0.40, 0.50}, {0.55, 0.65, 0.70}}, SECONDS))
                .conclusions(false, false);
        assertTrue(c.contains("At 10 ms, LSTM+state scored highest (50.0%), followed by LSTM (40.0%), RNN (30.0%)."), c.toString());
        assertTrue(c.contains("At 100 ms, LSTM+state scored highest (70.0%), followed by LSTM (65.0%), RNN (55.0%)."), c.toString());
        assertTrue(c.contains("RNN: the larger window raised accuracy from 30.0% to 55.0% (+25.0 points)."), c.toString());
        assertTrue(c.contains("LSTM+state: the larger window raised accuracy from 50.0% to 70.0% (+20.0 points)."), c.toString());
        assertTrue(c.contains("The larger window changed every layer's accuracy in the same direction as in the book."), c.toString());
        assertTrue(c.contains("At 10 ms the ranking agrees with the book's (LSTM+state > LSTM > RNN)."), c.toString());
        assertTrue(c.contains("At 100 ms the ranking agrees with the book's (LSTM+state > LSTM > RNN)."), c.toString());
        // 6 s / 3 epochs against 3 s / 3 epochs; the book: 1569 s against 410 s
        assertTrue(c.contains("At 10 ms an LSTM epoch took 2.0 times as long as an RNN epoch (book: 3.8 times)."), c.toString());
        // per epoch: book 387/100 = 3.87 s against 1 s (the least), book 1569/100 = 15.69 s against 2 s (the most)
        assertTrue(c.contains("Per epoch this run trained 3.9 to 7.8 times as fast as the book's runs."), c.toString());
        assertFalse(String.join(" ", c).contains("99.0%"), "a baseline is not one of the layers");
    }

    @Test
    void aRunOrderedOtherwiseSaysWhereItDiffers() {
        List<String> c = new Findings(Lang.EN, rows(new double[][] {{0.50, 0.40, 0.45}, {0.60, 0.35, 0.45}}, SECONDS))
                .conclusions(true, true);
        assertTrue(c.contains("At 10 ms, RNN scored highest (50.0%), followed by LSTM+state (45.0%), LSTM (40.0%)."), c.toString());
        assertTrue(c.contains("LSTM: the larger window lowered accuracy from 40.0% to 35.0% (-5.0 points)."), c.toString());
        assertTrue(c.contains("LSTM+state: the larger window left accuracy at 45.0%."), c.toString());
        assertTrue(c.contains("With the larger window LSTM, LSTM+state moved against the book's direction; RNN moved with it."), c.toString());
        assertTrue(c.contains("At 10 ms the ranking differs from the book's: here RNN > LSTM+state > LSTM, in the book LSTM+state > LSTM > RNN."), c.toString());
        assertTrue(c.contains("At 100 ms the ranking differs from the book's: here RNN > LSTM+state > LSTM, in the book LSTM+state > LSTM > RNN."), c.toString());
        assertEquals("On synthetic data these orderings describe the models on this data, not the book's recordings.", c.get(c.size() - 2));
        assertTrue(c.get(c.size() - 1).startsWith("This was a quick run"));
    }

    @Test
    void tiesAreNamedAsTies() {
        List<String> c = new Findings(Lang.EN, rows(new double[][] {{0.30, 0.40, 0.40}, {0.20, 0.20, 0.20}}, SECONDS))
                .conclusions(false, false);
        assertTrue(c.contains("At 10 ms, LSTM, LSTM+state tie for the highest accuracy (40.0%)."), c.toString());
        assertTrue(c.contains("At 100 ms the ranking differs from the book's: here RNN = LSTM = LSTM+state, in the book LSTM+state > LSTM > RNN."), c.toString());
        assertTrue(c.contains("With the larger window every layer (RNN, LSTM, LSTM+state) moved against the book's direction."), c.toString());
    }

    @Test
    void koreanConclusionsFollowTheSameNumbers() {
        List<String> c = new Findings(Lang.KO, rows(new double[][] {{0.50, 0.40, 0.45}, {0.60, 0.35, 0.45}}, SECONDS))
                .conclusions(false, false);
        assertTrue(c.contains("10 ms 윈도우에서는 RNN의 정확도가 가장 높았고(50.0%), 나머지는 LSTM+state (45.0%), LSTM (40.0%) 순이었다."), c.toString());
        assertTrue(c.contains("LSTM: 윈도우를 키우자 정확도가 40.0%에서 35.0%로 내려갔다(-5.0%p)."), c.toString());
    }

    @Test
    void summaryPutsTheBookAndTheSpeedUpBesideEachModel() {
        Block.Table t = new Findings(Lang.EN, rows(new double[][] {{0.30, 0.40, 0.50}, {0.55, 0.65, 0.70}}, SECONDS)).summary();
        assertEquals(6, t.rows().size(), "the baseline is not in the summary");
        assertEquals(List.of("10", "RNN", "30.0", "37.4", "3.0", "410", "4.1×"), t.rows().get(0));
        assertEquals(List.of("100", "LSTM+state", "70.0", "75.8", "6.0", "1459", "7.3×"), t.rows().get(5));
    }

    /** Norms whose first/last ratios are known: 1e-10 (vanishes), 0 (nothing arrives), 0.5, 2000 (explodes). */
    @Test
    void gradientFiguresAreTheRatiosOfTheFirstStepToTheLast() {
        List<ModelResult> study = List.of(
                study(CellType.RNN, 0, 1e-10, 1e-5, 1, 0, 0), study(CellType.RNN, 1, 0, 1e-3, 1),
                study(CellType.LSTM, 0, 0.5, 0.8, 1), study(CellType.LSTM, 1, 2e3, 10, 1));
        List<Findings.Gradient> gs = Findings.gradients(study, m -> BookResults.layer(m.cell()) + (m.clipNorm() > 0 ? " clipped" : ""));
        assertEquals(List.of(3, 3, 3, 3), gs.stream().map(Findings.Gradient::steps).toList(), "trailing zeros are steps no sequence reaches");
        Findings f = new Findings(Lang.EN, List.of());
        Block.Table t = f.gradientTable(gs);
        assertEquals(List.of("RNN", "3", "1.00e-10", "1.00", "1.00e-10", "vanishes"), t.rows().get(0));
        assertEquals(List.of("RNN clipped", "3", "0", "1.00", "0", "vanishes"), t.rows().get(1));
        assertEquals(List.of("LSTM", "3", "0.500", "1.00", "0.500", "keeps its scale"), t.rows().get(2));
        assertEquals(List.of("LSTM clipped", "3", "2.00e+03", "1.00", "2.00e+03", "explodes"), t.rows().get(3));
        assertEquals(List.of(
                "RNN clipped: no trace of the gradient reaches the first step (its norm there is 0: the float32 engine sets values below 2^-40 to zero).",
                "Without clipping the LSTM keeps 5.00e+09 times as much of the gradient at the first step as the RNN (ratios 0.500 and 1.00e-10).",
                "RNN: the ratio is 1.00e-10 without clipping and 0 with clipping at 1.0.",
                "LSTM: the ratio is 0.500 without clipping and 2.00e+03 with clipping at 1.0."), f.gradientFindings(gs));
    }

    static ModelResult study(CellType cell, double clip, double... norms) {
        return new ModelResult("g", cell, 10, 10, 0, clip, 1, 1, FakeRun.evaluation(), FakeRun.history(Map.of(1, norms)), Double.NaN);
    }
}
