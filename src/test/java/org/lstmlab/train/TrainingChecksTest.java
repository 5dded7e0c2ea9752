package org.lstmlab.train;

import org.lstmlab.data.Batch;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.SplitConfig;
import org.lstmlab.data.Split;
import org.lstmlab.data.TestSequences;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.StepResult;
import org.junit.jupiter.api.Test;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrainingChecksTest {
    static final PackedSequences DATA = TestSequences.sequences(40, 22, 5, 3, 3);
    static final TrainConfig C = TrainConfig.book(CellType.RNN).withEpochs(1);

    static String failure(TrainConfig c, PackedSequences data, Split split) {
        LastStepLinearEngine e = new LastStepLinearEngine();
        Trainer t = Trainer.fresh(c, DATA, split).on(data, split).engine(e);
        String msg = assertThrows(IllegalArgumentException.class, t::train).getMessage();
        assertEquals(0, e.steps, "nothing trained before the error");
        return msg;
    }

    @Test
    void hiddenSizeZeroIsRefused() {
        String msg = assertThrows(IllegalArgumentException.class, () -> C.withHidden(0)).getMessage();
        assertTrue(msg.contains("hidden size must be > 0"), msg);
    }

    @Test
    void batchLargerThanTheTrainingSet() {
        String msg = failure(C.withBatchSize(12), DATA, TestSequences.split(40, 8, 10));
        assertTrue(msg.contains("batch size 12 is larger than the training split (8 samples)"), msg);
    }

    @Test
    void classCountThatDoesNotMatchTheLabels() {
        PackedSequences five = TestSequences.sequences(40, 22, 5, 5, 3);
        String msg = failure(C, five, TestSequences.split(40, 20, 10));
        assertTrue(msg.contains("the model has 3 classes but the data's labels have 5 classes"), msg);
    }

    @Test
    void nonFiniteFeaturesNameTheSampleAndItsFile() {
        PackedSequences bad = TestSequences.sequences(40, 22, 5, 3, 3);
        int i = 31;   // a test sample: checked before training too
        bad.x()[(i * bad.maxSteps()) * bad.features() + 4] = Float.NaN;
        String msg = failure(C, bad, TestSequences.split(40, 20, 10));
        assertTrue(msg.contains("feature sequence 31 (clip31.wav) has NaN at step 1, feature 4"), msg);
        PackedSequences inf = TestSequences.sequences(40, 22, 5, 3, 3);
        inf.x()[(2 * inf.maxSteps() + inf.length(2) - 1) * inf.features()] = Float.POSITIVE_INFINITY;
        msg = failure(C, inf, TestSequences.split(40, 20, 10));
        assertTrue(msg.contains("feature sequence 2 (clip2.wav) has Infinity at step " + inf.length(2) + ", feature 0"), msg);
    }

    @Test
    void emptySplitsAndOutOfRangeIndices() {
        assertTrue(failure(C, DATA, TestSequences.split(40, 0, 10)).contains("the training split 'book(seed=0)' is empty"));
        assertTrue(failure(C.withReport(1), DATA, TestSequences.split(40, 20, 0)).contains("validation split 'book(seed=0)' is empty"));
        Split outside = new Split(SplitConfig.book(0), new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 40}, new int[] {11}, new int[] {12});
        assertTrue(failure(C, DATA, outside).contains("training split holds index 40, outside 0..39"));
        // silent training needs no validation
        Trainer.fresh(C.withReport(0), DATA, TestSequences.split(40, 20, 0)).engine(new LastStepLinearEngine()).train();
    }

    @Test
    void aNonFiniteLossStopsWithEpochBatchAndClipping() {
        LastStepLinearEngine nanAt7 = new LastStepLinearEngine() {
            @Override public StepResult trainStep(Model m, Batch b, Adam a, Dropout d) {
                StepResult r = super.trainStep(m, b, a, d);
                return steps == 7 ? new StepResult(Double.NaN, r.accuracy()) : r;
            }
        };
        List<Integer> epochsDone = new java.util.ArrayList<>();
        Trainer t = Trainer.fresh(C.withEpochs(3).withReport(0), DATA, TestSequences.split(40, 30, 5)).engine(nanAt7)
                .listener(new TrainingListener() { @Override public void epochFinished(EpochRecord r) { epochsDone.add(r.epoch()); } });
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, t::train);
        assertEquals(3, e.epoch());
        assertEquals(1, e.batch());
        assertTrue(e.getMessage().contains("loss became NaN at epoch 3, batch 1 of 3"), e.getMessage());
        assertTrue(e.getMessage().contains("--clip"), e.getMessage());
        assertEquals(List.of(1, 2), epochsDone);
        assertEquals(2, t.epochsTrained());
    }
}
