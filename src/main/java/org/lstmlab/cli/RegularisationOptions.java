package org.lstmlab.cli;

import org.lstmlab.train.Regularisation;
import org.lstmlab.train.Regularisation.DecayCost;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The chapter-8 regularisers (protocol §9) as training options; a bad value is a usage error naming its option. */
public final class RegularisationOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec command;

    @Option(names = "--l2", defaultValue = "0", paramLabel = "D",
            description = "L2 weight decay on W and Wo, added after the Adam step (0 = off, the chapter). Default: ${DEFAULT-VALUE}")
    double l2;

    @Option(names = "--l1", defaultValue = "0", paramLabel = "D",
            description = "L1 weight decay on W and Wo, added after the Adam step (0 = off, the chapter). Default: ${DEFAULT-VALUE}")
    double l1;

    @Option(names = "--keep-prob", defaultValue = "1", paramLabel = "P",
            description = "Dropout between the recurrent output and the head keeps each unit with this probability (1 = off). Default: ${DEFAULT-VALUE}")
    double keepProb;

    @Option(names = "--decay-cost", defaultValue = "book",
            description = "book (the reported cost adds Σw²/2 and Σ|w| unscaled, as the book does) or corrected (scaled by the decays). Default: ${DEFAULT-VALUE}")
    String decayCost;

    /** The options as a {@link Regularisation}, checked before anything is loaded or trained. */
    public Regularisation regularisation() {
        if (!(l2 >= 0) || Double.isInfinite(l2)) throw usage("--l2 must be a number >= 0 (0 = off), got " + l2);
        if (!(l1 >= 0) || Double.isInfinite(l1)) throw usage("--l1 must be a number >= 0 (0 = off), got " + l1);
        if (!(keepProb > 0 && keepProb <= 1)) throw usage("--keep-prob must be in (0, 1] (1 = no dropout), got " + keepProb);
        try {
            return new Regularisation(l2, l1, keepProb, DecayCost.parse(decayCost));
        } catch (IllegalArgumentException e) {
            throw usage("--decay-cost: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) { return new ParameterException(command.commandLine(), message); }
}
