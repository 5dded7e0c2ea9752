package org.lstmlab.train;

import org.lstmlab.nn.Model;
import org.lstmlab.nn.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A run under early stopping read off the same run trained without it, instead of training it again. With the same
 * model, data and settings the two take the very same steps until early stopping ends its run: shuffles and dropout
 * masks come from their own streams by epoch, and the rule only reads each report's validation pass, which both runs
 * make alike. So this listener, on the trainer of the run without early stopping, plays the rule on that run's
 * reports as {@link EarlyStop} does (keeping the best report's weights), and where the run under early stopping ends
 * (the rule stops it, or its planned epochs are done) hands over what that run ends with: the kept weights with
 * Adam's state after its last epoch, its recipe and its history; its events, under its own name, go to a listener of
 * its own (a book log). It follows one run from its start: a resumed call has lost the best weights so far.
 * It reads validation accuracy off the reports, which carry no validation loss, so it plays the accuracy monitor only.
 */
public final class EarlyStopShadow implements TrainingListener {
    /** What the run under early stopping ends with: its model, recipe and this call's history. */
    public record Ended(Model model, Recipe recipe, History history) {}

    private final Trainer leader;
    private final EarlyStopping rule;
    private final String name;
    private final TrainingListener events;
    private final Consumer<Ended> ended;
    private final List<EpochRecord> records = new ArrayList<>();
    private final Map<Integer, double[]> norms = new TreeMap<>();
    private Recipe.Run run;
    private TrainConfig config;
    /** The leader's weights and Adam state, with a best slot of its own for {@link EarlyStop}. */
    private Model view;
    private EarlyStop stop;
    private long startSec;
    private int lastEpoch, stoppedAfter;
    private boolean over;

    /**
     * A shadow of leader's next run (which trains without early stopping) under rule, named name; events hears the
     * shadow run's events, ended gets its end, on the training thread, before the leader trains on.
     */
    public EarlyStopShadow(Trainer leader, EarlyStopping rule, String name, TrainingListener events, Consumer<Ended> ended) {
        if (!rule.on()) throw new IllegalArgumentException("a shadow plays early stopping: patience must be > 0");
        if (rule.monitor() != EarlyStopping.Monitor.ACCURACY)
            throw new IllegalArgumentException("a shadow reads validation accuracy off the reports; they carry no validation loss");
        this.leader = leader;
        this.rule = rule;
        this.name = name;
        this.events = events;
        this.ended = ended;
    }

    @Override public void trainingStarted(Start s) {
        if (run != null) return;
        run = leader.recipe().run();
        if (run.training().earlyStopping().on())
            throw new IllegalStateException("the run of " + s.modelName() + " stops early itself: it cannot be shadowed");
        if (s.firstEpoch() != run.firstEpoch())
            throw new IllegalStateException("a shadow follows a run from its start; " + s.modelName() + " resumes at epoch " + s.firstEpoch());
        config = run.training().withEarlyStopping(rule);
        Model m = leader.model();
        view = new Model(m.config(), m.params(), m.adam());
        stop = EarlyStop.of(rule, view, run);
        startSec = leader.clock().millis() / 1000;
        events.trainingStarted(new Start(name, s.firstEpoch(), s.epochs(), s.batches(), s.batchSize(), s.report()));
    }

    @Override public void batchFinished(BatchDone b) {
        if (following()) events.batchFinished(new BatchDone(name, b.epoch(), b.runEpoch(), b.batch(), b.batches(), b.loss(),
                b.accuracy(), b.runningLoss(), b.runningAccuracy()));
    }

    @Override public void gradientsProbed(int epoch, double[] n) {
        if (!following()) return;
        norms.put(epoch, n);
        events.gradientsProbed(epoch, n);
    }

    /** The rule at each report, as the trainer plays it; an epoch without a report that ends the run ends it here. */
    @Override public void epochFinished(EpochRecord r) {
        if (!following()) return;
        records.add(r);
        boolean report = config.report() > 0 && r.runEpoch() % config.report() == 0;
        if (report && stop.report(r.epoch(), r.validationAccuracy(), Double.NaN)) stoppedAfter = r.epoch();
        if (stoppedAfter > 0 || r.epoch() == run.firstEpoch() + run.epochs() - 1) lastEpoch = r.epoch();
        events.epochFinished(r);
        if (lastEpoch > 0 && !report) end();
    }

    @Override public void reported(Report r) {
        if (!following()) return;
        events.reported(new Report(name, r.epoch(), r.secondsSinceLast(), r.secondsTotal()));
        if (lastEpoch > 0) end();
    }

    private boolean following() { return run != null && !over; }

    /** As the trainer ends a run under early stopping: the best report's weights, the marks, the recipe, the note. */
    private void end() {
        over = true;
        int best = stop.bestEpoch();
        Parameters kept = view.best() != null ? view.best() : view.params().copy();
        Model model = new Model(view.config(), kept, view.adam().copy());
        Recipe.Run done = new Recipe.Run(run.firstEpoch(), run.epochs(), config, best, best > 0 ? stop.bestValue() : 0, best, stoppedAfter);
        History h = new History(records, norms, best, stoppedAfter);
        Recipe recipe = leader.afterCall(leader.recipe().withRun(done), config, h);
        events.trainingEnded(name, h, leader.clock().millis() / 1000 - startSec);
        if (config.regularisation().costNote() != null) events.noted(name, config.regularisation().costNote());
        events.noted(name, stop.note(run.firstEpoch(), stoppedAfter));
        ended.accept(new Ended(model, recipe, h));
    }
}
