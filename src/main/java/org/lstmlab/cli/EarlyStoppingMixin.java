package org.lstmlab.cli;

import org.lstmlab.train.EarlyStopping;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Early stopping as training options; a bad value is a usage error naming its option. */
final class EarlyStoppingMixin {
    @Spec(Spec.Target.MIXEE) CommandSpec command;

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop at a report that finds no better validation result for N epochs, keeping the best report's weights (0 = off, the book). Default: ${DEFAULT-VALUE}")
    int patience = EarlyStopping.NONE.patience();

    @Option(names = "--monitor", paramLabel = "WHAT",
            description = "What --patience watches: validation accuracy or loss. Default: ${DEFAULT-VALUE}")
    EarlyStopping.Monitor monitor = EarlyStopping.NONE.monitor();

    /** The options as {@link EarlyStopping}; {@code report} is the command's report interval, which must be > 0 with patience. */
    EarlyStopping earlyStopping(int report) {
        if (patience < 0) throw usage("--patience must be >= 0 epochs (0 = off), got " + patience);
        if (patience > 0 && report == 0) throw usage("--patience needs validation reports: set --report > 0");
        return new EarlyStopping(patience, monitor);
    }

    private ParameterException usage(String message) { return new ParameterException(command.commandLine(), message); }
}
