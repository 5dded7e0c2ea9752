package org.lstmlab.onnx;

import org.lstmlab.data.Batch;
import org.lstmlab.data.DataSource;
import org.lstmlab.data.DatasetLayout;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.SplitConfig;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Argmax;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.EngineConfig;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.recipe.Versions;
import org.lstmlab.train.Recipe;
import org.lstmlab.train.TrainConfig;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exported models run by ORT's own RNN/LSTM ops agree with the Java engine; bad files get clear errors. */
class OnnxExportTest {
    static final FeatureConfig PARAMS = FeatureConfig.book(10, 100);
    static final List<String> CLASSES = List.of("siren", "jackhammer", "dog_bark", "drilling");
    static final DataSource DATA = new DataSource("memory", DatasetLayout.KAGGLE, "test");
    /** What a trained model's recipe holds: the export takes class names and features from it, and embeds it whole. */
    static final Recipe RECIPE = new Recipe(DATA, CLASSES, SplitConfig.book(5), PARAMS, TrainConfig.book().withSeed(5),
            new EngineConfig(EngineKind.REFERENCE, 1), Versions.current(), 0, List.of(), null);

    @TempDir Path dir;

    static ModelConfig config(CellType cell) { return new ModelConfig(cell, 7, 5, CLASSES.size()); }

    /** 50 sequences of lengths 1..12 packed to 12 steps. */
    static PackedSequences testSet(ModelConfig c, long seed) {
        Random rng = new Random(seed);
        int n = 50, steps = 12;
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) lengths[i] = 1 + rng.nextInt(steps);
        Batch b = OnnxFixtures.batch(c, lengths, seed);
        float[] x = new float[n * steps * c.inputs()];
        for (int i = 0; i < n; i++)
            System.arraycopy(b.x(), b.offset(i, 0), x, i * steps * c.inputs(), lengths[i] * c.inputs());
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) paths.add("clip" + i + ".wav");
        return new PackedSequences(PARAMS, c.inputs(), steps, lengths, x, b.labels(), CLASSES, paths, DATA);
    }

    private Path export(Model m) {
        Path f = dir.resolve(m.config().cell().bookName() + ".onnx");
        OnnxExport.write(m, RECIPE, f);
        return f;
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void ortInferenceMatchesTheJavaEngineOnEverySample(CellType cell) {
        Model m = OnnxFixtures.model(config(cell), 5);
        PackedSequences data = testSet(m.config(), 6);
        int[] all = IntStream.range(0, data.size()).toArray();
        float[][] java = new ReferenceEngine().logits(m, data.batch(all));
        try (OrtClassifier ort = OrtClassifier.open(export(m), PARAMS, 2)) {
            float[][] p = ort.probabilities(data);
            int[] predicted = ort.predict(data);
            for (int i = 0; i < data.size(); i++) {
                double[] expected = softmax(java[i]);
                for (int k = 0; k < expected.length; k++) assertEquals(expected[k], p[i][k], 1e-4, "row " + i);
                assertEquals(Argmax.of(java[i]), predicted[i], "argmax of row " + i);
            }
            assertEquals(CLASSES, ort.classNames());
            assertEquals(PARAMS, ort.featureParams());
            assertEquals(RECIPE, ort.recipe(), "the recipe travels whole in the ONNX metadata");
        }
    }

    private static double[] softmax(float[] logits) {
        double max = IntStream.range(0, logits.length).mapToDouble(k -> logits[k]).max().orElseThrow();
        double[] e = IntStream.range(0, logits.length).mapToDouble(k -> Math.exp(logits[k] - max)).toArray();
        double sum = DoubleStream.of(e).sum();
        return DoubleStream.of(e).map(v -> v / sum).toArray();
    }

    @Test
    void refusesOtherFeatureParametersNamingBothSets() {
        Path f = export(OnnxFixtures.model(config(CellType.LSTM), 1));
        FeatureConfig other = FeatureConfig.book(10, 10);
        var e = assertThrows(IllegalArgumentException.class, () -> OrtClassifier.open(f, other));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("window_ms=100") && e.getMessage().contains("window_ms=10,"), e.getMessage());
    }

    @Test
    void refusesDataWithAnotherFeatureCount() {
        Path f = export(OnnxFixtures.model(config(CellType.RNN), 1));
        PackedSequences wide = testSet(new ModelConfig(CellType.RNN, 9, 5, CLASSES.size()), 2);
        try (OrtClassifier ort = OrtClassifier.open(f)) {
            var e = assertThrows(IllegalArgumentException.class, () -> ort.probabilities(wide));
            assertTrue(e.getMessage().contains("9 features") && e.getMessage().contains(f.toString()), e.getMessage());
        }
    }

    /**
     * An export of format version 1 (no format_version in its metadata, an untyped recipe), written by {@code export}
     * of the build before the typed recipe from {@code lstm-v2.model}. Version 2 types the recipe, so version 1 is
     * refused by its number rather than by a parse error of its recipe.
     */
    @Test
    void aVersionOneExportIsRefusedByItsVersion() throws Exception {
        Path v1 = Path.of(OnnxExportTest.class.getResource("/models/lstm-v1.onnx").toURI());
        var e = assertThrows(IllegalArgumentException.class, () -> OrtClassifier.open(v1));
        assertEquals("ONNX model " + v1 + ": export format version 1 (no format_version in its metadata) is not supported"
                + " (this build reads 2; version 1 kept an untyped recipe: train the model again and export it)", e.getMessage());
    }

    @Test
    void anExportOfAnotherVersionIsRefusedByItsNumber() throws Exception {
        ModelProto.Builder m = ModelProto.parseFrom(Files.readAllBytes(export(OnnxFixtures.model(config(CellType.GRU), 1)))).toBuilder();
        List<String> keys = m.getMetadataPropsList().stream().map(StringStringEntryProto::getKey).toList();
        m.setMetadataProps(keys.indexOf("format_version"), StringStringEntryProto.newBuilder().setKey("format_version").setValue("3"));
        Path v3 = Files.write(dir.resolve("v3.onnx"), m.build().toByteArray());
        var e = assertThrows(IllegalArgumentException.class, () -> OrtClassifier.open(v3));
        assertEquals("ONNX model " + v3 + ": export format version 3 is not supported (this build reads 2)", e.getMessage());
    }

    @Test
    void truncatedAndNonOnnxFilesAreNamed() throws Exception {
        byte[] good = Files.readAllBytes(export(OnnxFixtures.model(config(CellType.LSTM), 1)));
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(good, good.length / 2));
        Path text = Files.writeString(dir.resolve("notes.onnx"), "this is not a model\n");
        for (Path bad : List.of(truncated, text)) {
            var e = assertThrows(IllegalArgumentException.class, () -> OrtClassifier.open(bad));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        }
        var missing = assertThrows(RuntimeException.class, () -> OrtClassifier.open(dir.resolve("absent.onnx")));
        assertTrue(missing.getMessage().contains("absent.onnx"), missing.getMessage());
    }

    @Test
    void unknownOpIsNamed() throws Exception {
        GraphBuilder g = new GraphBuilder("bad");
        String x = g.input(OnnxExport.FEATURES, GraphBuilder.FLOAT, "batch", "T", 7);
        g.input(OnnxExport.LENGTHS, GraphBuilder.INT32, "batch");
        g.output(OnnxExport.PROBABILITIES, g.op("FrobnicateSequence", new String[] {x}), GraphBuilder.FLOAT, "batch", 4);
        Path f = Files.write(dir.resolve("unknown-op.onnx"), g.toModel(java.util.Map.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> OrtClassifier.open(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("FrobnicateSequence"), e.getMessage());
    }

    @Test
    void wrongInputShapeIsNamed() throws Exception {
        GraphBuilder g = new GraphBuilder("flat");
        String x = g.input(OnnxExport.FEATURES, GraphBuilder.FLOAT, "batch", 7);
        g.input(OnnxExport.LENGTHS, GraphBuilder.INT32, "batch");
        g.output(OnnxExport.PROBABILITIES, g.op("Softmax", new String[] {x}), GraphBuilder.FLOAT, "batch", 7);
        Path f = Files.write(dir.resolve("flat.onnx"), g.toModel(java.util.Map.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> OrtClassifier.open(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("rank-3"), e.getMessage());
    }
}
