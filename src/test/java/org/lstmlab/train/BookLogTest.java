package org.lstmlab.train;

import org.lstmlab.data.Batch;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.TestSequences;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.StepResult;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BookLogTest {

    @Test
    void linesMatchTheBookCharacterForCharacter() {
        assertEquals("    Epoch 20: cost=1.627, accuracy=0.414/0.260 (78/78 secs)", BookLog.epoch(20, 1.627, 0.414, 0.26, 78, 78));
        assertEquals("Model us_basic_10_10 train started:", BookLog.started("us_basic_10_10"));
        assertEquals("Model us_basic_10_10 train ended in 410 secs:", BookLog.ended("us_basic_10_10", 410));
        assertEquals("Model us_basic_10_10 test report: accuracy = 0.374, (0 secs)\n", BookLog.test("us_basic_10_10", 0.374, 0));
        assertEquals("us_state_10_100", BookLog.modelName(CellType.LSTM_STATE, FeatureConfig.book(10, 100)));
        assertEquals("us_basic_10_10", BookLog.modelName(CellType.RNN, FeatureConfig.book(10, 10)));
    }

    @Test
    void numbersFollowPythonFormatting() {
        // Python: '{:5.3f}'.format(v) for each v below
        assertEquals("0.062", BookLog.f53(0.0625));   // exact tie, half-to-even
        assertEquals("0.188", BookLog.f53(0.1875));
        assertEquals("0.300", BookLog.f53(0.3));
        assertEquals("1.000", BookLog.f53(0.99951));
        assertEquals("12.346", BookLog.f53(12.3456));
        assertEquals("0.001", BookLog.f53(0.0005000000000000001));
        assertEquals("  nan", BookLog.f53(Double.NaN));
        assertEquals("  inf", BookLog.f53(Double.POSITIVE_INFINITY));
        assertEquals("-0.000", BookLog.f53(-0.0001));
    }

    /** Time is int(time.time()) differences: 2.5 s from 1000.9 s crosses three whole-second ticks, so t1 = 3, not 2. */
    @Test
    void trainerPrintsTheBookSequenceWithWholeSecondDifferences() {
        long[] now = {1_000_900};
        LastStepLinearEngine timed = new LastStepLinearEngine() {
            @Override public StepResult trainStep(Model m, Batch b, Adam a, Dropout d) { now[0] += 300; return super.trainStep(m, b, a, d); }
            @Override public float[][] logits(Model m, Batch b) { now[0] += 100; return super.logits(m, b); }
        };
        PackedSequences data = TestSequences.sequences(60, 22, 5, 4, 1);
        List<String> lines = new ArrayList<>();
        Trainer t = Trainer.fresh(TrainConfig.book(CellType.RNN).withBatchSize(10).withEpochs(4).withReport(2), data,
                TestSequences.split(60, 40, 10)).engine(timed).clock(() -> Instant.ofEpochMilli(now[0])).listener(BookLog.to(lines::add));
        History h = t.train();
        t.test();
        // 4 batches of 0.3 s per epoch, 0.1 s per validation pass: reports at 1003.4 s and 1005.9 s;
        // the 0.1 s test pass ends at 1006.0 s, so it too reads 1 sec
        List<String> expected = List.of(
                "Model us_basic_10_10 train started:",
                BookLog.epoch(2, h.epochs().get(1).cost(), h.epochs().get(1).trainAccuracy(), h.epochs().get(1).validationAccuracy(), 3, 3),
                BookLog.epoch(4, h.epochs().get(3).cost(), h.epochs().get(3).trainAccuracy(), h.epochs().get(3).validationAccuracy(), 2, 5),
                "Model us_basic_10_10 train ended in 5 secs:",
                BookLog.test("us_basic_10_10", t.predict(TestSequences.split(60, 40, 10).test()).accuracy(), 1));
        assertEquals(expected, lines);
    }

    @Test
    void silentTrainingPrintsOnlyTheEndLine() {
        PackedSequences data = TestSequences.sequences(30, 22, 4, 3, 2);
        List<String> lines = new ArrayList<>();
        Trainer.fresh(TrainConfig.book(CellType.LSTM).withEpochs(1).withReport(0), data, TestSequences.split(30, 20, 5))
                .engine(new LastStepLinearEngine()).listener(BookLog.to(lines::add)).clock(() -> Instant.ofEpochSecond(7)).train();
        assertEquals(List.of("Model us_lstm_10_10 train ended in 0 secs:"), lines);
    }
}
