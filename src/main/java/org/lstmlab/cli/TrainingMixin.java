package org.lstmlab.cli;

import org.lstmlab.nn.CellType;
import org.lstmlab.train.Regularisation;
import org.lstmlab.train.Regularisation.DecayCost;
import org.lstmlab.train.TrainConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How each model trains; every default is the book's, from {@link TrainConfig#book()}. */
final class TrainingMixin {
    static final String HIDDEN = "Hidden size H. Default: ${DEFAULT-VALUE}",
            BATCH = "Batch size. Default: ${DEFAULT-VALUE}",
            SEED = "Initial weights, shuffles and validation draws (reproduce: also each split, seed + window, and the "
                    + "baselines). Default: ${DEFAULT-VALUE}",
            EPOCHS = "Epochs to train each model, in one phase. Default: the book's (train: 10; "
                    + "reproduce: 10 then 100 more at 10 ms, 100 at 100 ms)";
    private static final TrainConfig BOOK = TrainConfig.book();
    private static final Regularisation NONE = BOOK.regularisation();

    @Spec(Spec.Target.MIXEE) CommandSpec command;

    @Option(names = "--hidden", paramLabel = "H", description = HIDDEN) int hidden = BOOK.hidden();
    @Option(names = "--batch", paramLabel = "B", description = BATCH) int batch = BOOK.batchSize();
    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate. Default: ${DEFAULT-VALUE}") double lr = BOOK.learningRate();
    @Option(names = "--clip", paramLabel = "NORM", description = "Clip the gradient norm to NORM (0 = off, as in the book). Default: ${DEFAULT-VALUE}")
    double clip = BOOK.clipNorm();
    @Option(names = "--seed", paramLabel = "SEED", description = SEED) long seed = BOOK.seed();

    // the chapter-8 regularisers (protocol §9), off in chapter 11
    @Option(names = "--l2", paramLabel = "D",
            description = "L2 weight decay on W and Wo, added after the Adam step (0 = off, the chapter). Default: ${DEFAULT-VALUE}")
    double l2 = NONE.l2();
    @Option(names = "--l1", paramLabel = "D",
            description = "L1 weight decay on W and Wo, added after the Adam step (0 = off, the chapter). Default: ${DEFAULT-VALUE}")
    double l1 = NONE.l1();
    @Option(names = "--keep-prob", paramLabel = "P",
            description = "Dropout between the recurrent output and the head keeps each unit with this probability (1 = off). Default: ${DEFAULT-VALUE}")
    double keepProb = NONE.keepProb();
    @Option(names = "--decay-cost", paramLabel = "COST",
            description = "book (the reported cost adds Σw²/2 and Σ|w| unscaled, as the book does) or corrected (scaled by the decays). Default: ${DEFAULT-VALUE}")
    DecayCost decayCost = NONE.cost();

    /** The options for a model of this cell; a value out of range is a usage error naming its option. */
    TrainConfig config(CellType cell) {
        return TrainConfig.book(cell).withHidden(hidden).withBatchSize(batch).withLearningRate(lr).withClipNorm(clip)
                .withSeed(seed).withRegularisation(regularisation());
    }

    private Regularisation regularisation() {
        if (!(l2 >= 0) || Double.isInfinite(l2)) throw usage("--l2 must be a number >= 0 (0 = off), got " + l2);
        if (!(l1 >= 0) || Double.isInfinite(l1)) throw usage("--l1 must be a number >= 0 (0 = off), got " + l1);
        if (!(keepProb > 0 && keepProb <= 1)) throw usage("--keep-prob must be in (0, 1] (1 = no dropout), got " + keepProb);
        return new Regularisation(l2, l1, keepProb, decayCost);
    }

    private ParameterException usage(String message) { return new ParameterException(command.commandLine(), message); }
}
