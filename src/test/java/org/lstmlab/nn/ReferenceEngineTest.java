package org.lstmlab.nn;

import org.lstmlab.data.Batch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ReferenceEngineTest {
    private static final int[] LENGTHS = {5, 2, 4, 1};
    private final ReferenceEngine engine = new ReferenceEngine();

    @ParameterizedTest
    @EnumSource(CellType.class)
    void gradientsMatchCentralDifferencesForEveryTensor(CellType cell) {
        ModelConfig c = new ModelConfig(cell, 3, 4, 3);
        Parameters p = NnFixtures.randomParameters(c, 0.5, 11);
        ReferenceBatch batch = ReferenceBatch.of(NnFixtures.randomBatch(LENGTHS, 3, 3, 12), 3);
        Gradients g = engine.gradients(p, batch, false);
        double[][] analytic = g.tensors(), theta = p.tensors();
        double h = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double[] numeric = new double[theta[k].length];
            for (int j = 0; j < numeric.length; j++) {
                double keep = theta[k][j];
                theta[k][j] = keep + h;
                double up = engine.gradients(p, batch, false).loss();
                theta[k][j] = keep - h;
                double down = engine.gradients(p, batch, false).loss();
                theta[k][j] = keep;
                numeric[j] = (up - down) / (2 * h);
            }
            double err = NnFixtures.maxRelativeError(analytic[k], numeric, 1e-4);
            assertTrue(err < 1e-5, cell + " " + Parameters.NAMES[k] + ": relative error " + err);
        }
    }

    @Test
    void rnnLossMatchesHandComputedForwardPass() {
        // F = 1, H = 1, C = 2: W = [w_x; w_h], one sample of length 2 with x = (1, 2), label 1.
        ModelConfig c = new ModelConfig(CellType.RNN, 1, 1, 2);
        Parameters p = new Parameters(c, new double[] {0.5, -0.25}, new double[] {0.1},
                new double[] {1.0, -1.0}, new double[] {0.0, 0.2});
        ReferenceBatch batch = new ReferenceBatch(new double[][][] {{{1}, {2}, {0}}}, new int[] {2},
                new double[][] {{0, 1}});
        double h1 = Math.max(0, 0.5 * 1 + 0.1);
        double h2 = Math.max(0, 0.5 * 2 - 0.25 * h1 + 0.1);
        double l0 = h2, l1 = -h2 + 0.2;
        double p1 = Math.exp(l1) / (Math.exp(l0) + Math.exp(l1));
        Gradients g = engine.gradients(p, batch, false);
        assertEquals(-Math.log(p1 + 1e-10), g.loss(), 1e-12);
        assertEquals(0, g.correct());
        assertEquals(p1 - 1, g.dbo()[1], 1e-12);
    }

    @Test
    void gruLossMatchesHandComputedForwardPassWithTheResetOnTheRecurrentPartOnly() {
        // F = 1, H = 1, C = 2; W rows (x, h), columns (z, r, n); b = (b_z, b_r, b_n, b_hn); x = (1, −2), label 0.
        ModelConfig c = new ModelConfig(CellType.GRU, 1, 1, 2);
        double wxz = 0.3, wxr = -0.6, wxn = 0.9, whz = 0.5, whr = 0.8, whn = -1.1;
        double bz = 0.1, br = -0.2, bn = 0.05, bhn = 0.7;
        Parameters p = new Parameters(c, new double[] {wxz, wxr, wxn, whz, whr, whn}, new double[] {bz, br, bn, bhn},
                new double[] {1.5, -0.5}, new double[] {0.0, 0.3});
        ReferenceBatch batch = new ReferenceBatch(new double[][][] {{{1}, {-2}}}, new int[] {2}, new double[][] {{1, 0}});
        double h = 0;
        for (double x : new double[] {1, -2}) {
            double z = 1 / (1 + Math.exp(-(x * wxz + h * whz + bz)));
            double r = 1 / (1 + Math.exp(-(x * wxr + h * whr + br)));
            double n = Math.tanh(x * wxn + bn + r * (h * whn + bhn)); // b_hn inside the reset: h = 0 still feels r
            h = (1 - z) * n + z * h;
        }
        double l0 = 1.5 * h, l1 = -0.5 * h + 0.3;
        double p0 = Math.exp(l0) / (Math.exp(l0) + Math.exp(l1));
        assertEquals(-Math.log(p0 + 1e-10), engine.gradients(p, batch, false).loss(), 1e-12);
    }

    @Test
    void bookActivationsEqualTheTextbookFormulas() {
        for (double x = -30; x <= 30; x += 0.37) {
            assertEquals(1 / (1 + Math.exp(-x)), BookMath.sigmoid(x), 1e-15);
            assertEquals(Math.tanh(x), BookMath.tanh(x), 1e-14);
        }
        assertEquals(0, BookMath.sigmoid(-1000));
        assertEquals(1, BookMath.sigmoid(1000));
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void paddedStepsHaveNoEffect(CellType cell) {
        ModelConfig c = new ModelConfig(cell, 3, 4, 3);
        Parameters p = NnFixtures.randomParameters(c, 0.5, 21);
        ReferenceBatch both = ReferenceBatch.of(NnFixtures.randomBatch(new int[] {2, 5}, 3, 3, 22), 3);
        // Alone, the short sample runs 2 steps; next to the long one it runs 5, three of them on padding.
        ReferenceBatch shortAlone = new ReferenceBatch(new double[][][] {both.x()[0]}, new int[] {2},
                new double[][] {both.y()[0]});
        ReferenceBatch longAlone = new ReferenceBatch(new double[][][] {both.x()[1]}, new int[] {5},
                new double[][] {both.y()[1]});
        Gradients g = engine.gradients(p, both, false);
        Gradients a = engine.gradients(p, shortAlone, false), b = engine.gradients(p, longAlone, false);
        assertEquals(2 * g.loss(), a.loss() + b.loss(), 1e-12);
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < g.tensors()[k].length; j++)
                assertEquals(2 * g.tensors()[k][j], a.tensors()[k][j] + b.tensors()[k][j], 1e-12);
        // Appending zero rows past every length changes nothing either.
        ReferenceBatch padded = new ReferenceBatch(new double[][][] {pad(both.x()[0], 9), pad(both.x()[1], 9)},
                both.lengths(), both.y());
        Gradients q = engine.gradients(p, padded, true);
        assertEquals(g.loss(), q.loss(), 0);
        for (int k = 0; k < 4; k++) assertArrayEquals(g.tensors()[k], q.tensors()[k], 0);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void hiddenGradNormsFollowTheInjection(CellType cell) {
        ModelConfig c = new ModelConfig(cell, 3, 4, 3);
        Parameters p = NnFixtures.randomParameters(c, 0.5, 31);
        Batch b = NnFixtures.randomBatch(new int[] {4, 6}, 3, 3, 32);
        double[] norms = engine.gradients(NnFixtures.model(p), b, true).hiddenGradNorms();
        assertEquals(6, norms.length);
        if (cell == CellType.LSTM_STATE) assertEquals(0, norms[5], 0, "state output injects into G_c, not G_h");
        else assertTrue(norms[5] > 0);
        assertTrue(norms[0] > 0);
    }

    private static double[][] pad(double[][] rows, int steps) {
        double[][] out = new double[steps][rows[0].length];
        for (int t = 0; t < rows.length; t++) out[t] = rows[t].clone();
        return out;
    }
}
