package org.lstmlab.onnx;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Float32Engine;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.nn.StepResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.onnx.OnnxFixtures.relativeError;

/**
 * The ORT graphs against both Java engines (float64 ReferenceEngine, float32 Float32Engine): same weights and batch,
 * same loss, gradients and training steps within 1e-4 relative.
 */
class OrtEngineTest {
    static final double TOL = 1e-4;
    static final OrtEngine ORT = new OrtEngine(OrtDevice.CPU, 1);
    static final Engine REF = new ReferenceEngine(), FAST = new Float32Engine(1);
    static final int[] LENGTHS = {9, 3, 6, 1, 9, 4};

    @AfterAll static void close() {
        ORT.close();
        FAST.close();
    }

    static ModelConfig config(CellType cell) { return new ModelConfig(cell, 7, 5, 4); }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void gradientsMatchBothJavaEngines(CellType cell) {
        for (Engine java : new Engine[] {REF, FAST}) assertSameGradients(cell, java);
    }

    private static void assertSameGradients(CellType cell, Engine java) {
        Model m = OnnxFixtures.model(config(cell), 11);
        Batch b = OnnxFixtures.batch(m.config(), LENGTHS, 12);
        Gradients ort = ORT.gradients(m, b, true), ref = java.gradients(m, b, true);
        assertEquals(ref.loss(), ort.loss(), TOL * ref.loss());
        assertEquals(ref.correct(), ort.correct());
        double[][] o = ort.tensors(), r = ref.tensors();
        for (int k = 0; k < 4; k++)
            assertTrue(relativeError(o[k], r[k]) < TOL, java.kind().id() + ": " + Parameters.NAMES[k] + " off by "
                    + relativeError(o[k], r[k]));
        assertTrue(relativeError(ort.hiddenGradNorms(), ref.hiddenGradNorms()) < TOL);
        assertTrue(ref.norm() > 1e-3, "fixture must carry gradient");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void logitsMatchAndIgnorePaddedSteps(CellType cell) {
        Model m = OnnxFixtures.model(config(cell), 21);
        Batch b = OnnxFixtures.batch(m.config(), LENGTHS, 22);
        float[][] ort = ORT.logits(m, b), ref = REF.logits(m, b);
        for (int i = 0; i < b.size(); i++) assertArrayEquals(ref[i], ort[i], 1e-5f);
        // the same sample alone, unpadded, gives the same row: output is read at the last valid step
        Batch single = OnnxFixtures.batch(m.config(), new int[] {LENGTHS[1]}, 99);
        float[] xs = new float[LENGTHS[1] * b.features()];
        System.arraycopy(b.x(), b.offset(1, 0), xs, 0, xs.length);
        Batch alone = new Batch(1, LENGTHS[1], b.features(), new int[] {LENGTHS[1]}, xs, single.labels());
        assertArrayEquals(ort[1], ORT.logits(m, alone)[0], 1e-6f);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void trainingStepsMatchBothJavaEngines(CellType cell) {
        for (Engine java : new Engine[] {REF, FAST}) assertSameTraining(cell, Adam.book().withLearningRate(0.01), 1, java);
    }

    /** Protocol §9: the decays in the graph's update and the same dropout masks as the Java engines. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void regularisedTrainingMatchesBothJavaEngines(CellType cell) {
        Adam adam = Adam.book().withLearningRate(0.01).withDecay(0.5, 0.05);
        for (Engine java : new Engine[] {REF, FAST}) assertSameTraining(cell, adam, 0.6, java);
    }

    @Test
    void dropoutGradientsMatchTheReferenceEngine() {
        Model m = OnnxFixtures.model(config(CellType.LSTM_STATE), 41);
        Batch b = OnnxFixtures.batch(m.config(), LENGTHS, 42);
        Dropout mask = Dropout.draw(0.5, LENGTHS.length, m.config().hidden(), new java.util.Random(43));
        Gradients ort = ORT.gradients(m, b, mask, false), ref = REF.gradients(m, b, mask, false);
        assertNotEquals(REF.gradients(m, b, false).loss(), ref.loss(), "the mask must matter");
        assertEquals(ref.loss(), ort.loss(), TOL * ref.loss());
        double[][] o = ort.tensors(), r = ref.tensors();
        for (int k = 0; k < 4; k++) assertTrue(relativeError(o[k], r[k]) < TOL, Parameters.NAMES[k]);
    }

    @Test
    void clippedTrainingMatchesBothJavaEngines() {
        Adam adam = Adam.book().withLearningRate(0.01).withClipNorm(0.05);
        Model m = OnnxFixtures.model(config(CellType.LSTM), 31);
        assertTrue(REF.gradients(m, OnnxFixtures.batch(m.config(), LENGTHS, 300), false).norm() > 0.05,
                "clipping must be active in this fixture");
        for (Engine java : new Engine[] {REF, FAST}) assertSameTraining(CellType.LSTM, adam, 1, java);
    }

    private static void assertSameTraining(CellType cell, Adam adam, double keepProb, Engine java) {
        java.util.Random masks = new java.util.Random(7);
        Model ort = OnnxFixtures.model(config(cell), 31), ref = OnnxFixtures.model(config(cell), 31);
        double[] start = ort.params().w.clone();
        for (int step = 0; step < 5; step++) {
            Batch b = OnnxFixtures.batch(ort.config(), LENGTHS, 300 + step);
            Dropout d = keepProb < 1 ? Dropout.draw(keepProb, LENGTHS.length, ort.config().hidden(), masks) : Dropout.NONE;
            StepResult so = ORT.trainStep(ort, b, adam, d), sr = java.trainStep(ref, b, adam, d);
            assertEquals(sr.loss(), so.loss(), TOL * sr.loss(), "loss at step " + step);
            assertEquals(sr.accuracy(), so.accuracy(), 1e-12, "accuracy at step " + step);
        }
        double[][] po = ort.params().tensors(), pr = ref.params().tensors();
        for (int k = 0; k < 4; k++) {
            assertTrue(relativeError(po[k], pr[k]) < TOL, java.kind().id() + ": " + Parameters.NAMES[k] + " off by "
                    + relativeError(po[k], pr[k]));
            assertTrue(relativeError(ort.adam().s[k], ref.adam().s[k]) < TOL, "s of " + Parameters.NAMES[k]);
            assertTrue(relativeError(ort.adam().t[k], ref.adam().t[k]) < 1e-3, "t of " + Parameters.NAMES[k]);
        }
        assertArrayEquals(ref.adam().n, ort.adam().n);
        assertNotEquals(start[0], ort.params().w[0], "training must move the weights");
    }
}
