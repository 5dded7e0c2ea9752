package org.lstmlab.train;

import org.lstmlab.nn.AdamState;
import org.lstmlab.nn.Model;
import org.lstmlab.train.EarlyStopping.Monitor;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** A run under early stopping read off the run without it equals that run trained on its own, to the last bit. */
class EarlyStopShadowTest {
    static final TrainConfig PLAIN = EarlyStoppingTest.PLAIN;

    /** The standalone run and the shadowed one: model, recipe, history and book lines alike; the leader untouched. */
    static EarlyStopShadow.Ended assertShadowIsTheRun(TrainConfig plain, EarlyStopping rule, int before) {
        List<String> alone = new ArrayList<>(), shadowLines = new ArrayList<>();
        Trainer standalone = EarlyStoppingTest.trainer(plain.withEpochs(Math.max(1, before)));
        if (before > 0) standalone.train();
        History h = standalone.config(plain.withEarlyStopping(rule)).listener(BookLog.to(alone::add)).train();

        Trainer leader = EarlyStoppingTest.trainer(plain.withEpochs(Math.max(1, before)));
        if (before > 0) leader.train();
        AtomicReference<EarlyStopShadow.Ended> ended = new AtomicReference<>();
        History led = leader.config(plain).listener(new EarlyStopShadow(leader, rule, leader.modelName(), BookLog.to(shadowLines::add),
                e -> assertNull(ended.getAndSet(e), "ends once"))).train();
        EarlyStopShadow.Ended e = ended.get();
        assertNotNull(e, "the shadow run ended");

        assertEquals(h.deterministicCsv(), e.history().deterministicCsv(), "epochs, validation and the best/stop marks");
        assertEquals(h.bestEpoch(), e.history().bestEpoch());
        assertEquals(h.stoppedAfter(), e.history().stoppedAfter());
        assertTensorsEqual(standalone.model(), e.model());
        assertNull(e.model().best());
        assertEquals(standalone.recipe().toJson(), e.recipe().toJson());
        assertEquals(alone, shadowLines, "the book's lines and the early-stopping note");

        Trainer plainAlone = EarlyStoppingTest.trainer(plain.withEpochs(Math.max(1, before)));
        if (before > 0) plainAlone.train();
        assertEquals(plainAlone.config(plain).train().deterministicCsv(), led.deterministicCsv(), "the leader trains as without a shadow");
        assertTensorsEqual(plainAlone.model(), leader.model());
        assertNull(leader.model().best());
        return e;
    }

    static void assertTensorsEqual(Model expected, Model actual) {
        for (int k = 0; k < 4; k++) assertArrayEquals(expected.params().tensors()[k], actual.params().tensors()[k], "weights " + k);
        AdamState a = expected.adam(), b = actual.adam();
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(a.s[k], b.s[k], "adam s " + k);
            assertArrayEquals(a.t[k], b.t[k], "adam t " + k);
        }
        assertArrayEquals(a.n, b.n);
    }

    @Test
    void aRunTheRuleStopsIsReadOffAtItsStop() {
        EarlyStopShadow.Ended e = assertShadowIsTheRun(PLAIN, new EarlyStopping(3, Monitor.ACCURACY), 0);
        assertTrue(e.history().stoppedAfter() > 0 && e.history().stoppedAfter() < 40, "the fixture stops early: " + e.history().stoppedAfter());
        assertNotEquals(e.history().stoppedAfter(), e.history().bestEpoch(), "the kept weights are not the last ones");
    }

    @Test
    void aRunThatGoesToItsEndKeepsItsBestAlsoWhenTheLastEpochHasNoReport() {
        EarlyStopShadow.Ended e = assertShadowIsTheRun(PLAIN.withEpochs(11).withReport(2), new EarlyStopping(100, Monitor.ACCURACY), 0);
        assertEquals(0, e.history().stoppedAfter());
        assertEquals(11, e.history().size());
        assertEquals(0, e.history().bestEpoch() % 2, "a report's epoch");
    }

    @Test
    void aLaterRunOfTheModelIsReadOffFromItsStart() {
        EarlyStopShadow.Ended e = assertShadowIsTheRun(PLAIN.withEpochs(20), new EarlyStopping(2, Monitor.ACCURACY), 5);
        assertEquals(6, e.history().epochs().get(0).epoch());
        assertEquals(2, e.recipe().schedule().size());
    }

    @Test
    void refusesTheLossMonitorAndAResumedCall() {
        Trainer t = EarlyStoppingTest.trainer(PLAIN);
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopShadow(t, new EarlyStopping(3, Monitor.LOSS), "x",
                new TrainingListener() {}, e -> {}));
        Trainer cut = EarlyStoppingTest.trainer(PLAIN.withEpochs(4));
        cut.train();
        Trainer resumed = Trainer.of(cut.model(), cut.recipe().withRun(new Recipe.Run(1, 40, PLAIN, 0, 0, 0, 0)))
                .on(EarlyStoppingTest.DATA, EarlyStoppingTest.SPLIT).engine(new LastStepLinearEngine()).resumeRun();
        resumed.listener(new EarlyStopShadow(resumed, new EarlyStopping(3, Monitor.ACCURACY), "x", new TrainingListener() {}, e -> {}));
        IllegalStateException x = assertThrows(IllegalStateException.class, resumed::train);
        assertTrue(x.getMessage().contains("resumes at epoch 5"), x.getMessage());
    }
}
