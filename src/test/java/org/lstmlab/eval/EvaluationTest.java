package org.lstmlab.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EvaluationTest {
    static final List<String> NAMES = List.of("siren", "dog_bark", "drilling");
    // 10 clips; by hand: rows = true, columns = predicted
    //            siren dog drill
    // siren        3    1    0
    // dog_bark     0    2    1
    // drilling     1    0    2
    static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    static final int[] PREDICTED = {0, 0, 0, 1, 1, 1, 2, 0, 2, 2};

    @Test
    void tribuoMetricsMatchAHandComputedConfusionMatrix() {
        Evaluation e = Evaluation.of(NAMES, ACTUAL, PREDICTED);
        assertArrayEquals(new int[][] {{3, 1, 0}, {0, 2, 1}, {1, 0, 2}}, e.confusion());
        assertEquals(10, e.size());
        assertEquals(0.7, e.accuracy(), 1e-12);
        // siren: tp 3, fp 1 (a drilling clip), fn 1
        assertEquals(3.0 / 4, e.precision(0), 1e-12);
        assertEquals(3.0 / 4, e.recall(0), 1e-12);
        // dog_bark: tp 2, fp 1, fn 1
        assertEquals(2.0 / 3, e.precision(1), 1e-12);
        assertEquals(2.0 / 3, e.recall(1), 1e-12);
        // drilling: tp 2, fp 1, fn 1
        assertEquals(2.0 / 3, e.f1(2), 1e-12);
        assertEquals(4, e.support(0));
        assertEquals(3, e.support(2));
        double macro = (0.75 + 2.0 / 3 + 2.0 / 3) / 3;
        assertEquals(macro, e.macroF1(), 1e-12);
        assertEquals(3, e.perClass().rowCount());
        assertEquals(0.75, e.perClass().doubleColumn("f1").get(0), 1e-12);
    }

    @Test
    void absentClassCountsAsZeroF1InTheMacroAverage() {
        // nothing is drilling, nothing is predicted drilling: Tribuo's macro average still spans the whole domain
        Evaluation e = Evaluation.of(NAMES, new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
        assertEquals(0, e.support(2));
        assertEquals(0.0, e.f1(2), 0);
        double f1Siren = 2 * 1.0 * 0.5 / 1.5, f1Dog = 2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1);
        assertEquals((f1Siren + f1Dog) / 3, e.macroF1(), 1e-12);
    }

    @Test
    void rebuildsFromConfusionCounts() {
        Evaluation e = Evaluation.of(NAMES, ACTUAL, PREDICTED);
        Evaluation back = Evaluation.fromConfusion(NAMES, e.confusion());
        assertArrayEquals(e.confusion(), back.confusion());
        assertEquals(e.macroF1(), back.macroF1(), 0);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(NAMES, new int[] {0}, new int[] {0, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(NAMES, new int[] {0}, new int[] {3}));
        assertTrue(e.getMessage().contains("class index 3"));
    }
}
