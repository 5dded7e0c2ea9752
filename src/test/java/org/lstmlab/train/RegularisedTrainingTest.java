package org.lstmlab.train;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.data.TestSequences;
import org.lstmlab.nn.Argmax;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.Parameters;
import org.lstmlab.recipe.Json;
import org.lstmlab.train.Regularisation.DecayCost;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The chapter-8 regularisers in the trainer (protocol §9): seeded masks, the book's and the corrected cost. */
class RegularisedTrainingTest {
    static final PackedSequences DATA = TestSequences.sequences(160, 22, 6, 4, 11);
    static final Split SPLIT = TestSequences.split(160, 60, 40);
    static final TrainConfig C = TrainConfig.book(CellType.LSTM).withHidden(6).withEpochs(4).withReport(2);

    static Trainer trainer(TrainConfig c) { return Trainer.fresh(c, DATA, SPLIT).engine(new LastStepLinearEngine()); }

    @Test
    void dropoutMasksAreSeededSoRunsRepeatAndAResumedRunEqualsTheWholeOne() {
        TrainConfig c = C.withRegularisation(Regularisation.NONE.withKeepProb(0.5).withL2(0.1));
        Trainer uninterrupted = trainer(c);
        History whole = uninterrupted.train();
        assertEquals(whole.deterministicCsv(), trainer(c).train().deterministicCsv());
        assertNotEquals(whole.deterministicCsv(), trainer(C).train().deterministicCsv(), "dropout must change training");
        assertNotEquals(whole.deterministicCsv(), trainer(c.withSeed(7)).train().deterministicCsv());

        Trainer cut = trainer(c).listener(new TrainingListener() {
            @Override public void epochFinished(EpochRecord r) { if (r.epoch() == 3) throw new IllegalStateException("power cut"); }
        });
        assertThrows(IllegalStateException.class, cut::train);
        // the regularisation comes back from the recipe, not from the caller
        Trainer resumed = Trainer.of(cut.model(), cut.recipe()).on(DATA, SPLIT).engine(new LastStepLinearEngine());
        History rest = resumed.resumeRun().train();
        assertEquals(whole.epochs().get(3).cost(), rest.epochs().get(0).cost());
        assertEquals(whole.epochs().get(3).validationAccuracy(), rest.epochs().get(0).validationAccuracy());
        for (int k = 0; k < 4; k++)
            assertArrayEquals(uninterrupted.model().params().tensors()[k], resumed.model().params().tensors()[k], Parameters.NAMES[k]);
    }

    /** Validation and test read the trained weights without a mask: recomputed here from the engine's logits. */
    @Test
    void validationAndTestSeeNoDropout() {
        TrainConfig c = C.withRegularisation(Regularisation.NONE.withKeepProb(0.5));
        Trainer t = trainer(c);
        History h = t.train();
        LastStepLinearEngine engine = new LastStepLinearEngine();
        int[] val = SPLIT.validation(), order = Splits.permutation(val.length, SeedStreams.validation(c.seed(), h.last().epoch()));
        int[] drawn = new int[Math.min(c.validationSamples(), val.length)];
        for (int k = 0; k < drawn.length; k++) drawn[k] = val[order[k]];
        assertEquals(accuracy(engine, t.model(), drawn), h.last().validationAccuracy(), 1e-12);
        assertEquals(accuracy(engine, t.model(), SPLIT.test()), t.test().accuracy(), 1e-12);
        Dropout mask = Dropout.draw(0.5, drawn.length, c.hidden(), new Random(3));
        assertNotEquals(engine.gradients(t.model(), DATA.batch(drawn), false).loss(),
                engine.gradients(t.model(), DATA.batch(drawn), mask, false).loss(), "a mask would change the result");
    }

    private static double accuracy(LastStepLinearEngine engine, Model m, int[] rows) {
        float[][] logits = engine.logits(m, DATA.batch(rows));
        int correct = 0;
        for (int k = 0; k < rows.length; k++) if (Argmax.of(logits[k]) == DATA.label(rows[k])) correct++;
        return (double) correct / rows.length;
    }

    @Test
    void keepProbabilityOneIsNoDropout() {
        assertEquals(trainer(C).train().deterministicCsv(), trainer(C.withRegularisation(Regularisation.NONE.withKeepProb(1))).train().deterministicCsv());
    }

    /** The first batch sees the initial weights, so its reported loss is the unregularised one plus the extra term. */
    @Test
    void bookCostAddsUnscaledTermsAndTheCorrectedCostScalesThem() {
        double plain = firstBatchLoss(C);
        Parameters w0 = Trainer.newModel(C, DATA).params();
        double squares = 0, absolutes = 0;
        for (double[] t : new double[][] {w0.w, w0.wo})
            for (double v : t) {
                squares += v * v;
                absolutes += Math.abs(v);
            }
        Regularisation r = new Regularisation(0.25, 0.01, 1, DecayCost.BOOK);
        assertEquals(plain + squares / 2 + absolutes, firstBatchLoss(C.withRegularisation(r)), 1e-12);
        assertEquals(plain + 0.25 * squares / 2 + 0.01 * absolutes,
                firstBatchLoss(C.withRegularisation(new Regularisation(0.25, 0.01, 1, DecayCost.CORRECTED))), 1e-12);
        assertEquals(plain + squares / 2, firstBatchLoss(C.withRegularisation(Regularisation.NONE.withL2(1e-9))), 1e-12,
                "any positive l2 adds the same Σw²/2 in book mode");
    }

    private static double firstBatchLoss(TrainConfig c) {
        List<Double> losses = new ArrayList<>();
        trainer(c.withEpochs(1)).listener(new TrainingListener() {
            @Override public void batchFinished(BatchDone b) { losses.add(b.loss()); }
        }).train();
        return losses.get(0);
    }

    @Test
    void theCorrectedCostIsNamedInALineAfterTheBookLines() {
        Regularisation r = Regularisation.NONE.withL2(0.5);
        List<String> book = new ArrayList<>(), corrected = new ArrayList<>();
        trainer(C.withRegularisation(r)).listener(BookLog.to(book::add)).train();
        trainer(C.withRegularisation(new Regularisation(0.5, 0, 1, DecayCost.CORRECTED))).listener(BookLog.to(corrected::add)).train();
        assertEquals(4, book.size(), "started, two epochs, ended: nothing else in book mode");
        assertEquals(5, corrected.size());
        assertTrue(book.get(3).startsWith("Model us_lstm") && book.get(3).contains("train ended"));
        assertTrue(corrected.get(4).startsWith("Model us_lstm"), corrected.get(4));
        assertTrue(corrected.get(4).contains("0.5·Σw²/2") && corrected.get(4).contains("corrected"), corrected.get(4));
    }

    @Test
    void configRoundTripsThroughJsonAndRefusesBadValues() {
        TrainConfig c = C.withRegularisation(new Regularisation(0.1, 0.02, 0.6, DecayCost.CORRECTED));
        assertEquals(c, Json.read(Json.write(c), TrainConfig.class));
        assertThrows(IllegalArgumentException.class, () -> Regularisation.NONE.withL2(-1));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(0, -0.5, 1, DecayCost.BOOK));
        assertThrows(IllegalArgumentException.class, () -> Regularisation.NONE.withKeepProb(0));
        assertThrows(IllegalArgumentException.class, () -> Regularisation.NONE.withKeepProb(1.01));
    }
}
