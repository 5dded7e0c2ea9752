package org.lstmlab.nn;

import org.lstmlab.data.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Float32Engine (float32, both kernel paths, 1 and 2 threads) against ReferenceEngine (float64). */
class Float32EngineTest {
    private static final double TOLERANCE = 1e-4;
    private final ReferenceEngine reference = new ReferenceEngine();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (CellType cell : CellType.values())
            for (KernelPath path : new KernelPath[] {KernelPath.SCALAR, KernelPath.VECTOR})
                for (int threads : new int[] {1, 2}) all.add(Arguments.of(cell, path, threads));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void lossGradientsAndNormsMatchTheReference(CellType cell, KernelPath path, int threads) {
        // H = 20 and F = 37 exercise both full vectors and masked tails; lengths vary and repeat.
        ModelConfig c = new ModelConfig(cell, 37, 20, 5);
        Parameters p = NnFixtures.randomParameters(c, 0.2, 51);
        Batch batch = NnFixtures.randomBatch(new int[] {9, 3, 17, 1, 9, 12, 6}, 37, 5, 52);
        try (Float32Engine fast = new Float32Engine(threads, path)) {
            assertEquals(path, fast.kernelPath());
            for (int repeat = 0; repeat < 2; repeat++) { // the second call reuses the workspaces
                Gradients want = reference.gradients(NnFixtures.model(p), batch, true);
                Gradients got = fast.gradients(NnFixtures.model(p), batch, true);
                assertEquals(want.loss(), got.loss(), TOLERANCE * Math.abs(want.loss()));
                assertEquals(want.correct(), got.correct());
                for (int k = 0; k < 4; k++) {
                    double err = NnFixtures.maxRelativeError(want.tensors()[k], got.tensors()[k], 1e-3);
                    assertTrue(err < TOLERANCE, Parameters.NAMES[k] + " relative error " + err);
                }
                double err = NnFixtures.maxRelativeError(want.hiddenGradNorms(), got.hiddenGradNorms(), 1e-3);
                assertTrue(err < TOLERANCE, "hidden grad norms relative error " + err);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void longSequencesWhoseGradientsFadeBelowTheFlushStillMatch(CellType cell, KernelPath path, int threads) {
        ModelConfig c = new ModelConfig(cell, 8, 20, 3);
        Parameters p = NnFixtures.randomParameters(c, 0.2, 91);
        // forget gates (GRU: update gates) near 0.05: G_c (GRU: G_h) fades fast
        if (cell != CellType.RNN) java.util.Arrays.fill(p.b, 0, 20, -3.0);
        Batch batch = NnFixtures.randomBatch(new int[] {260, 140, 250}, 8, 3, 92);
        Gradients want = reference.gradients(NnFixtures.model(p), batch, true);
        assertTrue(want.hiddenGradNorms()[0] < Kernels.FLUSH, "the case must reach the flushed range");
        try (Float32Engine fast = new Float32Engine(threads, path)) {
            Gradients got = fast.gradients(NnFixtures.model(p), batch, false);
            assertEquals(want.loss(), got.loss(), TOLERANCE * want.loss());
            for (int k = 0; k < 4; k++) {
                double err = NnFixtures.maxRelativeError(want.tensors()[k], got.tensors()[k], 1e-3);
                assertTrue(err < TOLERANCE, Parameters.NAMES[k] + " relative error " + err);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void logitsMatchTheReference(CellType cell, KernelPath path, int threads) {
        ModelConfig c = new ModelConfig(cell, 5, 3, 4);
        Parameters p = NnFixtures.randomParameters(c, 0.5, 61);
        int[] lengths = new int[70]; // more than one inference chunk
        for (int i = 0; i < lengths.length; i++) lengths[i] = 1 + (i * 7) % 11;
        Batch batch = NnFixtures.randomBatch(lengths, 5, 4, 62);
        try (Float32Engine fast = new Float32Engine(threads, path)) {
            float[][] want = reference.logits(NnFixtures.model(p), batch), got = fast.logits(NnFixtures.model(p), batch);
            for (int r = 0; r < want.length; r++)
                for (int k = 0; k < 4; k++) assertEquals(want[r][k], got[r][k], 1e-4 * Math.max(1, Math.abs(want[r][k])));
        }
    }

    /**
     * Three train steps on each kernel path against the float64 reference's gradients fed to Adam written out here
     * from protocol §5.2 (bias-corrected moments, per-tensor step counts), with §9.1's decays (W and Wo only, weight
     * before the step) and global-norm clipping in the second case; two engines from the same start agree bit for bit.
     */
    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"SCALAR", "VECTOR"})
    void trainStepsAreReferenceGradientsThenAdamAndRepeatBitForBit(KernelPath path) {
        ModelConfig c = new ModelConfig(CellType.LSTM_STATE, 6, 5, 3);
        Parameters start = NnFixtures.randomParameters(c, 0.3, 71);
        Batch batch = NnFixtures.randomBatch(new int[] {4, 8, 2}, 6, 3, 72);
        for (Adam adam : new Adam[] {Adam.book(), new Adam(0.01, 0.8, 0.99, 1e-8, 0.5, 0.1, 0.02)}) {
            Parameters byHand = start.copy();
            double[][] s = Parameters.zeros(c).tensors(), t = Parameters.zeros(c).tensors();
            Model a = NnFixtures.model(start.copy()), b = NnFixtures.model(start.copy());
            try (Float32Engine one = new Float32Engine(2, path); Float32Engine two = new Float32Engine(2, path)) {
                for (int n = 1; n <= 3; n++) {
                    Gradients g = reference.gradients(NnFixtures.model(byHand.copy()), batch, false);
                    StepResult ra = one.trainStep(a, batch, adam), rb = two.trainStep(b, batch, adam);
                    assertEquals(ra, rb, "step " + n);
                    assertEquals(g.loss(), ra.loss(), TOLERANCE * g.loss(), "step " + n + " loss");
                    assertEquals(g.accuracy(), ra.accuracy(), "step " + n + " accuracy");
                    adamStep(byHand.tensors(), g.tensors(), s, t, n, adam);
                }
            }
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(a.params().tensors()[k], b.params().tensors()[k], 0, Parameters.NAMES[k] + " repeated");
                double[] want = byHand.tensors()[k], got = a.params().tensors()[k];
                // each step moves a weight by about lr; float32 gradients may move it 1e-3 of that differently
                for (int j = 0; j < want.length; j++)
                    assertEquals(want[j], got[j], 1e-3 * adam.learningRate(), Parameters.NAMES[k] + "[" + j + "] " + adam);
            }
        }
    }

    /** θ -= lr·(ŝ / (sqrt(t̂) + ε) + l2·θ + l1·sign(θ)) for step n, the decays on W and Wo only, g first clipped. */
    private static void adamStep(double[][] theta, double[][] g, double[][] s, double[][] t, int n, Adam a) {
        double norm = 0;
        for (double[] gk : g) for (double v : gk) norm += v * v;
        norm = Math.sqrt(norm);
        double scale = a.clipNorm() > 0 && norm > a.clipNorm() ? a.clipNorm() / norm : 1;
        for (int k = 0; k < theta.length; k++) {
            boolean weights = Parameters.NAMES[k].equals("W") || Parameters.NAMES[k].equals("Wo");
            for (int j = 0; j < theta[k].length; j++) {
                double gj = g[k][j] * scale;
                s[k][j] = a.beta1() * s[k][j] + (1 - a.beta1()) * gj;
                t[k][j] = a.beta2() * t[k][j] + (1 - a.beta2()) * gj * gj;
                double sHat = s[k][j] / (1 - Math.pow(a.beta1(), n)), tHat = t[k][j] / (1 - Math.pow(a.beta2(), n));
                double delta = sHat / (Math.sqrt(tHat) + a.epsilon());
                if (weights) delta += a.l2() * theta[k][j] + a.l1() * Math.signum(theta[k][j]);
                theta[k][j] -= a.learningRate() * delta;
            }
        }
    }

    @Test
    void sharesBalanceStepsAndKeepEverySequenceOnce() {
        Batch batch = NnFixtures.randomBatch(new int[] {5, 9, 1, 9, 4}, 2, 2, 81);
        int[][] shares = Float32Engine.shares(batch, new int[] {0, 1, 2, 3, 4}, 2);
        assertArrayEquals(new int[] {1, 0}, shares[0]); // lengths 9 + 5
        assertArrayEquals(new int[] {3, 4, 2}, shares[1]); // 9 + 4 + 1
        assertEquals(1, Float32Engine.shares(batch, new int[] {2}, 2).length);
    }
}
