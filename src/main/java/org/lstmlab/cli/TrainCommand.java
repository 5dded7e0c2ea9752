package org.lstmlab.cli;

import org.lstmlab.data.LoadResult;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Engines;
import org.lstmlab.train.BookLog;
import org.lstmlab.train.History;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.lstmlab.train.TrainingListener;
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
    @Mixin DataMixin data;
    @Mixin FeatureMixin features;
    @Option(names = "--window", paramLabel = "I-W", converter = Window.Converter.class, defaultValue = "10-10",
            description = Window.HELP + ". Default: ${DEFAULT-VALUE}")
    Window window;
    @Mixin TrainingMixin training;
    @Mixin EngineMixin engine;
    @Mixin OutputMixin output;
    @Mixin EarlyStoppingMixin earlyStopping;

    static final String CELL = "rnn (the book's basic), lstm, state or gru. Default: ${DEFAULT-VALUE}";

    @Option(names = "--cell", paramLabel = "CELL", description = CELL)
    CellType cell = TrainConfig.book().cell();
    @Option(names = "--epochs", paramLabel = "N", description = TrainingMixin.EPOCHS) Integer epochs;
    @Option(names = "--report", paramLabel = "N", description = "Log and validate every N epochs (0 = silent). Default: ${DEFAULT-VALUE}")
    int report = TrainConfig.book().report();
    @Option(names = "--split-seed", paramLabel = "SEED",
            description = "The train/validation/test split (protocol §2); --from keeps the saved model's. Default: ${DEFAULT-VALUE}")
    long splitSeed = TrainConfig.book().seed();
    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model with its Adam state, recipe and history.")
    Path save;
    @Option(names = "--from", paramLabel = "FILE", description = "Continue training this saved model (its cell, hidden size, seed and features).")
    Path from;

    @Override public Integer call() throws Exception {
        TrainConfig config = training.config(cell).withEpochs(epochs != null ? epochs : TrainConfig.BOOK_EPOCHS)
                .withReport(report).withEarlyStopping(earlyStopping.earlyStopping(report));
        ModelFile previous = from == null ? null : Cli.load(from);
        if (previous != null) {   // the saved model's cell, hidden size and seed
            config = config.withCell(previous.model().config().cell()).withHidden(previous.model().config().hidden())
                    .withSeed(previous.recipe().training().seed());
        }
        FeatureConfig params = previous != null ? Cli.featureParams(previous) : features.config(window);
        LoadResult loaded = data.load(params, engine.threads.threads, output.progress());
        PackedSequences sequences = loaded.sequences();
        if (previous != null) Cli.requireSameData(previous, sequences);
        Split split = previous != null ? previous.recipe().split().of(loaded) : Splits.book(sequences.size(), splitSeed);
        Trainer trainer = previous != null ? Trainer.of(previous).config(config).on(sequences, split) : Trainer.fresh(config, sequences, split);
        try (Engine e = Engines.open(engine.config())) {
            History h = trainer.engine(e).listener(BookLog.to(TrainCommand::bookLine))
                    .listener(TrainingListener.progress(output.progress())).train();
            trainer.test();
            if (save != null) {
                ModelFile.save(save, trainer.model(), trainer.recipe(), previous == null ? h : previous.history().then(h));
                System.err.println("saved " + save);
            }
        }
        return Failures.OK;
    }

    /** The book's lines on stdout; on a terminal the bar's line on stderr is cleared first so the two never mix. */
    private static void bookLine(String line) {
        if (System.console() != null) System.err.print("\r\033[2K");
        System.out.println(line);
    }
}
