package org.lstmlab.cli;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureMode;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.nn.Model;
import org.lstmlab.train.EarlyStopping;
import org.lstmlab.train.History;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Regularisation;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains one model the book's way (protocol §2, §5, §6), printing the book's log lines, then its test accuracy.",
                "Continue a saved model with --from (the book's 10 + 100 schedule: train --epochs 10 --save m.model, "
                        + "then train --from m.model --epochs 100 --report 20 --save m.model)."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin DatasetOption dataset;
    @Mixin RegularisationOptions regularisation;
    @Mixin EarlyStoppingOptions earlyStopping;

    @Option(names = "--cell", defaultValue = "lstm", description = "rnn (the book's basic), lstm or state. Default: ${DEFAULT-VALUE}")
    String cell;
    @Option(names = "--interval", defaultValue = "10", description = "Frame hop in ms. Default: ${DEFAULT-VALUE}")
    int interval;
    @Option(names = "--window", defaultValue = "10", description = "Frame length in ms. Default: ${DEFAULT-VALUE}")
    int window;
    @Option(names = "--mode", defaultValue = "book", description = "Features: book or corrected. Default: ${DEFAULT-VALUE}")
    String mode;
    @Option(names = "--epochs", defaultValue = "" + TrainConfig.BOOK_EPOCHS, description = "Default: ${DEFAULT-VALUE}")
    int epochs;
    @Option(names = "--report", defaultValue = "" + TrainConfig.BOOK_REPORT, description = "Log and validate every N epochs (0 = silent). Default: ${DEFAULT-VALUE}")
    int report;
    @Option(names = "--hidden", defaultValue = "" + TrainConfig.BOOK_HIDDEN, description = "Hidden size. Default: ${DEFAULT-VALUE}")
    int hidden;
    @Option(names = "--batch", defaultValue = "" + TrainConfig.BOOK_BATCH, description = "Batch size. Default: ${DEFAULT-VALUE}")
    int batch;
    @Option(names = "--lr", defaultValue = "" + TrainConfig.BOOK_LEARNING_RATE, description = "Adam learning rate. Default: ${DEFAULT-VALUE}")
    double lr;
    @Option(names = "--clip", defaultValue = "0", description = "Clip the gradient norm to this (0 = off, the book). Default: ${DEFAULT-VALUE}")
    double clip;
    @Option(names = "--seed", defaultValue = "" + TrainConfig.BOOK_SEED, description = "Initial weights, shuffles, validation draws. Default: ${DEFAULT-VALUE}")
    long seed;
    @Option(names = "--split-seed", defaultValue = "" + TrainConfig.BOOK_SEED, description = "The train/validation/test split (protocol §2); --from keeps the saved model's. Default: ${DEFAULT-VALUE}")
    long splitSeed;
    @Option(names = "--engine", defaultValue = "auto", description = "float32 (vectorised), reference (float64, the book's equations), ort or auto (= float32). Default: ${DEFAULT-VALUE}")
    String engine;
    @Option(names = "--threads", description = "Threads for the java and ort engines. Default: all cores")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model with its Adam state, recipe and history.")
    Path save;
    @Option(names = "--from", paramLabel = "FILE", description = "Continue training this saved model (its cell, hidden size, seed and features).")
    Path from;
    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Regularisation reg = regularisation.regularisation();   // usage errors (exit 2) before anything runs
        EarlyStopping stop = earlyStopping.earlyStopping(report);
        return Cli.run("train", () -> {
            TrainConfig config = TrainConfig.book(CellType.parse(cell)).withHidden(hidden).withEpochs(epochs).withReport(report)
                    .withBatchSize(batch).withLearningRate(lr).withClipNorm(clip).withSeed(seed).withEngine(EngineKind.parse(engine))
                    .withRegularisation(reg).withEarlyStopping(stop);
            ModelFile previous = from == null ? null : ModelFile.load(from);
            if (previous != null) {
                Model m = previous.model();
                config = config.withCell(m.config().cell()).withHidden(m.config().hidden()).withSeed(Trainer.of(m).config().seed());
            }
            FeatureConfig params = previous != null ? Cli.featureParams(previous)
                    : FeatureMode.parse(mode) == FeatureMode.BOOK ? FeatureConfig.book(interval, window) : FeatureConfig.corrected(interval, window);
            boolean bar = !noProgress && TrainProgress.interactive();
            PackedSequences data = dataset.load(params, bar).sequences();
            if (previous != null) Cli.requireSameData(previous, data);
            Split split = Splits.book(data.size(), previous != null ? Cli.splitSeed(previous) : splitSeed);
            Model model = previous != null ? previous.model() : Trainer.newModel(config, data);
            try (Engine e = Engines.open(config.engine(), threads); TrainProgress progress = new TrainProgress(System.out, bar)) {
                Trainer trainer = Trainer.of(model).config(config).on(data, split).engine(e).listener(progress);
                History h = trainer.train();
                trainer.test();
                if (save != null) {
                    ModelFile.save(save, model, previous == null ? h : previous.history().then(h));
                    System.err.println("saved " + save);
                }
            }
        });
    }
}
