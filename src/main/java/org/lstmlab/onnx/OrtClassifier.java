package org.lstmlab.onnx;

import org.lstmlab.data.Batch;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Parallel;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Argmax;
import org.lstmlab.recipe.Json;
import org.lstmlab.train.Recipe;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Inference with a model written by {@link OnnxExport}, through a plain {@link OrtSession}. The file is checked when
 * opened (inputs, outputs, shapes, metadata, and optionally the feature parameters the data were made with).
 * Large sets are cut into chunks of similar lengths (little padding) that run on several threads at once.
 */
public final class OrtClassifier implements AutoCloseable {
    /** Rows per ORT run when evaluating a data set. */
    public static final int CHUNK = 64;

    private final Path file;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final List<String> classNames;
    private final FeatureConfig featureParams;
    private final Recipe recipe;
    private final int features, threads;

    private OrtClassifier(Path file, OrtSession session, int threads) {
        this.file = file;
        this.session = session;
        this.threads = threads;
        try {
            this.features = checkSignature();
            Map<String, String> meta = session.getMetadata().getCustomMetadata();
            checkVersion(meta);
            this.classNames = Json.MAPPER.readValue(required(meta, OnnxExport.META_CLASSES), new TypeReference<>() {});
            this.featureParams = Json.read(required(meta, OnnxExport.META_FEATURES), FeatureConfig.class);
            this.recipe = Recipe.fromJson(required(meta, OnnxExport.META_RECIPE));
            long classes = outputShape()[1];
            if (classes > 0 && classes != classNames.size())
                throw invalid(classNames.size() + " class names in the metadata but " + classes + " outputs");
        } catch (OrtException | IOException | RuntimeException e) {
            close();
            throw e instanceof IllegalArgumentException iae ? iae : invalid(e.getMessage());
        }
    }

    /** Opens an exported model without checking the feature parameters; one thread per core. */
    public static OrtClassifier open(Path file) { return open(file, null, Runtime.getRuntime().availableProcessors()); }

    /** Opens an exported model and refuses it unless it was exported for {@code expected} features. */
    public static OrtClassifier open(Path file, FeatureConfig expected) {
        return open(file, expected, Runtime.getRuntime().availableProcessors());
    }

    public static OrtClassifier open(Path file, FeatureConfig expected, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ONNX model " + file + ": " + e.getMessage(), e);
        }
        OrtSession session;
        try (OrtSession.SessionOptions options = OrtDevice.cpuOptions(1)) {   // parallel chunks instead
            session = OrtEnvironment.getEnvironment().createSession(bytes, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX model " + file + " cannot be loaded by ONNX Runtime: "
                    + e.getMessage(), e);
        }
        OrtClassifier c = new OrtClassifier(file, session, threads);
        if (expected != null && !expected.equals(c.featureParams)) {
            c.close();
            throw new IllegalArgumentException("ONNX model " + file + " was exported for features "
                    + c.featureParams.asMap() + " but the data use " + expected.asMap());
        }
        return c;
    }

    public List<String> classNames() { return classNames; }
    public FeatureConfig featureParams() { return featureParams; }
    public Recipe recipe() { return recipe; }

    /** Class probabilities of one padded batch (the batch's own checks hold its lengths in 1..steps). */
    public float[][] probabilities(Batch batch) {
        int size = batch.size(), steps = batch.steps();
        if (batch.features() != features)
            throw new IllegalArgumentException("expected " + size + " x " + steps + " x " + features
                    + " features and " + size + " lengths for " + file);
        long[] shape = {size, steps, features};
        try (OnnxTensor xs = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch.x()), shape);
             OnnxTensor ls = OnnxTensor.createTensor(env, IntBuffer.wrap(batch.lengths()), new long[] {size});
             OrtSession.Result r = session.run(Map.of(OnnxExport.FEATURES, xs, OnnxExport.LENGTHS, ls),
                     Set.of(OnnxExport.PROBABILITIES))) {
            return (float[][]) r.get(OnnxExport.PROBABILITIES).orElseThrow().getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + file + ": " + e.getMessage(), e);
        }
    }

    /** Probabilities of every row of {@code data}. */
    public float[][] probabilities(PackedSequences data) {
        return probabilities(data, IntStream.range(0, data.size()).toArray());
    }

    /** Probabilities of the given rows, in that order; chunks of similar length run on {@code threads} threads. */
    public float[][] probabilities(PackedSequences data, int[] indices) {
        if (data.features() != features)
            throw new IllegalArgumentException("data have " + data.features() + " features per step, " + file
                    + " expects " + features);
        Integer[] order = IntStream.range(0, indices.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(k -> data.length(indices[k])));
        float[][] out = new float[indices.length][];
        Parallel.forEach((order.length + CHUNK - 1) / CHUNK, threads, c -> {
            Integer[] chunk = Arrays.copyOfRange(order, c * CHUNK, Math.min(order.length, (c + 1) * CHUNK));
            int[] rows = Arrays.stream(chunk).mapToInt(k -> indices[k]).toArray();
            float[][] p = probabilities(data.batch(rows));
            for (int j = 0; j < chunk.length; j++) out[chunk[j]] = p[j];
        });
        return out;
    }

    /** Predicted class index of each row of {@code data}. */
    public int[] predict(PackedSequences data) { return predict(data, IntStream.range(0, data.size()).toArray()); }

    /** Predicted class index of the given rows, in that order. */
    public int[] predict(PackedSequences data, int[] indices) {
        return Arrays.stream(probabilities(data, indices)).mapToInt(Argmax::of).toArray();
    }

    @Override public void close() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // nothing left to release that the process exit would not
        }
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    /** Inputs features float [batch, T, F] and lengths int32 [batch]; output probabilities [batch, classes]. Returns F. */
    private int checkSignature() throws OrtException {
        Map<String, NodeInfo> in = session.getInputInfo();
        if (!in.keySet().equals(Set.of(OnnxExport.FEATURES, OnnxExport.LENGTHS)))
            throw invalid("inputs are " + in.keySet() + ", expected [" + OnnxExport.FEATURES + ", " + OnnxExport.LENGTHS + "]");
        long[] xs = tensor(in, OnnxExport.FEATURES, OnnxJavaType.FLOAT, 3);
        tensor(in, OnnxExport.LENGTHS, OnnxJavaType.INT32, 1);
        if (xs[2] < 1) throw invalid("input " + OnnxExport.FEATURES + " must have a fixed feature count, shape "
                + Arrays.toString(xs));
        outputShape();
        return Math.toIntExact(xs[2]);
    }

    private long[] outputShape() throws OrtException {
        return tensor(session.getOutputInfo(), OnnxExport.PROBABILITIES, OnnxJavaType.FLOAT, 2);
    }

    private long[] tensor(Map<String, NodeInfo> infos, String name, OnnxJavaType type, int rank) {
        NodeInfo n = infos.get(name);
        if (n == null) throw invalid("no " + name + " in " + infos.keySet());
        if (!(n.getInfo() instanceof TensorInfo t) || t.type != type || t.getShape().length != rank)
            throw invalid(name + " is " + n.getInfo() + ", expected a rank-" + rank + " " + type + " tensor");
        return t.getShape();
    }

    /** Refuses an export of another format version by its number; one without a version but with a recipe is version 1. */
    private void checkVersion(Map<String, String> meta) {
        required(meta, OnnxExport.META_RECIPE);
        String found = meta.get(OnnxExport.META_VERSION);
        if (String.valueOf(OnnxExport.FORMAT_VERSION).equals(found)) return;
        throw new IllegalArgumentException("ONNX model " + file + ": export format version " + (found == null
                ? "1 (no " + OnnxExport.META_VERSION + " in its metadata)" : found) + " is not supported (this build reads "
                + OnnxExport.FORMAT_VERSION + (found == null ? "; version 1 kept an untyped recipe: train the model again and export it)" : ")"));
    }

    private String required(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) throw invalid("metadata entry '" + key + "' is missing (not written by lstm-lab export)");
        return v;
    }

    private IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("ONNX model " + file + " is not an lstm-lab classifier: " + why);
    }
}
