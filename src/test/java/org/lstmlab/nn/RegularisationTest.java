package org.lstmlab.nn;

import org.lstmlab.data.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The chapter-8 regularisers in the Java engines (protocol §9): the decayed update and the dropout layer. */
class RegularisationTest {
    private static final int[] LENGTHS = {5, 2, 4, 1};

    /**
     * First Adam step from zero moments: ŝ = g and t̂ = g², so δ = g / (|g| + ε). The decays then add l2·w + l1·sign(w)
     * to the weights' δ only, with w before the step: w' = w − lr(g/(|g|+ε) + l2·w + l1·sign(w)); b' = b − lr·g/(|g|+ε).
     */
    @Test
    void decayedStepEqualsItsClosedForm() {
        ModelConfig c = new ModelConfig(CellType.LSTM, 3, 4, 3);
        Parameters p = NnFixtures.randomParameters(c, 0.5, 5);
        p.w[7] = 0;                                        // sign(0) = 0: no l1 pull on a zero weight
        Parameters before = p.copy();
        Random rng = new Random(6);
        double[][] g = Parameters.zeros(c).tensors();
        for (double[] t : g) for (int j = 0; j < t.length; j++) t[j] = rng.nextGaussian();
        Gradients grads = new Gradients(0, 0, 1, g[0], g[1], g[2], g[3], null);
        double lr = 0.01, l2 = 0.3, l1 = 0.02, eps = 1e-8;
        AdamState.zeros(p).update(p, grads, Adam.book().withLearningRate(lr).withDecay(l2, l1));
        double[][] was = before.tensors(), now = p.tensors();
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < was[k].length; j++) {
                double w = was[k][j], adam = g[k][j] / (Math.abs(g[k][j]) + eps);
                double decay = k == 0 || k == 2 ? l2 * w + l1 * Math.signum(w) : 0;
                assertEquals(w - lr * (adam + decay), now[k][j], 1e-15, Parameters.NAMES[k] + "[" + j + "]");
            }
    }

    @Test
    void decayAloneShrinksWeightsGeometricallyAndLeavesBiases() {
        ModelConfig c = new ModelConfig(CellType.RNN, 2, 3, 2);
        Parameters p = NnFixtures.randomParameters(c, 1, 8), before = p.copy();
        AdamState s = AdamState.zeros(p);
        Gradients zero = new Gradients(0, 0, 1, new double[p.w.length], new double[p.b.length],
                new double[p.wo.length], new double[p.bo.length], null);
        Adam adam = Adam.book().withLearningRate(0.1).withDecay(0.5, 0);
        for (int step = 0; step < 10; step++) s.update(p, zero, adam);
        double factor = Math.pow(1 - 0.1 * 0.5, 10);
        for (int j = 0; j < p.w.length; j++) assertEquals(before.w[j] * factor, p.w[j], 1e-14);
        for (int j = 0; j < p.wo.length; j++) assertEquals(before.wo[j] * factor, p.wo[j], 1e-14);
        assertArrayEquals(before.b, p.b);
        assertArrayEquals(before.bo, p.bo);
    }

    @Test
    void negativeDecayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Adam.book().withDecay(-0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> Adam.book().withDecay(0, -1e-9));
    }

    @Test
    void maskScalesKeptValuesByOneOverKeepProbAndZeroesTheRest() {
        Dropout d = new Dropout(0.25, new boolean[][] {{true, false}, {false, true}});
        double[][] y = d.apply(new double[][] {{1, 2}, {3, -4}});
        assertArrayEquals(new double[] {4, 0}, y[0]);
        assertArrayEquals(new double[] {0, -16}, y[1]);
        assertArrayEquals(new float[] {4, 0, 0, 4}, d.scales(2, 2));
        double[][] x = {{1, 2}};
        assertSame(x, Dropout.NONE.apply(x));
        assertThrows(IllegalArgumentException.class, () -> d.apply(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(0, null));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, null));
    }

    @Test
    void drawKeepsAboutKeepProbOfTheUnits() {
        Dropout d = Dropout.draw(0.3, 200, 50, new Random(4));
        int kept = 0;
        for (boolean[] row : d.kept()) for (boolean k : row) if (k) kept++;
        assertEquals(0.3, kept / 10000.0, 0.02);   // binomial sd 0.0046
    }

    /** With the mask held fixed the loss is a smooth function of the weights: analytic gradients equal centred differences. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void dropoutGradientsMatchCentralDifferencesWithTheMaskFixed(CellType cell) {
        ModelConfig c = new ModelConfig(cell, 3, 4, 3);
        Parameters p = NnFixtures.randomParameters(c, 0.5, 11);
        ReferenceBatch batch = ReferenceBatch.of(NnFixtures.randomBatch(LENGTHS, 3, 3, 12), 3);
        Dropout mask = Dropout.draw(0.6, LENGTHS.length, 4, new Random(13));
        ReferenceEngine engine = new ReferenceEngine();
        Gradients g = engine.gradients(p, batch, mask, false);
        assertNotEquals(engine.gradients(p, batch, false).loss(), g.loss(), "the mask must change the loss");
        double[][] analytic = g.tensors(), theta = p.tensors();
        double h = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double[] numeric = new double[theta[k].length];
            for (int j = 0; j < numeric.length; j++) {
                double keep = theta[k][j];
                theta[k][j] = keep + h;
                double up = engine.gradients(p, batch, mask, false).loss();
                theta[k][j] = keep - h;
                double down = engine.gradients(p, batch, mask, false).loss();
                theta[k][j] = keep;
                numeric[j] = (up - down) / (2 * h);
            }
            double err = NnFixtures.maxRelativeError(analytic[k], numeric, 1e-4);
            assertTrue(err < 1e-5, cell + " " + Parameters.NAMES[k] + ": relative error " + err);
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void float32EngineAppliesTheSameMask(CellType cell) {
        ModelConfig c = new ModelConfig(cell, 6, 5, 4);
        Parameters p = NnFixtures.randomParameters(c, 0.3, 21);
        Batch batch = NnFixtures.randomBatch(new int[] {7, 3, 5, 1, 6}, 6, 4, 22);
        Dropout mask = Dropout.draw(0.5, 5, 5, new Random(23));
        Gradients want = new ReferenceEngine().gradients(NnFixtures.model(p), batch, mask, false);
        try (Float32Engine fast = new Float32Engine(2)) {
            Gradients got = fast.gradients(NnFixtures.model(p), batch, mask, false);
            assertEquals(want.loss(), got.loss(), 1e-5 * want.loss());
            double[][] a = want.tensors(), b = got.tensors();
            for (int k = 0; k < 4; k++)
                assertTrue(NnFixtures.maxRelativeError(a[k], b[k], 1e-3) < 1e-4, Parameters.NAMES[k]);
        }
    }
}
