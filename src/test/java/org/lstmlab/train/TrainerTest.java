package org.lstmlab.train;

import org.lstmlab.data.Batch;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.SplitConfig;
import org.lstmlab.data.TestSequences;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.EngineConfig;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.StepResult;
import org.lstmlab.recipe.Versions;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {
    static final PackedSequences DATA = TestSequences.sequences(160, 22, 6, 4, 11);

    /** Records which samples each step and each validation pass saw, and each step's loss. */
    static class Recording extends LastStepLinearEngine {
        final List<int[]> batches = new ArrayList<>(), evaluated = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();

        @Override public StepResult trainStep(Model m, Batch b, Adam a, Dropout d) {
            batches.add(samples(b));
            StepResult r = super.trainStep(m, b, a, d);
            losses.add(r.loss());
            return r;
        }

        @Override public float[][] logits(Model m, Batch b) {
            evaluated.add(samples(b));
            return super.logits(m, b);
        }

        static int[] samples(Batch b) {
            int[] s = new int[b.size()];
            for (int k = 0; k < s.length; k++) s[k] = TestSequences.sampleOf(b, k);
            return s;
        }
    }

    static Trainer trainer(TrainConfig c, Split split, LastStepLinearEngine e) {
        return Trainer.fresh(c, DATA, split).engine(e);
    }

    @Test
    void eachEpochShufflesTheFirstBatchCountTimesBSamplesAfresh() {
        Split split = TestSequences.split(160, 47, 20);   // 47 train samples: 4 batches of 10, positions 40..46 never used
        Recording e = new Recording();
        History h = trainer(TrainConfig.book(CellType.RNN).withEpochs(3).withReport(0), split, e).train();
        assertEquals(12, e.batches.size());
        List<Set<Integer>> epochs = new ArrayList<>();
        List<List<Integer>> orders = new ArrayList<>();
        for (int ep = 0; ep < 3; ep++) {
            List<Integer> order = new ArrayList<>();
            for (int n = 0; n < 4; n++) for (int s : e.batches.get(ep * 4 + n)) order.add(s);
            Set<Integer> seen = new HashSet<>(order);
            assertEquals(40, seen.size(), "every sample once per epoch");
            for (int i = 0; i < 40; i++) assertTrue(seen.contains(i), "train position " + i + " used");
            epochs.add(seen);
            orders.add(order);
        }
        assertNotEquals(orders.get(0), orders.get(1));
        assertNotEquals(orders.get(1), orders.get(2));
        for (int ep = 0; ep < 3; ep++) {
            double mean = e.losses.subList(ep * 4, ep * 4 + 4).stream().mapToDouble(Double::doubleValue).sum() / 4;
            assertEquals(mean, h.epochs().get(ep).cost(), 1e-15, "cost = mean of the epoch's batch losses");
        }
        assertTrue(e.evaluated.isEmpty(), "report 0 runs no validation");
    }

    @Test
    void reportsEveryNthEpochOnMin100FreshValidationSamples() {
        Split split = TestSequences.split(160, 20, 130);
        Recording e = new Recording();
        History h = trainer(TrainConfig.book(CellType.LSTM).withEpochs(5).withReport(2), split, e).train();
        assertEquals(2, e.evaluated.size(), "validation at epochs 2 and 4 only");
        for (int[] v : e.evaluated) {
            assertEquals(100, v.length);
            assertEquals(100, Arrays.stream(v).distinct().count());
            for (int s : v) assertTrue(s >= 20 && s < 150, "validation sample " + s);
        }
        assertFalse(Arrays.equals(e.evaluated.get(0), e.evaluated.get(1)), "a fresh draw per report");
        double[] val = h.epochs().stream().mapToDouble(EpochRecord::validationAccuracy).toArray();
        assertTrue(Double.isNaN(val[0]) && Double.isNaN(val[2]) && Double.isNaN(val[4]));
        assertFalse(Double.isNaN(val[1]) || Double.isNaN(val[3]));
        assertEquals(List.of(2, 4), h.reports().stream().map(EpochRecord::epoch).toList());

        Recording small = new Recording();
        trainer(TrainConfig.book(CellType.LSTM).withEpochs(1).withReport(1), TestSequences.split(160, 20, 7), small).train();
        assertEquals(7, small.evaluated.get(0).length, "all of a pool smaller than 100");
    }

    @Test
    void secondCallContinuesAdamAndEpochsButRestartsTheBookNumbering() {
        Split split = TestSequences.split(160, 30, 20);
        Trainer t = trainer(TrainConfig.book(CellType.RNN).withEpochs(2).withReport(2), split, new LastStepLinearEngine());
        History first = t.train();
        History second = t.epochs(4).report(2).train();
        assertEquals(List.of(1, 2), first.epochs().stream().map(EpochRecord::epoch).toList());
        assertEquals(List.of(3, 4, 5, 6), second.epochs().stream().map(EpochRecord::epoch).toList());
        assertEquals(List.of(1, 2, 3, 4), second.epochs().stream().map(EpochRecord::runEpoch).toList());
        assertEquals(List.of(4, 6), second.reports().stream().map(EpochRecord::epoch).toList());
        assertEquals(18, t.model().adam().n[2], "6 epochs x 3 batches of Adam steps on Wo");
        assertEquals(6, Trainer.of(t.model(), t.recipe()).epochsTrained(), "a new trainer on the same model sees the count");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        Split split = TestSequences.split(160, 60, 40);
        TrainConfig c = TrainConfig.book(CellType.RNN).withEpochs(4).withReport(1);
        byte[] a = trainer(c, split, new LastStepLinearEngine()).probeGradients(2).train().deterministicCsv().getBytes(StandardCharsets.UTF_8);
        History hb = trainer(c, split, new LastStepLinearEngine()).probeGradients(2).train();
        assertArrayEquals(a, hb.deterministicCsv().getBytes(StandardCharsets.UTF_8));
        History hc = trainer(c.withSeed(99), split, new LastStepLinearEngine()).probeGradients(2).train();
        assertNotEquals(hb.deterministicCsv(), hc.deterministicCsv());
        assertEquals(hb.gradientNormsCsv(), trainer(c, split, new LastStepLinearEngine()).probeGradients(2).train().gradientNormsCsv());
    }

    @Test
    void twoCallsEqualOneAndAResumedRunEqualsTheUninterruptedOne() {
        Split split = TestSequences.split(160, 60, 40);
        TrainConfig c = TrainConfig.book(CellType.LSTM_STATE).withEpochs(4).withReport(2);
        History whole = trainer(c, split, new LastStepLinearEngine()).train();

        Trainer t = trainer(c.withEpochs(2), split, new LastStepLinearEngine());
        History split2 = t.train().then(t.train());
        assertEquals(numbers(whole), numbers(split2), "only the book's per-call epoch numbers differ");
        assertEquals(List.of(1, 2, 1, 2), split2.epochs().stream().map(EpochRecord::runEpoch).toList());

        // a run of 4 interrupted after its 3rd epoch, then resumed: same history, same run numbers
        Trainer u = trainer(c, split, new LastStepLinearEngine()).listener(new TrainingListener() {
            @Override public void epochFinished(EpochRecord r) { if (r.epoch() == 3) throw new IllegalStateException("power cut"); }
        });
        assertThrows(IllegalStateException.class, u::train);
        assertFalse(u.runFinished());
        Trainer resumed = Trainer.of(u.model(), u.recipe()).on(DATA, split).engine(new LastStepLinearEngine());
        History rest = resumed.resumeRun().train();
        assertEquals(List.of(4), rest.epochs().stream().map(EpochRecord::runEpoch).toList());
        assertEquals(whole.epochs().get(3), withSeconds(rest.epochs().get(0), whole.epochs().get(3).seconds()));
        assertTrue(resumed.runFinished());
        assertThrows(IllegalStateException.class, () -> Trainer.of(resumed.model(), resumed.recipe()).resumeRun());
    }

    @Test
    void probesGradientNormsOnAFixedBatchBeforeTrainingAndEveryKEpochs() {
        Split split = TestSequences.split(160, 30, 20);
        History h = trainer(TrainConfig.book(CellType.RNN).withEpochs(4).withReport(0), split, new LastStepLinearEngine())
                .probeGradients(2).train();
        assertEquals(Set.of(0, 2, 4), h.gradientNorms().keySet());
        int steps = Arrays.stream(Arrays.copyOf(split.train(), 10)).map(DATA::length).max().orElseThrow();
        for (double[] n : h.gradientNorms().values()) assertEquals(steps, n.length);
        assertNotEquals(Arrays.toString(h.gradientNorms().get(0)), Arrays.toString(h.gradientNorms().get(4)), "weights moved");
        assertEquals(3 * steps, h.gradientNormTable().rowCount());
    }

    @Test
    void recipeRecordsWhatTheModelWasTrainedOn() {
        Trainer t = trainer(TrainConfig.book(CellType.RNN).withEpochs(1).withReport(0).withSeed(5), TestSequences.split(160, 30, 20),
                new LastStepLinearEngine());
        t.train();
        Recipe r = t.recipe();
        assertEquals(5L, r.training().seed());
        assertEquals(DATA.source(), r.data());
        assertEquals(DATA.classNames(), r.classes());
        assertEquals(SplitConfig.book(0), r.split());
        assertEquals(new EngineConfig(EngineKind.REFERENCE, 1), r.engine());
        assertEquals(1, r.epochsTrained());
        assertEquals(DATA.params(), r.features());
        assertEquals(Versions.current(), r.versions());
        assertEquals(1, r.schedule().size());
        assertEquals(Recipe.fromJson(r.toJson()), r, "the recipe round-trips through JSON to equal records");
    }

    @Test
    void historyCsvRoundTripsExactlyAndItsTableHasMissingValidation() {
        History h = trainer(TrainConfig.book(CellType.RNN).withEpochs(3).withReport(2), TestSequences.split(160, 30, 20),
                new LastStepLinearEngine()).probeGradients(1).train();
        History back = History.fromCsv(h.toCsv(), h.gradientNormsCsv());
        assertEquals(h.epochs(), back.epochs());
        assertEquals(h.gradientNorms().keySet(), back.gradientNorms().keySet());
        h.gradientNorms().forEach((e, n) -> assertArrayEquals(n, back.gradientNorms().get(e), "epoch " + e));
        var table = h.table();
        assertEquals(3, table.rowCount());
        assertEquals(2, table.doubleColumn("validation_accuracy").countMissing());
        assertEquals(h.epochs().get(1).cost(), table.doubleColumn("cost").get(1));
        assertTrue(h.toCsv().startsWith("epoch,run_epoch,cost,train_accuracy,validation_accuracy,seconds,mark\n"), h.toCsv());
        assertFalse(h.deterministicCsv().contains("seconds"), "wall-clock time stays out of the deterministic CSV");
    }

    /** Values whose shortest decimal needs 17 digits, a missing validation, and an empty history all read back. */
    @Test
    void theStoredTableReadsBackExactly() {
        double awkward = 0.1 + 0.2, tiny = Math.nextUp(1e-300);
        History h = new History(List.of(new EpochRecord(1, 1, awkward, 1.0 / 3, Double.NaN, 0.125),
                new EpochRecord(2, 2, tiny, 2.0 / 3, 0.7, 12.5)), java.util.Map.of(0, new double[] {awkward, tiny}));
        History back = History.fromCsv(h.toCsv(), h.gradientNormsCsv());
        assertEquals(h.epochs(), back.epochs());
        assertArrayEquals(new double[] {awkward, tiny}, back.gradientNorms().get(0));
        assertTrue(h.toCsv().contains("0.30000000000000004,0.3333333333333333,,0.125"), h.toCsv());
        assertTrue(History.fromCsv(History.empty().toCsv(), History.empty().gradientNormsCsv()).isEmpty());
    }

    @Test
    void aForeignTableIsRefusedWithWhatIsWrong() {
        String wrong = assertThrows(IllegalArgumentException.class, () -> History.fromCsv("epoch,cost\n1,2.0\n", "epoch,step,norm\n"))
                .getMessage();
        assertTrue(wrong.contains("expected the columns epoch,run_epoch,cost,train_accuracy,validation_accuracy,seconds,mark"), wrong);
        String gap = assertThrows(IllegalArgumentException.class, () -> History.fromCsv(
                "epoch,run_epoch,cost,train_accuracy,validation_accuracy,seconds,mark\n1,1,,0.5,,1.0,\n", "epoch,step,norm\n")).getMessage();
        assertTrue(gap.contains("column cost has a missing value"), gap);
        String steps = assertThrows(IllegalArgumentException.class, () -> History.fromCsv(History.empty().toCsv(),
                "epoch,step,norm\n0,1,0.5\n0,3,0.25\n")).getMessage();
        assertTrue(steps.contains("row 2 is step 3 of epoch 0, expected step 2"), steps);
    }

    private static List<String> numbers(History h) {
        return h.epochs().stream().map(r -> r.epoch() + " " + r.cost() + " " + r.trainAccuracy() + " " + r.validationAccuracy()).toList();
    }

    private static EpochRecord withSeconds(EpochRecord r, double s) {
        return new EpochRecord(r.epoch(), r.runEpoch(), r.cost(), r.trainAccuracy(), r.validationAccuracy(), s);
    }
}
