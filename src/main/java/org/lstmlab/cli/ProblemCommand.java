package org.lstmlab.cli;

import org.lstmlab.nn.CellType;
import org.lstmlab.teach.Problem;
import org.lstmlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Course use: each student's own batch and weights, seeded by their ID, in the layout `grad` reads. */
@Command(name = "problem", mixinStandardHelpOptions = true,
        description = {"Writes a student's own exercise: a small batch and weights seeded by the student's ID, as an .npz "
                + "in grad's input layout (x [B,T+1,F] with lengths in x[:,0,0], y, W, b, Wo, bo).",
                "The student computes loss, dW, db, dWo, dbo with numpy and saves them; `check` compares them."})
public final class ProblemCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--student", required = true, paramLabel = "ID", description = "the student's ID: the seed") String student;
    @Option(names = "--cell", paramLabel = "CELL", description = TrainCommand.CELL) CellType cell = TrainConfig.book().cell();
    @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "where to write the problem") Path out;

    @Override public Integer call() {
        Problem p = Problem.forStudent(cell, student);
        p.toNpz().write(out);
        spec.commandLine().getOut().printf("problem for %s (%s cell, lengths %s) -> %s%n", student.trim(),
                p.cell().bookName(), java.util.Arrays.toString(p.lengths()), out);
        spec.commandLine().getOut().flush();
        return Failures.OK;
    }
}
