package org.lstmlab.cli;

import picocli.CommandLine.Option;

/** What a command shows while it works. */
final class OutputMixin {
    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    /** A bar only where someone watches: an interactive console. */
    boolean bars() { return !noProgress && System.console() != null; }
}
