package org.lstmlab.nn;

import org.lstmlab.data.Batch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Adam's first step in closed form: with zero moments, ŝ = g and t̂ = g², so every weight moves by
 * lr·g / (|g| + ε), which is lr·sign(g) to within lr·ε/|g| where |g| is much larger than ε.
 */
class AdamFirstStepTest {
    private static final double LR = 0.01, EPSILON = 1e-8;
    /** Weights with a smaller gradient are left out: the closed form holds to within lr·ε/|g|, 1e-3·lr here. */
    private static final double MIN_GRADIENT = 1e-5, TOLERANCE = LR * EPSILON / MIN_GRADIENT + 1e-12;

    static Stream<Arguments> engines() {
        List<Arguments> all = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            all.add(Arguments.of(cell, EngineKind.REFERENCE));
            all.add(Arguments.of(cell, EngineKind.FLOAT32));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyWeightMovesByTheLearningRateAgainstItsGradient(CellType cell, EngineKind kind) {
        ModelConfig c = new ModelConfig(cell, 6, 5, 4);
        Parameters before = NnFixtures.randomParameters(c, 0.5, 7);
        Batch batch = NnFixtures.randomBatch(new int[] {6, 3, 5, 1}, 6, 4, 8);
        Adam adam = Adam.book().withLearningRate(LR); // no clipping, no decay
        assertEquals(EPSILON, adam.epsilon());
        try (Engine engine = kind == EngineKind.REFERENCE ? new ReferenceEngine() : new Float32Engine(1)) {
            double[][] g = engine.gradients(NnFixtures.model(before.copy()), batch, false).tensors();
            Model model = NnFixtures.model(before.copy());
            engine.trainStep(model, batch, adam);
            int checked = 0, all = 0;
            for (int k = 0; k < 4; k++) {
                double[] was = before.tensors()[k], now = model.params().tensors()[k];
                for (int j = 0; j < was.length; j++, all++) {
                    if (Math.abs(g[k][j]) < MIN_GRADIENT) continue;
                    double want = -LR * Math.signum(g[k][j]);
                    assertEquals(want, now[j] - was[j], TOLERANCE,
                            Parameters.NAMES[k] + "[" + j + "] with gradient " + g[k][j]);
                    checked++;
                }
            }
            assertTrue(checked > 0.95 * all, "only " + checked + " of " + all + " weights have |g| >= " + MIN_GRADIENT);
        }
    }
}
