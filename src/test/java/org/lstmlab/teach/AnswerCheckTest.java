package org.lstmlab.teach;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.SoftmaxHead;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AnswerCheckTest {

    static StudentCell.Backward run(StudentCell cell, Problem p) {
        StudentCell.Forward f = cell.forward(p.x(), p.lengths(), p.W(), p.b());
        return cell.backward(SoftmaxHead.backward(p.parameters(), f.output(), p.y()).gOut());
    }

    @Test
    void eachStudentGetsTheirOwnNumbersAndTheSameIdTheSameOnes() {
        Problem a = Problem.forStudent(CellType.LSTM, "s2026-001"), again = Problem.forStudent(CellType.LSTM, " s2026-001 ");
        Problem b = Problem.forStudent(CellType.LSTM, "s2026-002");
        assertArrayEquals(a.W()[0], again.W()[0]);
        assertArrayEquals(a.lengths(), again.lengths());
        assertFalse(java.util.Arrays.equals(a.W()[0], b.W()[0]));
        assertThrows(IllegalArgumentException.class, () -> Problem.forStudent(CellType.LSTM, " "));
    }

    @Test
    void theProblemSurvivesTheNpzLayout() {
        Problem p = Problem.forStudent(CellType.RNN, "kim");
        Problem back = Problem.fromNpz(p.toNpz(), CellType.RNN);
        assertArrayEquals(p.lengths(), back.lengths());
        for (int r = 0; r < Problem.B; r++)
            for (int t = 0; t < Problem.T; t++) assertArrayEquals(p.x()[r][t], back.x()[r][t]);
        assertArrayEquals(p.W()[3], back.W()[3]);
    }

    @Test
    void referenceAnswersPassAndAMistakeGetsItsHint() {
        Problem p = Problem.forStudent(CellType.LSTM, "lee");
        NpzArrays problem = p.toNpz();
        assertTrue(AnswerCheck.run(problem, NpzGradients.compute(problem, CellType.LSTM), CellType.LSTM).passed());

        CellCheck.Report r = AnswerCheck.run(problem, AnswerCheck.mutant(p, Mistake.CARRY_WITHOUT_FORGET), CellType.LSTM);
        assertFalse(r.passed());
        assertFalse(r.problems().stream().anyMatch(s -> s.startsWith("loss")), r::toString);
        assertEquals(Mistake.CARRY_WITHOUT_FORGET.hint(), r.hint());
    }

    @Test
    void oneWrongGateBlockIsTheOnlyOneNamed() {
        Problem p = Problem.forStudent(CellType.LSTM, "park");
        NpzArrays ref = NpzGradients.compute(p.toNpz(), CellType.LSTM);
        double[] dW = ref.get("dW").data().clone();
        int GH = p.b().length, H = GH / 4;
        for (int r = 0; r < dW.length / GH; r++) dW[r * GH + 2 * H] *= 2; // one column of the o block
        NpzArrays answers = NpzArrays.create().put("loss", ref.get("loss").data()[0]).put("dW", dW, dW.length / GH, GH)
                .put("db", ref.get("db").data(), GH).put("dWo", ref.get("dWo").data(), ref.get("dWo").shape())
                .put("dbo", ref.get("dbo").data(), ref.get("dbo").shape());
        CellCheck.Report r = AnswerCheck.run(p.toNpz(), answers, CellType.LSTM);
        assertEquals(1, r.problems().size(), r::toString);
        assertTrue(r.problems().get(0).startsWith("dW, gate block o (columns " + 2 * H + ".." + (3 * H - 1) + ")"), r::toString);
        assertEquals("", r.hint());
    }

    @Test
    void missingAnswersAreListed() {
        Problem p = Problem.forStudent(CellType.RNN, "choi");
        CellCheck.Report r = AnswerCheck.run(p.toNpz(), NpzArrays.create().put("loss", 1.0), CellType.RNN);
        assertEquals(java.util.List.of("dW: missing from npz", "db: missing from npz", "dWo: missing from npz", "dbo: missing from npz"), r.problems());
    }
}
