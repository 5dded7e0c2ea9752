package org.lstmlab.cli;

import org.lstmlab.data.NpzArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** problem, grad and check end to end, as a course uses them. */
class TeachCommandsTest {
    @TempDir Path dir;

    @Test
    void theReferenceGradientsOfAStudentsProblemPassTheCheck() {
        Path problem = dir.resolve("p.npz"), answers = dir.resolve("a.npz");
        CliRun make = new CliRun();
        assertEquals(0, make.run("problem", "--student", "2026-017", "--cell", "lstm", "--out", problem.toString()), make.err::toString);
        assertEquals(0, new CliRun().run("grad", problem.toString(), "--cell", "lstm", "--out", answers.toString()));
        CliRun check = new CliRun();
        assertEquals(0, check.run("check", problem.toString(), answers.toString(), "--cell", "lstm"), check.out::toString);
        assertTrue(check.out.toString().contains("passed"), check.out::toString);
    }

    @Test
    void wrongAnswersExitOneAndSayWhere() {
        Path problem = dir.resolve("p.npz"), answers = dir.resolve("a.npz");
        new CliRun().run("problem", "--student", "x", "--cell", "rnn", "--out", problem.toString());
        new CliRun().run("grad", problem.toString(), "--cell", "rnn", "--out", answers.toString());
        NpzArrays a = NpzArrays.read(answers);
        double[] db = a.get("db").data().clone();
        db[0] += 0.5;
        NpzArrays.create().put("loss", a.get("loss").data()[0]).put("dW", a.get("dW").data(), a.get("dW").shape())
                .put("db", db, db.length).put("dWo", a.get("dWo").data(), a.get("dWo").shape())
                .put("dbo", a.get("dbo").data(), a.get("dbo").shape()).write(answers);
        CliRun check = new CliRun();
        assertEquals(1, check.run("check", problem.toString(), answers.toString(), "--cell", "rnn"));
        assertTrue(check.out.toString().contains("- db: largest difference 0.5"), check.out::toString);
    }

    @Test
    void anUnreadableAnswerFileIsABadInput() {
        Path problem = dir.resolve("p.npz");
        new CliRun().run("problem", "--student", "x", "--cell", "rnn", "--out", problem.toString());
        CliRun check = new CliRun();
        assertEquals(2, check.run("check", problem.toString(), dir.resolve("none.npz").toString(), "--cell", "rnn"));
        assertTrue(check.err.toString().startsWith("check: ") && check.err.toString().contains("none.npz"), check.err::toString);
    }
}
