package org.lstmlab.cli;

import org.lstmlab.data.Progress;
import picocli.CommandLine.Option;

/** What a command shows while it works. */
final class OutputMixin {
    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    /** The console's progress: a live bar on a terminal, a line per tenth in a log. */
    Progress.Sink progress() { return noProgress ? Progress.Sink.NONE : Progress.Sink.console(); }
}
