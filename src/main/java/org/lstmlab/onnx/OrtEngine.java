package org.lstmlab.onnx;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.AdamState;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.nn.StepResult;
import org.lstmlab.onnx.TrainingGraph.Kind;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link Engine} that runs each minibatch as one ONNX Runtime graph (see {@link TrainingGraph}): float32, book
 * semantics. Batch size and steps are symbolic in the graphs, so there is one session per (network shape, kind),
 * created on first use and cached. The float64 masters in {@link Model#params()} and {@link Model#adam()} are
 * overwritten with the graph's new parameters and Adam state after every step.
 */
public final class OrtEngine implements Engine {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession.SessionOptions options;
    private final OrtDevice device;
    private final int threads;
    private final Map<Key, OrtSession> sessions = new ConcurrentHashMap<>();

    private record Key(ModelConfig config, Kind kind) {}

    public OrtEngine(OrtDevice device, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        try {
            OrtDevice.Resolved r = device.options(threads);
            this.options = r.options();
            this.device = r.device();
            this.threads = threads;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime session options: " + e.getMessage(), e);
        }
    }

    /** The device sessions actually run on (CPU after a CUDA fallback). */
    public OrtDevice device() { return device; }

    /** ONNX Runtime's intra-op threads. */
    @Override public int threads() { return threads; }

    @Override public EngineKind kind() { return EngineKind.ORT; }

    @Override public Gradients gradients(Model model, Batch batch, Dropout dropout, boolean withHiddenGradNorms) {
        try (Feeds feeds = batchFeeds(model, batch, dropout); OrtSession.Result r = run(model, Kind.GRADIENTS, feeds)) {
            double[][] grads = Parameters.zeros(model.config()).tensors();
            for (int k = 0; k < 4; k++) copy(r, TrainingGraph.gradName(k), grads[k]);
            double[] norms = withHiddenGradNorms ? new double[batch.steps()] : null;
            if (norms != null) copy(r, TrainingGraph.HIDDEN_NORMS, norms);
            return new Gradients(scalar(r, TrainingGraph.LOSS), correct(r), batch.size(),
                    grads[0], grads[1], grads[2], grads[3], norms);
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    @Override public StepResult trainStep(Model model, Batch batch, Adam adam, Dropout dropout) {
        AdamState state = model.adam();
        try (Feeds feeds = batchFeeds(model, batch, dropout)) {
            for (int k = 0; k < 4; k++) {
                feeds.put(TrainingGraph.moment("s", k), state.s[k], TrainingGraph.shape(model.config(), k));
                feeds.put(TrainingGraph.moment("t", k), state.t[k], TrainingGraph.shape(model.config(), k));
            }
            feeds.put(TrainingGraph.N, longs(state.n));
            double[] hyper = {adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon(), adam.clipNorm(), adam.l2(), adam.l1()};
            feeds.put(TrainingGraph.HYPER, OnnxTensor.createTensor(env, DoubleBuffer.wrap(hyper), new long[] {hyper.length}));
            try (OrtSession.Result r = run(model, Kind.STEP, feeds)) {
                double[][] theta = model.params().tensors();
                for (int k = 0; k < 4; k++) {
                    copy(r, TrainingGraph.newName(Parameters.NAMES[k]), theta[k]);
                    copy(r, TrainingGraph.newName(TrainingGraph.moment("s", k)), state.s[k]);
                    copy(r, TrainingGraph.newName(TrainingGraph.moment("t", k)), state.t[k]);
                }
                LongBuffer nNew = ((OnnxTensor) r.get(TrainingGraph.newName(TrainingGraph.N)).orElseThrow())
                        .getLongBuffer();
                for (int k = 0; k < 4; k++) state.n[k] = Math.toIntExact(nNew.get(k));
                return new StepResult(scalar(r, TrainingGraph.LOSS), (double) correct(r) / batch.size());
            }
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    @Override public float[][] logits(Model model, Batch batch) {
        try (Feeds feeds = batchFeeds(model, batch, null); OrtSession.Result r = run(model, Kind.LOGITS, feeds)) {
            return (float[][]) r.get(TrainingGraph.LOGITS).orElseThrow().getValue();
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    @Override public void close() {
        for (OrtSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // closing is best effort; the native memory goes with the process anyway
            }
        }
        sessions.clear();
        options.close();
    }

    // ---- sessions and tensors --------------------------------------------------------------------------------

    private OrtSession.Result run(Model model, Kind kind, Feeds feeds) throws OrtException {
        return session(model.config(), kind).run(feeds.tensors);
    }

    private OrtSession session(ModelConfig config, Kind kind) {
        return sessions.computeIfAbsent(new Key(config, kind), key -> {
            try {
                return env.createSession(TrainingGraph.build(config, kind), options);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime rejected the " + kind + " graph for " + config
                        + ": " + e.getMessage(), e);
            }
        });
    }

    /** x, lengths and the parameters; for training graphs (dropout not null) also labels and the dropout scales. */
    private Feeds batchFeeds(Model model, Batch batch, Dropout dropout) throws OrtException {
        ModelConfig c = model.config();
        if (batch.features() != c.inputs())
            throw new IllegalArgumentException("batch has " + batch.features() + " features, the model expects "
                    + c.inputs());
        Feeds feeds = new Feeds();
        try {
            feeds.put(TrainingGraph.X, OnnxTensor.createTensor(env, FloatBuffer.wrap(batch.x()),
                    new long[] {batch.size(), batch.steps(), batch.features()}));
            feeds.put(TrainingGraph.LENGTHS, longs(batch.lengths()));
            if (dropout != null) {
                for (int label : batch.labels())
                    if (label < 0 || label >= c.classes())
                        throw new IllegalArgumentException("label " + label + " outside 0.." + (c.classes() - 1));
                feeds.put(TrainingGraph.LABELS, longs(batch.labels()));
                feeds.put(TrainingGraph.KEEP, OnnxTensor.createTensor(env, FloatBuffer.wrap(dropout.scales(batch.size(), c.hidden())),
                        new long[] {batch.size(), c.hidden()}));
            }
            double[][] theta = model.params().tensors();
            for (int k = 0; k < 4; k++) feeds.put(Parameters.NAMES[k], theta[k], TrainingGraph.shape(c, k));
            return feeds;
        } catch (OrtException | RuntimeException e) {
            feeds.close();
            throw e;
        }
    }

    private OnnxTensor longs(int[] values) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(Arrays.stream(values).asLongStream().toArray()), new long[] {values.length});
    }

    private static void copy(OrtSession.Result r, String name, double[] into) {
        FloatBuffer fb = ((OnnxTensor) r.get(name).orElseThrow()).getFloatBuffer();
        if (fb.remaining() != into.length)
            throw new IllegalStateException("ORT output " + name + " has " + fb.remaining() + " values, expected " + into.length);
        for (int j = 0; j < into.length; j++) into[j] = fb.get(j);
    }

    private static double scalar(OrtSession.Result r, String name) {
        return ((OnnxTensor) r.get(name).orElseThrow()).getFloatBuffer().get(0);
    }

    private static int correct(OrtSession.Result r) {
        return Math.toIntExact(((OnnxTensor) r.get(TrainingGraph.CORRECT).orElseThrow()).getLongBuffer().get(0));
    }

    private static RuntimeException failure(OrtException e) {
        return new IllegalStateException("ONNX Runtime training step failed: " + e.getMessage(), e);
    }

    /** The input tensors of one run, closed together. */
    private final class Feeds implements AutoCloseable {
        final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();

        void put(String name, OnnxTensor t) { tensors.put(name, t); }

        void put(String name, double[] values, long[] shape) throws OrtException {
            put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(OnnxExport.floats(values)), shape));
        }

        @Override public void close() { tensors.values().forEach(OnnxTensor::close); }
    }
}
