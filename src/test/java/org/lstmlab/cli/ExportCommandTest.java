package org.lstmlab.cli;

import org.lstmlab.data.Batch;
import org.lstmlab.data.DataSource;
import org.lstmlab.data.DatasetLayout;
import org.lstmlab.data.SplitConfig;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Argmax;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.onnx.OrtClassifier;
import org.lstmlab.recipe.Versions;
import org.lstmlab.train.History;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Recipe;
import org.lstmlab.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCommandTest {
    @TempDir Path dir;

    @Test
    void exportsAModelFileThatOrtRunsLikeTheJavaEngine() throws Exception {
        ModelConfig c = new ModelConfig(CellType.LSTM_STATE, 6, 4, 3);
        FeatureConfig params = FeatureConfig.book(10, 10);
        Recipe recipe = new Recipe(new DataSource("memory", DatasetLayout.KAGGLE, "x"), List.of("a", "b", "c"), SplitConfig.book(1),
                params, TrainConfig.book(CellType.LSTM_STATE).withHidden(4), null, Versions.current(), 0, List.of(), null);
        Model m = Model.init(c, new Random(3));
        ModelFile.save(dir.resolve("state.model"), m, recipe, History.empty());

        assertEquals(0, Main.commandLine().execute("export", dir.resolve("state.model").toString()));
        Path onnx = dir.resolve("state.onnx");
        assertTrue(Files.size(onnx) > 0);

        Random rng = new Random(4);
        float[] x = new float[2 * 5 * 6];
        for (int k = 0; k < x.length; k++) x[k] = (float) rng.nextGaussian();
        for (int k = 3 * 6; k < 5 * 6; k++) x[k] = 0;   // first row has 3 valid steps
        Batch batch = new Batch(2, 5, 6, new int[] {3, 5}, x, new int[] {0, 1});
        try (OrtClassifier ort = OrtClassifier.open(onnx, params)) {
            assertEquals(List.of("a", "b", "c"), ort.classNames());
            float[][] p = ort.probabilities(batch);
            float[][] logits = new ReferenceEngine().logits(m, batch);
            for (int r = 0; r < 2; r++) assertEquals(Argmax.of(logits[r]), Argmax.of(p[r]), "row " + r);
            assertNotEquals(p[0][0], p[1][0]);
        }
        Path junk = Files.writeString(dir.resolve("junk.model"), "not a model");
        var err = new java.io.StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(2, cl.execute("export", junk.toString()));
        assertTrue(err.toString().startsWith("export: ") && err.toString().contains("junk.model"), err.toString());
    }
}
