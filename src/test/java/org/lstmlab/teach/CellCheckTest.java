package org.lstmlab.teach;

import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.ReferenceEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class CellCheckTest {

    /** The teaching cell against the reference engine: the check's own yardstick is the engine's gradients. */
    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN", "LSTM", "LSTM_STATE"})
    void bookCellEqualsTheReferenceEngine(CellType cell) {
        for (long seed = 1; seed <= 3; seed++) {
            Problem p = Problem.seeded(cell, seed);
            Gradients g = new ReferenceEngine().gradients(p.parameters(), p.batch(), false);
            StudentCell.Backward b = AnswerCheckTest.run(new BookCell(cell), p);
            assertArrayEquals(g.dW(), Problem.flat(b.dW()), 1e-12);
            assertArrayEquals(g.db(), b.db(), 1e-12);
        }
    }

    @Test
    void anIndependentlyWrittenCorrectCellPasses() {
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.LSTM_STATE}) {
            CellCheck.Report r = CellCheck.run(new StudentLstm(cell == CellType.LSTM_STATE), 7);
            assertTrue(r.passed(), r::toString);
        }
    }

    @Test
    void swappedGatesAreNamedWithTheirBlockAndFirstStep() {
        CellCheck.Report r = CellCheck.run(new BookCell(CellType.LSTM, Mistake.GATE_ORDER), 7);
        assertFalse(r.passed());
        assertTrue(r.problems().get(0).startsWith("forward h: first differs at step 1"), r::toString);
        assertTrue(r.problems().stream().anyMatch(s -> s.startsWith("dW, gate block f (columns 0..2)")), r::toString);
        assertEquals(Mistake.GATE_ORDER.hint(), r.hint());
    }

    @Test
    void aCarryWithoutTheForgetFactorIsFoundInBackwardOnly() {
        CellCheck.Report r = CellCheck.run(new BookCell(CellType.LSTM, Mistake.CARRY_WITHOUT_FORGET), 7);
        assertTrue(r.problems().stream().noneMatch(s -> s.startsWith("forward")), r::toString);
        // the carried gradient first goes wrong one step before the last: the step that receives it
        assertTrue(r.problems().stream().anyMatch(s -> s.startsWith("backward G_h: first differs at step")), r::toString);
        assertEquals(Mistake.CARRY_WITHOUT_FORGET.hint(), r.hint());
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN", "LSTM", "LSTM_STATE"})
    void anOutputAtThePaddedEndIsRecognised(CellType cell) {
        CellCheck.Report r = CellCheck.run(new BookCell(cell, Mistake.PADDED_END), 7);
        assertTrue(r.problems().stream().anyMatch(s -> s.startsWith("forward output: sample 1")), r::toString);
        assertEquals(Mistake.PADDED_END.hint(), r.hint());
    }

    @Test
    void reluDerivativeFromTheInputIsRecognised() {
        CellCheck.Report r = CellCheck.run(new BookCell(CellType.RNN, Mistake.RELU_FROM_INPUT), 7);
        assertTrue(r.problems().stream().anyMatch(s -> s.startsWith("dW: largest difference")), r::toString);
        assertEquals(Mistake.RELU_FROM_INPUT.hint(), r.hint());
    }

    @Test
    void aCellThatThrowsGetsOneLineNamingItsOwnFrame() {
        StudentCell broken = new StudentCell() {
            public Forward forward(double[][][] x, int[] l, double[][] W, double[] b) { return new Forward(null, null, new double[1 / (l.length - l.length)][]); }
            public Backward backward(double[][] g) { return null; }
            public CellType type() { return CellType.LSTM; }
        };
        CellCheck.Report r = CellCheck.run(broken, Problem.seeded(CellType.LSTM, 1), Duration.ofSeconds(5));
        assertEquals(1, r.problems().size());
        String msg = r.problems().get(0);
        assertTrue(msg.startsWith("forward threw ArithmeticException: / by zero at CellCheckTest.java:"), msg);
        assertFalse(msg.contains("\n"), msg);
    }

    @Test
    void aWrongShapeIsNamed() {
        StudentCell small = new StudentLstm(false) {
            @Override public Forward forward(double[][][] x, int[] l, double[][] W, double[] b) {
                Forward f = super.forward(x, l, W, b);
                return new Forward(java.util.Arrays.copyOf(f.h(), 3), f.c(), f.output());
            }
        };
        CellCheck.Report r = CellCheck.run(small, 3);
        assertTrue(r.problems().contains("forward h: expected " + Problem.T + " steps, got 3"), r::toString);
    }

    @Test
    void aCellThatNeverReturnsIsStoppedAtTheLimit() {
        StudentCell endless = new StudentLstm(false) {
            @Override public Backward backward(double[][] g) {
                while (true) Thread.onSpinWait();
            }
        };
        CellCheck.Report r = CellCheck.run(endless, Problem.seeded(CellType.LSTM, 1), Duration.ofMillis(300));
        assertEquals(java.util.List.of("backward did not return within 0 s"), r.problems());
    }
}
