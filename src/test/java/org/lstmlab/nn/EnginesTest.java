package org.lstmlab.nn;

import org.lstmlab.data.TestSequences;
import org.lstmlab.recipe.Json;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

class EnginesTest {

    @Test
    void eachKindOpensTheEngineOfItsName() {
        assertEquals(EngineKind.REFERENCE, Engines.open(EngineKind.REFERENCE).kind());
        try (var ort = Engines.open(EngineKind.ORT)) {
            assertEquals(EngineKind.ORT, ort.kind());
        }
        try (var fast = Engines.open(EngineKind.FLOAT32, 2); var auto = Engines.open(EngineKind.AUTO)) {
            assertEquals(EngineKind.FLOAT32, fast.kind());
            assertEquals(EngineKind.FLOAT32, auto.kind());
        }
        assertThrows(IllegalArgumentException.class, () -> Engines.open(EngineKind.FLOAT32, 0));
    }

    /** The same seed, engine and thread count give the same history bytes with the float32 engine too. */
    @Test
    void fastEngineHistoryIsByteIdenticalRunAfterRun() {
        var data = TestSequences.sequences(60, 8, 7, 3, 8);
        var split = TestSequences.split(60, 40, 10);
        TrainConfig c = TrainConfig.book(CellType.LSTM).withHidden(6).withEpochs(3).withReport(1);
        String[] csv = new String[2];
        for (int k = 0; k < 2; k++)
            try (var e = Engines.open(EngineKind.FLOAT32, 2)) {
                csv[k] = Trainer.fresh(c, data, split).engine(e).probeGradients(1).train().deterministicCsv();
            }
        assertEquals(csv[0], csv[1]);
        assertEquals(4, csv[0].lines().count());
    }

    @Test
    void configDefaultsAreTheBooksAndSurviveAJsonRoundTrip() {
        TrainConfig c = TrainConfig.book(CellType.RNN);
        assertEquals(20, c.hidden());
        assertEquals(10, c.epochs());
        assertEquals(10, c.batchSize());
        assertEquals(0.001, c.learningRate());
        assertEquals(0, c.clipNorm());
        assertEquals(100, c.validationSamples());
        assertEquals(1234, c.seed());
        TrainConfig d = c.withClipNorm(5).withEpochs(100).withReport(20).withSeed(7);
        assertEquals(d, Json.read(Json.write(d), TrainConfig.class));
        assertEquals(5, d.adam().clipNorm());
        assertEquals(0.9, d.adam().beta1());
        assertThrows(IllegalArgumentException.class, () -> c.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> c.withLearningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> c.withClipNorm(-1));
    }
}
