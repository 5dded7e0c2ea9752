package org.lstmlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "lstm-lab", mixinStandardHelpOptions = true, version = "lstm-lab 0.1.0",
        description = "Chapter 11 urban-sound RNN/LSTM lab.")
public final class Main {

    /** The command line with every subcommand; one line per subcommand, kept in data-path order. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // subcommands are added below, one line each
        cl.addSubcommand(new GenerateCommand());
        cl.addSubcommand(new DatasetCommand());
        cl.addSubcommand(new FeaturesCommand());
        cl.addSubcommand(new BenchFeaturesCommand());
        cl.addSubcommand(new GradCommand());
        cl.addSubcommand(new ProblemCommand());
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new BenchEngineCommand());
        cl.addSubcommand(new TrainCommand());
        cl.addSubcommand(new EvaluateCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new BenchOrtCommand());
        cl.addSubcommand(new ReproduceCommand());
        cl.addSubcommand(new ReportCommand());
        // set after the subcommands are added, so that they apply to every one of them
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new Failures());
        return cl;
    }

    public static void main(String[] args) { System.exit(commandLine().execute(args)); }
}
