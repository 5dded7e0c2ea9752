package org.lstmlab.cli;

import org.lstmlab.experiment.Reproduction;
import org.lstmlab.report.LabReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the lab report of a finished run again, without training: its charts, report.html (one "
                + "self-contained file), report.md and report.pdf in the run folder, in English or Korean.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by reproduce (reports/<run-id>).")
    Path runDir;

    @Mixin ReportMixin options;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        print(options.report().write(Reproduction.load(runDir)), spec.commandLine().getOut());
        return Failures.OK;
    }

    /** The files written, then each note (a missing font) on a line of its own. */
    static void print(LabReport.Written w, PrintWriter out) {
        out.println("report written: " + w.html() + ", " + w.markdown() + (w.pdf() != null ? ", " + w.pdf() : ""));
        w.notes().forEach(n -> out.println("note: " + n));
        out.flush();
    }
}
