package org.lstmlab.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Protocol §4's initialisation for every cell, read back against a fresh draw of the same seed. */
class ParametersTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void weightsAreDrawnFirstThenTheHeadAndOnlyTheKeepGateStartsAtOne(CellType cell) {
        ModelConfig c = new ModelConfig(cell, 6, 4, 3);
        Parameters p = Parameters.init(c, new Random(5));
        Random replay = new Random(5);
        int H = 4, gates = cell == CellType.RNN ? 1 : cell == CellType.GRU ? 3 : 4;
        assertEquals((6 + H) * gates * H, p.w.length);
        for (double w : p.w) assertEquals(0.03 * replay.nextGaussian(), w, 0);
        for (double w : p.wo) assertEquals(0.03 * replay.nextGaussian(), w, 0);
        // the LSTM's forget block and the GRU's update block z are both columns [0, H): the share of the old state kept
        assertEquals(cell == CellType.GRU ? 4 * H : gates * H, p.b.length);
        for (int j = 0; j < p.b.length; j++) assertEquals(j < H && cell != CellType.RNN ? 1.0 : 0.0, p.b[j], 0, "b[" + j + "]");
        for (double b : p.bo) assertEquals(0, b, 0);
    }
}
