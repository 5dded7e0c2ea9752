package org.lstmlab.experiment;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.eval.Evaluation;
import org.lstmlab.nn.Engine;
import org.lstmlab.train.BookLog;
import org.lstmlab.train.EarlyStopShadow;
import org.lstmlab.train.EarlyStopping;
import org.lstmlab.train.EpochRecord;
import org.lstmlab.train.History;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Predictions;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.lstmlab.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Trains one model of a run through its {@link Schedule}, resumably: a finished model (its result json exists) is
 * read back, not retrained; a model in progress continues from models/&lt;name&gt;.ckpt, the checkpoint saved at each
 * report. Then the accuracy on the training split, the book's test pass, Tribuo metrics, the final model file and
 * the result. A job may also carry the same model under early stopping ({@link #shadowing}), read off its run by an
 * {@link EarlyStopShadow} instead of trained again.
 */
final class ModelJob {
    final String name;
    final TrainConfig config;
    final PackedSequences data;
    final Split split;
    final Schedule schedule;
    final int fold;
    /** ‖∂L/∂h_t‖ probes every this many epochs (0 = none). */
    final int probeEvery;
    /** This model under early stopping, finished from this one's run (null: none). */
    final ModelJob shadow;

    ModelJob(String name, TrainConfig config, PackedSequences data, Split split, Schedule schedule, int fold, int probeEvery) {
        this(name, config, data, split, schedule, fold, probeEvery, null);
    }

    private ModelJob(String name, TrainConfig config, PackedSequences data, Split split, Schedule schedule, int fold,
                     int probeEvery, ModelJob shadow) {
        this.name = name;
        this.config = config;
        this.data = data;
        this.split = split;
        this.schedule = schedule;
        this.fold = fold;
        this.probeEvery = probeEvery;
        this.shadow = shadow;
    }

    /**
     * This job, also finishing {@code early} (the same model, data, split and one-phase schedule, under early
     * stopping) from its run. One phase only: at a phase's end early stopping restores its best weights, so a later
     * phase of the two runs would part.
     */
    ModelJob shadowing(ModelJob early) {
        EarlyStopping rule = early.config.earlyStopping();
        if (!early.config.equals(config.withEarlyStopping(rule)) || config.earlyStopping().on() || early.data != data
                || early.split != split || !early.schedule.equals(schedule) || schedule.phases().size() != 1
                || early.fold != fold || early.probeEvery != probeEvery)
            throw new IllegalArgumentException(early.name + " is not " + name + " under early stopping on one phase");
        return new ModelJob(name, config, data, split, schedule, fold, probeEvery, early);
    }

    /** This job and its shadow, if any. */
    List<ModelJob> withShadow() { return shadow == null ? List.of(this) : List.of(this, shadow); }

    static Path checkpointFile(Path runDir, String name) { return runDir.resolve("models").resolve(name + ".ckpt"); }

    /** Epochs still to train (0 when finished), a shadow's included when it must train on its own; for progress totals. */
    int remainingEpochs(Path runDir) {
        int own = ownRemainingEpochs(runDir);
        return shadow != null && !shadowed(runDir) ? own + shadow.remainingEpochs(runDir) : own;
    }

    private int ownRemainingEpochs(Path runDir) {
        if (ModelResult.exists(runDir, name)) return 0;
        try {
            Path ckpt = checkpointFile(runDir, name);
            int done = Files.isRegularFile(ckpt) ? ModelFile.load(ckpt).recipe().epochsTrained() : 0;
            return Math.max(0, schedule.totalEpochs() - done);
        } catch (IOException e) {
            return schedule.totalEpochs();
        }
    }

    /**
     * Whether the shadow is read off this run: both start afresh (a checkpoint of either lacks the shadow's best
     * weights so far). Otherwise the shadow trains on its own, resuming from its checkpoint, after this model.
     */
    private boolean shadowed(Path runDir) {
        return shadow != null && !ModelResult.exists(runDir, shadow.name) && !ModelResult.exists(runDir, name)
                && !Files.exists(checkpointFile(runDir, name)) && !Files.exists(checkpointFile(runDir, shadow.name));
    }

    /** A finished model: its result and its book log lines (none when it was read back). */
    interface Finished {
        void finished(ModelJob job, ModelResult result, List<String> bookLines);
    }

    /**
     * Runs (or resumes, or reads back) this model and its shadow, handing each to finished as it ends (a shadow read
     * off the run usually first). progress hears this model's training events; each engine comes from engines and is
     * closed here.
     */
    void run(Path runDir, Supplier<Engine> engines, TrainingListener progress, Finished finished) {
        boolean shadowed = shadowed(runDir);
        if (ModelResult.exists(runDir, name)) finished.finished(this, ModelResult.read(runDir, name), List.of());
        else train(runDir, engines, progress, finished, shadowed);
        if (shadow != null && !shadowed) shadow.run(runDir, engines, progress, finished);
    }

    private void train(Path runDir, Supplier<Engine> engines, TrainingListener progress, Finished finished, boolean shadowed) {
        Path ckpt = checkpointFile(runDir, name);
        List<String> bookLines = new ArrayList<>();
        BookLog log = bookLog(runDir, bookLines);
        try (Engine engine = engines.get()) {
            ModelFile resumed = Files.isRegularFile(ckpt) ? ModelFile.load(ckpt) : null;
            Trainer last = resumed != null ? Trainer.of(resumed) : Trainer.fresh(config, data, split);
            History history = resumed != null ? resumed.history() : History.empty();
            Files.createDirectories(ckpt.getParent());
            for (int k = 0; k < schedule.phases().size(); k++) {
                Schedule.Phase phase = schedule.phases().get(k);
                int start = schedule.epochsBefore(k), done = last.epochsTrained();
                if (done >= start + phase.epochs()) continue;
                Trainer t = trainer(last, engine).config(config.withEpochs(phase.epochs()).withReport(phase.report()));
                // the checkpoint listener comes first, so an epoch is on disk before anyone else hears of it
                t.listener(ModelFile.checkpoints(ckpt, t, history, gcd(start, Math.max(1, phase.report())))).listener(log).listener(progress);
                if (shadowed) t.listener(shadow.readOff(t, runDir, engine, progress, finished));
                if (probeEvery > 0) t.probeGradients(probeEvery);
                last = t;
                if (done > start && t.runFinished()) continue;   // the phase's run stopped early
                if (done > start) t.resumeRun();
                history = history.then(t.train());
            }
            finished.finished(this, finish(runDir, engine, last, history, log, progress), bookLines);
        } catch (IOException e) {
            throw new UncheckedIOException("model " + name + ": " + e.getMessage(), e);
        }
    }

    /** The shadow that finishes this job, under early stopping, off leader's run (the leader's first and only). */
    private EarlyStopShadow readOff(Trainer leader, Path runDir, Engine engine, TrainingListener progress, Finished finished) {
        List<String> bookLines = new ArrayList<>();
        BookLog log = bookLog(runDir, bookLines);
        return new EarlyStopShadow(leader, config.earlyStopping(), name, log, end -> {
            try {
                finished.finished(this, finish(runDir, engine, Trainer.of(end.model(), end.recipe()), end.history(), log, progress), bookLines);
            } catch (IOException e) {
                throw new UncheckedIOException("model " + name + ": " + e.getMessage(), e);
            }
        });
    }

    /** After training: the accuracy on the training split, the test pass, the model file and the result. */
    private ModelResult finish(Path runDir, Engine engine, Trainer last, History history, BookLog log, TrainingListener progress)
            throws IOException {
        double trainAccuracy = trainer(last, engine).predict(split.train()).accuracy();
        Predictions p = trainer(last, engine).listener(log).listener(progress).test();
        ModelFile.save(runDir.resolve("models").resolve(name + ".model"), last.model(), last.recipe(), history);
        ModelResult result = new ModelResult(name, config.cell(), data.params().intervalMs(), data.params().windowMs(),
                fold, config.clipNorm(), history.size(), seconds(history),
                Evaluation.of(data.classNames(), p.actual(), p.predicted()), history, trainAccuracy);
        result.write(runDir);
        Files.deleteIfExists(checkpointFile(runDir, name));
        return result;
    }

    /** The model's book lines, kept in lines and appended to its log file (across interruptions). */
    private BookLog bookLog(Path runDir, List<String> lines) {
        Path file = runDir.resolve("models").resolve(name + ".log");
        return BookLog.to(line -> {
            lines.add(line);
            try {
                Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** A trainer that continues where {@code last} left the model and its recipe. */
    private Trainer trainer(Trainer last, Engine engine) {
        return Trainer.of(last.model(), last.recipe()).config(config).on(data, split).engine(engine).name(name);
    }

    /** Summed in epoch order. */
    private static double seconds(History h) {
        return h.epochs().stream().mapToDouble(EpochRecord::seconds).reduce(0, Double::sum);
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

}
