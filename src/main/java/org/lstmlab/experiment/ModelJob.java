package org.lstmlab.experiment;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.eval.Evaluation;
import org.lstmlab.nn.Engine;
import org.lstmlab.train.BookLog;
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
import java.util.List;
import java.util.function.Supplier;

/**
 * Trains one model of a run through its {@link Schedule}, resumably: a finished model (its result json exists) is
 * read back, not retrained; a model in progress continues from models/&lt;name&gt;.ckpt, the checkpoint saved at each
 * report. Then the accuracy on the training split, the book's test pass, Tribuo metrics, the final model file and
 * the result.
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

    ModelJob(String name, TrainConfig config, PackedSequences data, Split split, Schedule schedule, int fold, int probeEvery) {
        this.name = name;
        this.config = config;
        this.data = data;
        this.split = split;
        this.schedule = schedule;
        this.fold = fold;
        this.probeEvery = probeEvery;
    }

    static Path modelFile(Path runDir, String name) { return runDir.resolve("models").resolve(name + ".model"); }

    static Path checkpointFile(Path runDir, String name) { return runDir.resolve("models").resolve(name + ".ckpt"); }

    static Path logFile(Path runDir, String name) { return runDir.resolve("models").resolve(name + ".log"); }

    /** Epochs still to train (0 when finished); for progress totals. */
    int remainingEpochs(Path runDir) {
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
     * Runs (or resumes, or reads back) this model. bookLines receives the model's book log lines, progress every
     * training event; the engine comes from engines and is closed here.
     */
    ModelResult run(Path runDir, Supplier<Engine> engines, List<String> bookLines, TrainingListener progress) {
        if (ModelResult.exists(runDir, name)) return ModelResult.read(runDir, name);
        Path ckpt = checkpointFile(runDir, name);
        BookLog log = BookLog.to(line -> {
            bookLines.add(line);
            appendLog(runDir, line);
        });
        try (Engine engine = engines.get()) {
            Trainer last;
            History history;
            if (Files.isRegularFile(ckpt)) {
                ModelFile f = ModelFile.load(ckpt);
                last = Trainer.of(f);
                history = f.history();
            } else {
                Files.createDirectories(ckpt.getParent());
                last = Trainer.fresh(config, data, split);
                history = History.empty();
            }
            for (int k = 0; k < schedule.phases().size(); k++) {
                Schedule.Phase phase = schedule.phases().get(k);
                int start = schedule.epochsBefore(k), done = last.epochsTrained();
                if (done >= start + phase.epochs()) continue;
                Trainer t = trainer(last, engine).config(config.withEpochs(phase.epochs()).withReport(phase.report()));
                // the checkpoint listener comes first, so an epoch is on disk before anyone else hears of it
                t.listener(ModelFile.checkpoints(ckpt, t, history, gcd(start, Math.max(1, phase.report())))).listener(log).listener(progress);
                if (probeEvery > 0) t.probeGradients(probeEvery);
                last = t;
                if (done > start && t.runFinished()) continue;   // the phase's run stopped early
                if (done > start) t.resumeRun();
                history = history.then(t.train());
            }
            double trainAccuracy = trainer(last, engine).predict(split.train()).accuracy();
            Predictions p = trainer(last, engine).listener(log).listener(progress).test();
            ModelFile.save(modelFile(runDir, name), last.model(), last.recipe(), history);
            ModelResult result = new ModelResult(name, config.cell(), data.params().intervalMs(), data.params().windowMs(),
                    fold, config.clipNorm(), history.size(), seconds(history),
                    Evaluation.of(data.classNames(), p.actual(), p.predicted()), history, trainAccuracy);
            result.write(runDir);
            Files.deleteIfExists(ckpt);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("model " + name + ": " + e.getMessage(), e);
        }
    }

    /** A trainer that continues where {@code last} left the model and its recipe. */
    private Trainer trainer(Trainer last, Engine engine) {
        return Trainer.of(last.model(), last.recipe()).config(config).on(data, split).engine(engine).name(name);
    }

    private static double seconds(History h) {
        double s = 0;
        for (EpochRecord r : h.epochs()) s += r.seconds();
        return s;
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    /** The model's log file gets every book line as it is printed, across interruptions. */
    private void appendLog(Path runDir, String line) {
        try {
            Files.writeString(logFile(runDir, name), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logFile(runDir, name) + ": " + e.getMessage(), e);
        }
    }
}
