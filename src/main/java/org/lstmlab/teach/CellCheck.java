package org.lstmlab.teach;

import org.lstmlab.nn.CellType;
import org.lstmlab.nn.SoftmaxHead;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a student's cell beside the book's on a seeded {@link Problem} and says what is wrong: which tensor, which
 * gate block, which step first diverges and by how much, and, when the results match a known {@link Mistake}, its
 * hint. A cell that throws, returns the wrong shape or runs past the time limit gets a message, not a stack trace.
 */
public final class CellCheck {
    /** A correct float64 cell agrees with the book's to this relative tolerance. */
    public static final double TOLERANCE = 1e-9;

    /** The verdict: passed when there are no problems. */
    public record Report(String subject, List<String> problems, String hint) {
        public boolean passed() { return problems.isEmpty(); }

        @Override public String toString() {
            StringBuilder sb = new StringBuilder(subject).append(passed() ? ": passed" : ": " + problems.size() + " problem(s)");
            problems.forEach(p -> sb.append("\n  - ").append(p));
            if (!hint.isEmpty()) sb.append("\n  hint: ").append(hint);
            return sb.toString();
        }
    }

    private CellCheck() {}

    public static Report run(StudentCell student, long seed) {
        return run(student, Problem.seeded(student.type(), seed), Duration.ofSeconds(10));
    }

    public static Report run(StudentCell student, Problem p, Duration limit) {
        String subject = p.cell().bookName() + " cell check (B=" + Problem.B + ", T=" + Problem.T + ", F=" + Problem.F
                + ", H=" + Problem.H + ", lengths " + Arrays.toString(p.lengths()) + ")";
        Run book = Run.of(new BookCell(p.cell()), p);
        Findings found = new Findings(TOLERANCE);
        Run yours;
        try {
            yours = Run.guarded(student, p, book.gOut, limit);
        } catch (StudentFailure e) {
            return new Report(subject, List.of(e.getMessage()), "");
        }
        if (found.steps("forward h", yours.forward.h(), book.forward.h())
                & (p.cell() == CellType.RNN || found.steps("forward c", yours.forward.c(), book.forward.c()))
                & found.rows("forward output", yours.forward.output(), book.forward.output())
                & found.steps("backward G_h", yours.backward.gradH(), book.backward.gradH())
                & found.matrix("dW", yours.backward.dW(), book.backward.dW(), p.cell().gates(), Problem.F)
                & found.vector("db", yours.backward.db(), book.backward.db(), p.cell().gates()))
            return new Report(subject, List.of(), "");
        return new Report(subject, found.problems(), hint(yours, p, book.gOut));
    }

    /** The hint of the first known mistake whose results equal the student's. */
    private static String hint(Run yours, Problem p, double[][] gOut) {
        for (Mistake m : Mistake.values())
            if (applies(m, p.cell()) && yours.matches(Run.of(new BookCell(p.cell(), m), p, gOut))) return m.hint();
        return "";
    }

    static boolean applies(Mistake m, CellType cell) {
        return switch (m) {
            case NONE -> false;
            case GATE_ORDER, CARRY_WITHOUT_FORGET -> cell.isLstm();
            case RELU_FROM_INPUT -> cell == CellType.RNN;
            case PADDED_END -> true;
        };
    }

    /** One cell's forward and backward on a problem; the output gradient comes from the book's forward. */
    private record Run(StudentCell.Forward forward, StudentCell.Backward backward, double[][] gOut) {
        static Run of(StudentCell cell, Problem p) {
            StudentCell.Forward f = cell.forward(p.x(), p.lengths(), p.W(), p.b());
            double[][] gOut = SoftmaxHead.backward(p.parameters(), f.output(), p.y()).gOut();
            return new Run(f, cell.backward(gOut), gOut);
        }

        static Run of(StudentCell cell, Problem p, double[][] gOut) {
            return new Run(cell.forward(p.x(), p.lengths(), p.W(), p.b()), cell.backward(gOut), gOut);
        }

        static Run guarded(StudentCell cell, Problem p, double[][] gOut, Duration limit) {
            StudentCell.Forward f = call("forward", () -> cell.forward(copy(p.x()), p.lengths().clone(), copy(p.W()), p.b().clone()), limit);
            if (f == null) throw new StudentFailure("forward returned null");
            StudentCell.Backward b = call("backward", () -> cell.backward(copy(gOut)), limit);
            if (b == null) throw new StudentFailure("backward returned null");
            return new Run(f, b, gOut);
        }

        boolean matches(Run other) {
            Findings f = new Findings(TOLERANCE);
            return f.steps("h", forward.h(), other.forward.h()) && f.rows("out", forward.output(), other.forward.output())
                    && f.matrix("dW", backward.dW(), other.backward.dW(), 1, 0) && f.vector("db", backward.db(), other.backward.db(), 1);
        }
    }

    private static <T> T call(String what, Callable<T> body, Duration limit) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "student-" + what);
            t.setDaemon(true); // a cell that never returns must not keep the JVM alive
            return t;
        });
        Future<T> result = one.submit(body);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new StudentFailure(what + " did not return within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new StudentFailure(what + " threw " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudentFailure(what + " was interrupted");
        } finally {
            one.shutdownNow();
        }
    }

    /** The exception in one line, with its first frame outside the JDK: the student's line. */
    static String describe(Throwable t) {
        String where = Arrays.stream(t.getStackTrace()).filter(e -> !e.getClassName().matches("(java|jdk|sun)\\..*")).findFirst()
                .map(e -> " at " + (e.getFileName() == null ? e.getClassName() : e.getFileName()) + ":" + e.getLineNumber()).orElse("");
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + where;
    }

    private static double[][][] copy(double[][][] a) { return Arrays.stream(a).map(CellCheck::copy).toArray(double[][][]::new); }

    private static double[][] copy(double[][] a) { return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new); }

    static final class StudentFailure extends RuntimeException {
        StudentFailure(String message) { super(message, null, false, false); }
    }
}
