package org.lstmlab.cli;

import org.junit.jupiter.api.Test;
import org.lstmlab.data.Batch;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.StepResult;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The paired ratio, on engines whose steps take a known time: it is the first's cost over the second's. */
class EngineBenchmarkTest {

    /** Busy for a fixed time per step, and records the cell of each model it trained. */
    private static final class Spinner implements Engine {
        final long nanos;
        final List<CellType> cells = new ArrayList<>();

        Spinner(long nanos) { this.nanos = nanos; }

        @Override public EngineKind kind() { return EngineKind.FLOAT32; }

        @Override
        public StepResult trainStep(Model model, Batch batch, Adam adam, Dropout dropout) {
            cells.add(model.config().cell());
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) Thread.onSpinWait();
            return new StepResult(0, 0);
        }

        @Override public Gradients gradients(Model m, Batch b, Dropout d, boolean norms) { throw new UnsupportedOperationException(); }
        @Override public float[][] logits(Model m, Batch b) { throw new UnsupportedOperationException(); }
    }

    @Test
    void pairedIsTheFirstCellsCostOverTheSeconds() {
        Batch b = EngineBenchmark.syntheticBatch(2, 3, 3, 4, 2, 1);
        ModelConfig gru = new ModelConfig(CellType.GRU, 4, 3, 2), lstm = new ModelConfig(CellType.LSTM, 4, 3, 2);
        Spinner slow = new Spinner(3_000_000), fast = new Spinner(1_000_000);
        EngineBenchmark.PairedRatio r = EngineBenchmark.paired(new Engine[] {slow, fast}, new ModelConfig[] {gru, lstm}, b, 0, 9, 2, 1);
        assertEquals(9, r.rounds());
        assertEquals(3.0, r.median(), 0.9, "3 ms against 1 ms per step");
        assertTrue(r.lowerQuartile() <= r.median() && r.median() <= r.upperQuartile(), r.toString());
        // each engine trained only its own cell: no warm-up asked, then 9 rounds of 2 steps
        assertEquals(List.of(CellType.GRU), slow.cells.stream().distinct().toList());
        assertEquals(List.of(CellType.LSTM), fast.cells.stream().distinct().toList());
        assertEquals(18, slow.cells.size());
        assertEquals(18, fast.cells.size());
    }
}
