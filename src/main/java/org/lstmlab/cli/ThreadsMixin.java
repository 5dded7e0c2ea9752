package org.lstmlab.cli;

import org.lstmlab.nn.EngineConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How many CPU threads a command may use. */
final class ThreadsMixin {
    @Spec(Spec.Target.MIXEE) CommandSpec command;

    int threads = EngineConfig.defaults().threads();

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads to use. Default: all cores")
    void threads(int n) {
        if (n < 1) throw new ParameterException(command.commandLine(), "--threads must be at least 1, got " + n);
        threads = n;
    }
}
