package org.lstmlab.teach;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.SoftmaxHead;

import java.util.List;

/**
 * The numpy side of the course: a student's own loss, dW, db, dWo and dbo for their {@link Problem}, saved as an
 * npz, compared with the reference ({@link NpzGradients}) in the same words as {@link CellCheck}.
 */
public final class AnswerCheck {
    static final String[] ANSWERS = {"loss", "dW", "db", "dWo", "dbo"};

    private AnswerCheck() {}

    public static CellCheck.Report run(NpzArrays problem, NpzArrays answers, CellType cell) {
        Problem p = Problem.fromNpz(problem, cell);
        NpzArrays reference = NpzGradients.compute(problem, cell);
        String subject = cell.bookName() + " answers in " + answers.source();
        Findings found = new Findings(1e-6); // numpy float64 code may sum in another order than ours
        for (String name : ANSWERS)
            if (!answers.has(name)) found.add(name + ": missing from " + answers.source());
        if (!found.problems().isEmpty()) return new CellCheck.Report(subject, found.problems(), "");
        if (compare(found, answers, reference, p)) return new CellCheck.Report(subject, List.of(), "");
        for (Mistake m : Mistake.values())
            if (CellCheck.applies(m, cell) && compare(new Findings(1e-6), answers, mutant(p, m), p))
                return new CellCheck.Report(subject, found.problems(), m.hint());
        return new CellCheck.Report(subject, found.problems(), "");
    }

    private static boolean compare(Findings f, NpzArrays yours, NpzArrays ref, Problem p) {
        int G = p.cell().gates(), GH = p.b().length, H = p.Wo().length, C = p.bo().length;
        return f.scalar("loss", yours.get("loss").data()[0], ref.get("loss").data()[0])
                & f.matrix("dW", Problem.rows(yours.get("dW", p.W().length, GH), GH), Problem.rows(ref.get("dW").data(), GH), G, p.x()[0][0].length)
                & f.vector("db", yours.get("db", GH), ref.get("db").data(), G)
                & f.matrix("dWo", Problem.rows(yours.get("dWo", H, C), C), Problem.rows(ref.get("dWo").data(), C), 1, 0)
                & f.vector("dbo", yours.get("dbo", C), ref.get("dbo").data(), 1);
    }

    /** What a student who made mistake m would hand in. */
    static NpzArrays mutant(Problem p, Mistake m) {
        BookCell cell = new BookCell(p.cell(), m);
        StudentCell.Forward f = cell.forward(p.x(), p.lengths(), p.W(), p.b());
        SoftmaxHead.Backward head = SoftmaxHead.backward(p.parameters(), f.output(), p.y());
        StudentCell.Backward b = cell.backward(head.gOut());
        int H = p.Wo().length, C = p.bo().length;
        return NpzArrays.create().put("loss", head.loss()).put("dW", Problem.flat(b.dW()), p.W().length, p.b().length)
                .put("db", b.db(), p.b().length).put("dWo", head.dWo(), H, C).put("dbo", head.dbo(), C);
    }
}
