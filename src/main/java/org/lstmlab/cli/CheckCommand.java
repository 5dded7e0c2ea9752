package org.lstmlab.cli;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.CellType;
import org.lstmlab.teach.AnswerCheck;
import org.lstmlab.teach.CellCheck;
import org.lstmlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Course use: a student's numpy answers against the reference, with a targeted report. Exit 0 only when all agree. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compares a student's loss, dW, db, dWo, dbo (an .npz) with the reference gradients of the problem, "
                + "and says which tensor and gate block differ, and which common mistake the answers match.",
                "Exit code: 0 all agree, 1 some differ, 2 unreadable input."})
public final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROBLEM.npz", description = "the problem (from `problem`)") Path problem;
    @Parameters(index = "1", paramLabel = "ANSWERS.npz", description = "the student's loss, dW, db, dWo, dbo") Path answers;
    @Option(names = "--cell", paramLabel = "CELL", description = TrainCommand.CELL) CellType cell = TrainConfig.book().cell();

    @Override public Integer call() {
        CellCheck.Report r = AnswerCheck.run(NpzArrays.read(problem), NpzArrays.read(answers), cell);
        spec.commandLine().getOut().println(r);
        spec.commandLine().getOut().flush();
        return r.passed() ? Failures.OK : Failures.FAILED;
    }
}
