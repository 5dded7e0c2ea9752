package org.lstmlab.train;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.TestSequences;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.recipe.Json;
import org.lstmlab.train.EarlyStopping.Monitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Early stopping: the rule, the kept weights, the marks, the log line and an exact resume. */
class EarlyStoppingTest {
    static final PackedSequences DATA = TestSequences.sequences(160, 22, 6, 4, 11);
    static final Split SPLIT = TestSequences.split(160, 60, 40);
    static final TrainConfig PLAIN = TrainConfig.book(CellType.LSTM).withHidden(6).withEpochs(40).withReport(1)
            .withLearningRate(0.05).withValidationSamples(40);
    static final TrainConfig C = PLAIN.withEarlyStopping(new EarlyStopping(3, Monitor.ACCURACY));
    static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochSecond(1_000_000));

    static Trainer trainer(TrainConfig c) { return Trainer.fresh(c, DATA, SPLIT).engine(new LastStepLinearEngine()).clock(CLOCK); }

    @Test
    void stopsAfterPatienceWithoutImprovementAndKeepsTheBestReportsWeights() {
        Trainer t = trainer(C);
        History h = t.train();
        assertTrue(h.stoppedAfter() > 0 && h.stoppedAfter() < 40, "the fixture must stop early: " + h.stoppedAfter());
        assertEquals(h.stoppedAfter(), h.last().epoch());
        // the rule, replayed on the recorded validation accuracies
        int best = 0;
        double bestValue = Double.NaN;
        for (EpochRecord r : h.epochs()) {
            if (Double.isNaN(bestValue) || r.validationAccuracy() > bestValue) {
                best = r.epoch();
                bestValue = r.validationAccuracy();
            } else if (r.epoch() - best >= 3) {
                assertEquals(r.epoch(), h.stoppedAfter(), "stops at the first report 3 epochs past the best");
                break;
            }
        }
        assertEquals(best, h.bestEpoch());
        // the kept weights are those of a run of exactly bestEpoch epochs
        Trainer plain = trainer(PLAIN.withEpochs(h.bestEpoch()));
        plain.train();
        for (int k = 0; k < 4; k++) assertArrayEquals(plain.model().params().tensors()[k], t.model().params().tensors()[k]);
        assertNull(t.model().best(), "nothing left over once the run ended");
        assertEquals("best", h.mark(h.bestEpoch()));
        assertEquals("stop", h.mark(h.stoppedAfter()));
    }

    @Test
    void lossMonitorKeepsTheLowestValidationLossAndARunToTheEndAlsoKeepsItsBest() {
        Trainer t = trainer(PLAIN.withEpochs(12).withEarlyStopping(new EarlyStopping(100, Monitor.LOSS)));
        History h = t.train();
        assertEquals(0, h.stoppedAfter());
        assertEquals(12, h.size());
        assertTrue(h.bestEpoch() >= 1 && h.bestEpoch() <= 12);
        Trainer plain = trainer(PLAIN.withEpochs(h.bestEpoch()));
        plain.train();
        for (int k = 0; k < 4; k++) assertArrayEquals(plain.model().params().tensors()[k], t.model().params().tensors()[k]);
    }

    @Test
    void theBookLinesStayTheBooksAndOneLineAfterThemSaysWhatHappened() {
        List<String> early = new ArrayList<>(), plain = new ArrayList<>();
        History h = trainer(C).listener(BookLog.to(early::add)).train();
        trainer(PLAIN).listener(BookLog.to(plain::add)).train();
        int n = h.size();
        assertEquals(plain.subList(0, 1 + n), early.subList(0, 1 + n), "started and the epoch lines, byte for byte");
        assertEquals("Model us_lstm_10_10 train ended in 0 secs:", early.get(1 + n));
        assertEquals(3 + n, early.size());
        int best = h.bestEpoch();
        assertEquals("Model us_lstm_10_10 early stop after epoch " + n + ": validation accuracy "
                + BookLog.f53(h.epochs().get(best - 1).validationAccuracy()).trim() + " at epoch " + best
                + " not bettered in 3 epochs; the weights of epoch " + best + " are kept", early.get(2 + n));
    }

    /** Killed between the best report and the stop, resumed from the checkpoint: the same weights, history and marks. */
    @Test
    void aResumedRunStopsWhereTheUninterruptedOneStopped(@TempDir Path dir) throws IOException {
        Trainer whole = trainer(C).engine(new ReferenceEngine());
        History uninterrupted = whole.train();
        int cutAt = uninterrupted.bestEpoch() + 1;
        assertTrue(cutAt <= uninterrupted.stoppedAfter());

        Path ckpt = dir.resolve("cut.model");
        Trainer cut = trainer(C).engine(new ReferenceEngine());
        cut.listener(ModelFile.checkpoints(ckpt, cut, History.empty(), 1)).listener(new TrainingListener() {
            @Override public void epochFinished(EpochRecord r) { if (r.epoch() == cutAt) throw new IllegalStateException("killed"); }
        });
        assertThrows(IllegalStateException.class, cut::train);
        ModelFile saved = ModelFile.load(ckpt);
        History resumed;
        if (cutAt == uninterrupted.stoppedAfter()) {
            assertTrue(Trainer.of(saved).runFinished(), "the checkpoint of the stop epoch holds a finished run");
            resumed = saved.history();
        } else {
            assertNotNull(saved.model().best(), "the checkpoint carries the best weights so far");
            Trainer more = Trainer.of(saved).on(DATA, SPLIT).engine(new ReferenceEngine()).clock(CLOCK);
            resumed = saved.history().then(more.listener(ModelFile.checkpoints(ckpt, more, saved.history(), 1)).resumeRun().train());
        }
        assertEquals(uninterrupted.toCsv(), resumed.toCsv());
        for (int k = 0; k < 4; k++) assertArrayEquals(whole.model().params().tensors()[k], saved.model().params().tensors()[k]);
        assertTrue(Trainer.of(ModelFile.load(ckpt)).runFinished());
        assertEquals(uninterrupted.toCsv(), ModelFile.load(ckpt).history().toCsv(), "the last checkpoint has the marks");
    }

    @Test
    void marksRoundTripThroughTheCsv() {
        History h = trainer(C).train();
        History back = History.fromCsv(h.toCsv(), h.gradientNormsCsv());
        assertEquals(h.bestEpoch(), back.bestEpoch());
        assertEquals(h.stoppedAfter(), back.stoppedAfter());
        assertEquals(h.toCsv(), back.toCsv());
        assertEquals("best", h.table().stringColumn("mark").get(h.bestEpoch() - 1));
        String foreign = h.toCsv().replace(",best", ",kept");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> History.fromCsv(foreign, h.gradientNormsCsv()))
                .getMessage().contains("unknown mark 'kept'"));
    }

    @Test
    void patienceNeedsReportsAndIsNotNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(C.withReport(0)).train());
        assertTrue(e.getMessage().contains("report > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(-1, Monitor.ACCURACY));
        assertEquals(C, Json.read(Json.write(C), TrainConfig.class));
    }
}
