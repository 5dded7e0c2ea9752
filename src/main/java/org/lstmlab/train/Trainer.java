package org.lstmlab.train;

import org.lstmlab.data.Batch;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.nn.Argmax;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineConfig;
import org.lstmlab.nn.Engines;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.StepResult;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains a {@link Model} the book's way (protocol §2, §5, §6):
 * <pre>
 * History h = Trainer.of(model).on(data, split).engine(engine).epochs(10).report(2).listener(BookLog.to(System.out)).train();
 * </pre>
 * Every call continues the model: Adam state lives in the model and the epoch count in its {@link Recipe}, which the
 * trainer keeps beside it ({@link #recipe()}), so the book's 10 + 100 schedule is two calls. Each call numbers its
 * epochs from 1 in the log lines, as the book does.
 *
 * <p>Random draws come from {@link SeedStreams}: the model's initial weights from {@code new Random(seed)}
 * ({@link #newModel}), each epoch's shuffle, its dropout masks and each report's validation draw from their own
 * stream keyed by (seed, purpose, global epoch). The split is the data layer's, drawn from its own seed. So a run interrupted after
 * any epoch and resumed from a {@link ModelFile} repeats the uninterrupted run bit for bit.
 */
public final class Trainer {
    private final Model model;
    private Recipe recipe;
    private TrainConfig config;
    private PackedSequences data;
    private Split split;
    private Engine engine;
    private String name;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private InstantSource clock = InstantSource.system();
    private int probeEvery;
    /** Epochs of the current run done before this call; > 0 only after {@link #resumeRun()}. */
    private int runOffset;

    private Trainer(Model model, Recipe recipe, TrainConfig config) {
        this.model = model;
        this.recipe = recipe;
        this.config = config;
    }

    /** A trainer for an existing model and its recipe; the book's settings, with the model's cell, hidden size and seed. */
    public static Trainer of(Model model, Recipe recipe) {
        ModelConfig mc = model.config();
        return new Trainer(model, recipe, TrainConfig.book(mc.cell()).withHidden(mc.hidden()).withSeed(recipe.training().seed()));
    }

    /** A trainer for a saved model. */
    public static Trainer of(ModelFile f) { return of(f.model(), f.recipe()); }

    /** A fresh model for this data, initialised from {@code new Random(config.seed())} (protocol §4). */
    public static Model newModel(TrainConfig config, PackedSequences data) {
        return Model.init(config.modelConfig(data.features(), data.classNames().size()), new Random(config.seed()));
    }

    /** {@link #newModel} and a trainer for it, on this data. */
    public static Trainer fresh(TrainConfig config, PackedSequences data, Split split) {
        return new Trainer(newModel(config, data), Recipe.fresh(config, data, split), config).on(data, split);
    }

    public Trainer on(PackedSequences data, Split split) {
        this.data = data;
        this.split = split;
        return this;
    }

    public Trainer engine(Engine engine) {
        this.engine = engine;
        return this;
    }

    /** Replaces every training setting; cell and hidden size must match the model. */
    public Trainer config(TrainConfig c) {
        ModelConfig mc = model.config();
        if (c.cell() != mc.cell() || c.hidden() != mc.hidden())
            throw new IllegalArgumentException("config is for " + c.cell().bookName() + "/" + c.hidden() + " but the model is "
                    + mc.cell().bookName() + "/" + mc.hidden());
        this.config = c;
        return this;
    }

    public Trainer epochs(int n) { config = config.withEpochs(n); return this; }
    public Trainer report(int every) { config = config.withReport(every); return this; }

    /** The name in log lines; default us_&lt;cell&gt;_&lt;interval&gt;_&lt;window&gt; from the data's feature parameters. */
    public Trainer name(String n) { this.name = n; return this; }

    public Trainer listener(TrainingListener l) { listeners.add(l); return this; }

    /** Source of int(time.time()) for the log lines and of epoch seconds. */
    public Trainer clock(InstantSource c) { this.clock = c; return this; }

    /**
     * Record ‖∂L/∂h_t‖ on a fixed probe batch (the first batch-size training samples in split order) before training
     * (epoch 0) and after every {@code everyEpochs}-th epoch, counted over the model's whole life. 0 = off.
     */
    public Trainer probeGradients(int everyEpochs) {
        if (everyEpochs < 0) throw new IllegalArgumentException("probe interval must be >= 0, got " + everyEpochs);
        this.probeEvery = everyEpochs;
        return this;
    }

    public TrainConfig config() { return config; }
    public Model model() { return model; }
    /** The model's recipe so far: what it was trained on and how. */
    public Recipe recipe() { return recipe; }

    public String modelName() {
        if (name != null) return name;
        if (data != null && data.params() != null) return BookLog.modelName(model.config().cell(), data.params());
        return "us_" + model.config().cell().bookName();
    }

    /** Epochs the model has trained so far, over all calls. */
    public int epochsTrained() { return recipe.epochsTrained(); }

    /**
     * Continues a run that stopped early (e.g. a checkpoint saved by a listener after some epoch): the settings and
     * the remaining epochs come from the model's recipe, and epochs keep their run numbers, so the log lines, reports
     * and history are those of the uninterrupted run.
     */
    public Trainer resumeRun() {
        Recipe.Run run = recipe.run();
        if (run == null) throw new IllegalStateException("model " + modelName() + " has no run to resume");
        int done = run.done(epochsTrained());
        if (runFinished()) throw new IllegalStateException("the run of " + modelName() + " already finished (" + done + " of " + run.epochs() + " epochs)");
        config(run.training().withEpochs(run.epochs() - done));
        runOffset = done;
        return this;
    }

    /** True unless the model's last run was interrupted before its planned epochs (an early stop finishes a run). */
    public boolean runFinished() {
        Recipe.Run run = recipe.run();
        return run == null || run.stoppedAfter() > 0 || run.done(epochsTrained()) >= run.epochs();
    }

    /** Runs config().epochs() more epochs; returns this call's history. */
    public History train() {
        TrainingChecks.check(model.config(), config, data, split);
        Engine e = requireEngine();
        TrainingListener events = TrainingListener.all(listeners);
        String title = modelName();
        int B = config.batchSize(), batches = split.train().length / B, first = epochsTrained() + 1;
        var adam = config.adam();
        Regularisation reg = config.regularisation();
        List<EpochRecord> records = new ArrayList<>();
        var norms = new TreeMap<Integer, double[]>();
        if (runOffset == 0) recipe = recipe.withRun(new Recipe.Run(first, config.epochs(), config, 0, 0, 0, 0));
        EarlyStopping rule = config.earlyStopping();
        EarlyStop stop = rule.on() ? EarlyStop.of(rule, model, recipe.run()) : null;
        int stoppedAfter = 0, runFirst = first - runOffset;
        events.trainingStarted(new TrainingListener.Start(title, first, config.epochs(), batches, B, config.report()));
        if (probeEvery > 0 && first == 1) probe(e, 0, norms, events);
        long start = clock.millis(), startSec = start / 1000, lastReportSec = startSec, epochStart = start;
        for (int c = 0; c < config.epochs(); c++) {
            int epoch = first + c, run = runOffset + c + 1;
            int[] order = Splits.permutation(batches * B, SeedStreams.shuffle(config.seed(), epoch));
            Random masks = SeedStreams.dropout(config.seed(), epoch);
            double lossSum = 0, accSum = 0;
            for (int n = 0; n < batches; n++) {
                int[] idx = Arrays.stream(order, n * B, n * B + B).map(k -> split.train()[k]).toArray();
                double extra = reg.cost(model.params());   // protocol §9.2: the weights before this step
                Dropout dropout = reg.dropout() ? Dropout.draw(reg.keepProb(), B, model.config().hidden(), masks) : Dropout.NONE;
                StepResult r = e.trainStep(model, data.batch(idx), adam, dropout);
                double loss = r.loss() + extra;
                if (!Double.isFinite(loss))
                    throw new TrainingDivergedException(title, run, n + 1, batches, loss, config.clipNorm());
                lossSum += loss;
                accSum += r.accuracy();
                events.batchFinished(new TrainingListener.BatchDone(title, epoch, run, n + 1, batches, loss, r.accuracy(),
                        lossSum / (n + 1), accSum / (n + 1)));
            }
            boolean report = config.report() > 0 && run % config.report() == 0;
            double[] val = report ? validation(e, epoch) : new double[] {Double.NaN, Double.NaN};
            long now = clock.millis();
            EpochRecord rec = new EpochRecord(epoch, run, lossSum / batches, accSum / batches, val[0], (now - epochStart) / 1000.0);
            epochStart = now;
            records.add(rec);
            recipe = recipe.withEpochsTrained(epoch);
            if (stop != null) {
                if (report && stop.report(epoch, val[0], val[1])) stoppedAfter = epoch;
                boolean last = stoppedAfter > 0 || c == config.epochs() - 1;
                if (last) stop.end();   // before the epoch is heard of, so that its checkpoint holds the kept weights
                recordStop(stop, last, stoppedAfter);
            }
            if (probeEvery > 0 && epoch % probeEvery == 0) probe(e, epoch, norms, events);
            events.epochFinished(rec);
            if (report) {
                long nowSec = now / 1000;
                events.reported(new TrainingListener.Report(title, rec, nowSec - lastReportSec, nowSec - startSec));
                lastReportSec = nowSec;
            }
            if (stoppedAfter > 0) break;
        }
        int[] marks = EarlyStop.marks(recipe.run());
        History h = new History(records, norms, marks[0], marks[1]);
        runOffset = 0;
        recipe = afterCall(recipe, config, h);
        events.trainingEnded(title, h, clock.millis() / 1000 - startSec);
        if (reg.costNote() != null) events.noted(title, reg.costNote());
        if (stop != null) events.noted(title, stop.note(runFirst, stoppedAfter));
        return h;
    }

    /** Accuracy on the whole test split, with the book's test line sent to the listeners. */
    public Predictions test() {
        if (data == null || split == null) throw new IllegalStateException("no data: call on(data, split) before test()");
        if (split.test().length == 0) throw new IllegalArgumentException("the test split '" + split.name() + "' is empty");
        long start = clock.millis() / 1000;
        Predictions p = predict(split.test());
        TrainingListener.all(listeners).tested(modelName(), p.accuracy(), clock.millis() / 1000 - start);
        return p;
    }

    public Predictions predict(int[] indices) {
        if (data == null) throw new IllegalStateException("no data: call on(data, split) first");
        return Predictions.of(requireEngine(), model, data, indices);
    }

    /**
     * Protocol §2: min(validationSamples, n_val) freshly drawn validation samples ({@link Predictions#logits});
     * returns {accuracy, mean cross-entropy with log(p + 1e-10)}.
     */
    private double[] validation(Engine e, int epoch) {
        int[] val = split.validation();
        int[] order = Splits.permutation(val.length, SeedStreams.validation(config.seed(), epoch));
        int[] idx = Arrays.stream(order, 0, Math.min(config.validationSamples(), val.length)).map(k -> val[k]).toArray();
        float[][] logits = Predictions.logits(e, model, data, idx);
        int correct = 0;
        double loss = 0;
        for (int k = 0; k < idx.length; k++) {
            int label = data.label(idx[k]), predicted = Argmax.of(logits[k]);
            if (predicted == label) correct++;
            double max = logits[k][predicted], sum = 0;
            for (float z : logits[k]) sum += Math.exp(z - max);
            loss -= Math.log(Math.exp(logits[k][label] - max) / sum + 1e-10);
        }
        return new double[] {(double) correct / idx.length, loss / idx.length};
    }

    private void probe(Engine e, int epoch, Map<Integer, double[]> norms, TrainingListener events) {
        Batch b = data.batch(Arrays.copyOf(split.train(), config.batchSize()));
        double[] n = e.gradients(model, b, true).hiddenGradNorms();
        if (n == null) throw new IllegalStateException("engine " + e.kind().id() + " did not return ‖∂L/∂h_t‖");
        norms.put(epoch, n);
        events.gradientsProbed(epoch, n.clone());
    }

    private Engine requireEngine() {
        if (engine == null) throw new IllegalStateException("no engine: call engine(Engines.open(kind)) first");
        return engine;
    }

    /** Early stopping's state in the run entry; at the run's end also the kept epoch and any stop. */
    private void recordStop(EarlyStop stop, boolean ended, int stoppedAfter) {
        Recipe.Run r = recipe.run();
        int best = stop.bestEpoch();
        recipe = recipe.withRun(new Recipe.Run(r.firstEpoch(), r.epochs(), r.training(), best, best > 0 ? stop.bestValue() : 0,
                ended ? best : 0, stoppedAfter));
    }

    /** r after a call of settings c that trained h on this trainer's data, split and engine: one schedule entry a call. */
    Recipe afterCall(Recipe r, TrainConfig c, History h) {
        EngineConfig ran = EngineConfig.of(requireEngine());
        return r.withCall(data, split, c, ran, new Recipe.Call(h.epochs().get(0).epoch(), c, ran, h.last().cost(), h.last().trainAccuracy()));
    }

    InstantSource clock() { return clock; }
}
