package org.lstmlab.eval;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.TestSequences;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

class BaselinesTest {

    @Test
    void pooledIsMeanThenStdOfEachBandOverTheValidSteps() {
        PackedSequences d = TestSequences.sequences(5, 4, 7, 2, 3);
        double[][] p = Baselines.pooled(d);
        assertEquals(8, p[0].length);
        for (int i = 0; i < d.size(); i++)
            for (int f = 0; f < 4; f++) {
                int len = d.length(i);
                double mean = 0;
                for (int t = 0; t < len; t++) mean += d.value(i, t, f);
                mean /= len;
                double var = 0;
                for (int t = 0; t < len; t++) var += (d.value(i, t, f) - mean) * (d.value(i, t, f) - mean);
                assertEquals(mean, p[i][f], 1e-9);
                assertEquals(Math.sqrt(var / len), p[i][4 + f], 1e-9);
            }
    }

    @Test
    void bothBaselinesLearnSeparableDataAndRecordProvenance() {
        PackedSequences d = TestSequences.sequences(300, 12, 20, 3, 7);
        Split s = TestSequences.split(300, 180, 30);
        for (Baselines.Kind kind : Baselines.Kind.values()) {
            long start = System.nanoTime();
            Baselines.Result r = Baselines.run(kind, d, s, 42);
            double wall = (System.nanoTime() - start) / 1e9;
            assertEquals(s.test().length, r.evaluation().size());
            assertTrue(r.evaluation().accuracy() > 0.9, kind + " accuracy " + r.evaluation().accuracy());
            // training time in seconds: some, and no more than the whole call took
            assertTrue(r.seconds() > 0 && r.seconds() <= wall, r.seconds() + " s of training in a " + wall + " s call");
            String provenance = r.provenance().toString();
            assertTrue(provenance.contains(kind == Baselines.Kind.LOGISTIC_REGRESSION ? "LogisticRegressionTrainer" : "RandomForestTrainer"),
                    provenance);
        }
    }

    @Test
    void sameSeedSameForest() {
        PackedSequences d = TestSequences.sequences(120, 6, 10, 3, 1);
        Split s = TestSequences.split(120, 72, 12);
        int[][] a = Baselines.run(Baselines.Kind.RANDOM_FOREST, d, s, 5).evaluation().confusion();
        int[][] b = Baselines.run(Baselines.Kind.RANDOM_FOREST, d, s, 5).evaluation().confusion();
        assertArrayEquals(a, b);
    }
}
