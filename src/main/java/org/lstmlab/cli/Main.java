package org.lstmlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "lstm-lab", mixinStandardHelpOptions = true, version = "lstm-lab 0.1.0",
        description = "Chapter 11 urban-sound RNN/LSTM lab.")
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
