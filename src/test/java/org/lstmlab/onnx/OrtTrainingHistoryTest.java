package org.lstmlab.onnx;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.TestSequences;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Float32Engine;
import org.lstmlab.train.EpochRecord;
import org.lstmlab.train.History;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A short training run through the Trainer: the ORT engine's history against the Java engine's. */
class OrtTrainingHistoryTest {
    private static final PackedSequences DATA = TestSequences.sequences(120, 12, 7, 4, 5);
    private static final Split SPLIT = TestSequences.split(120, 60, 30);

    @ParameterizedTest
    @EnumSource(CellType.class)
    void historyMatchesTheJavaEngine(CellType cell) {
        TrainConfig config = TrainConfig.book(cell).withEpochs(4).withReport(2);
        List<EpochRecord> java = run(config, new Float32Engine(1)), ort = run(config, new OrtEngine(OrtDevice.CPU, 1));
        assertEquals(java.size(), ort.size());
        for (int e = 0; e < java.size(); e++) {
            EpochRecord j = java.get(e), o = ort.get(e);
            assertEquals(j.cost(), o.cost(), 1e-4 * j.cost(), "cost, epoch " + j.epoch());
            assertEquals(j.trainAccuracy(), o.trainAccuracy(), 1e-12, "train accuracy, epoch " + j.epoch());
            assertEquals(j.validationAccuracy(), o.validationAccuracy(), 1e-12, "validation accuracy, epoch " + j.epoch());
        }
    }

    private static List<EpochRecord> run(TrainConfig config, Engine engine) {
        try (engine) {
            History h = Trainer.fresh(config, DATA, SPLIT).engine(engine).train();
            return h.epochs();
        }
    }
}
