package org.lstmlab.nn;

import org.lstmlab.data.Batch;
import org.lstmlab.data.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * The float32 engine: the same model as {@link ReferenceEngine}, computed only on valid steps, with the input
 * projection of every step done as one matrix product and the batch optionally split across threads
 * ({@link Parallel}: share s always runs on workspace s, so the split does not depend on timing).
 * Loss, head and the gradient to the outputs are computed in float64 ({@link SoftmaxHead}); results agree with the
 * reference within about 1e-4 relative. One call at a time (calls are serialised).
 */
public final class Float32Engine implements Engine {
    /** Inference splits big batches (a whole test set) into chunks of this many sequences to bound memory. */
    private static final int LOGITS_CHUNK = 64;

    private final Kernels kernels;
    private final Float32Workspace[] workspaces;

    /** One thread, kernels chosen at run time. */
    public Float32Engine() { this(1); }

    public Float32Engine(int threads) { this(threads, KernelPath.AUTO); }

    public Float32Engine(int threads, KernelPath path) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        kernels = Kernels.of(path);
        workspaces = new Float32Workspace[threads];
        for (int s = 0; s < threads; s++) workspaces[s] = new Float32Workspace(kernels);
    }

    @Override
    public EngineKind kind() { return EngineKind.FLOAT32; }

    /** The kernels actually in use (VECTOR or SCALAR). */
    public KernelPath kernelPath() { return kernels.path(); }

    @Override public int threads() { return workspaces.length; }

    @Override
    public synchronized Gradients gradients(Model model, Batch batch, Dropout dropout, boolean withHiddenGradNorms) {
        ModelConfig cfg = model.config();
        checkFeatures(cfg, batch);
        Parameters p = model.params();
        Float32Weights w = new Float32Weights(p);
        int[][] shares = shares(batch, allOf(batch.size()), workspaces.length);
        double[][] outputs = new double[batch.size()][cfg.hidden()];
        Parallel.forEach(shares.length, shares.length, s -> {
            workspaces[s].load(batch, shares[s], cfg);
            workspaces[s].forward(w, outputs);
        });
        SoftmaxHead.Backward head = SoftmaxHead.backward(p, outputs, SoftmaxHead.oneHot(batch.labels(), cfg.classes()), dropout);
        double[][] normSquares = new double[shares.length][];
        Parallel.forEach(shares.length, shares.length, s -> {
            normSquares[s] = withHiddenGradNorms ? new double[ReferenceBatch.longest(batch.lengths())] : null;
            workspaces[s].backward(w, head.gOut(), normSquares[s]);
        });
        double[] dW = new double[p.w.length], db = new double[p.b.length];
        for (int s = 0; s < shares.length; s++) {
            Float32Workspace ws = workspaces[s];
            for (int k = 0; k < cfg.zWidth(); k++)
                for (int j = 0; j < cfg.gateWidth(); j++) dW[k * cfg.gateWidth() + j] += ws.dW[k][j];
            for (int j = 0; j < db.length; j++) db[j] += ws.db[j];
        }
        return new Gradients(head.loss(), head.correct(), batch.size(), dW, db, head.dWo(), head.dbo(),
                withHiddenGradNorms ? norms(normSquares, ReferenceBatch.longest(batch.lengths())) : null);
    }

    @Override
    public synchronized float[][] logits(Model model, Batch batch) {
        ModelConfig cfg = model.config();
        checkFeatures(cfg, batch);
        Float32Weights w = new Float32Weights(model.params());
        double[][] outputs = new double[batch.size()][cfg.hidden()];
        for (int from = 0; from < batch.size(); from += LOGITS_CHUNK) {
            int[] chunk = new int[Math.min(LOGITS_CHUNK, batch.size() - from)];
            for (int q = 0; q < chunk.length; q++) chunk[q] = from + q;
            int[][] shares = shares(batch, chunk, workspaces.length);
            Parallel.forEach(shares.length, shares.length, s -> {
                workspaces[s].load(batch, shares[s], cfg);
                workspaces[s].forward(w, outputs);
            });
        }
        double[][] logits = SoftmaxHead.logits(model.params(), outputs);
        float[][] out = new float[logits.length][cfg.classes()];
        for (int r = 0; r < logits.length; r++)
            for (int k = 0; k < cfg.classes(); k++) out[r][k] = (float) logits[r][k];
        return out;
    }

    /**
     * Deals the sequences, longest first, to the share with the fewest steps so far; at most one share per
     * thread and none empty. Deterministic, so results do not depend on timing.
     */
    static int[][] shares(Batch batch, int[] indices, int threads) {
        int n = Math.min(threads, indices.length);
        Integer[] order = new Integer[indices.length];
        for (int q = 0; q < order.length; q++) order[q] = indices[q];
        java.util.Arrays.sort(order, (x, y) -> batch.lengths()[y] != batch.lengths()[x]
                ? Integer.compare(batch.lengths()[y], batch.lengths()[x]) : Integer.compare(x, y));
        List<List<Integer>> parts = new ArrayList<>();
        long[] load = new long[n];
        for (int s = 0; s < n; s++) parts.add(new ArrayList<>());
        for (int idx : order) {
            int best = 0;
            for (int s = 1; s < n; s++) if (load[s] < load[best]) best = s;
            parts.get(best).add(idx);
            load[best] += batch.lengths()[idx];
        }
        int[][] out = new int[n][];
        for (int s = 0; s < n; s++) out[s] = parts.get(s).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    private static double[] norms(double[][] normSquares, int steps) {
        double[] norms = new double[steps];
        for (int t = 0; t < steps; t++) {
            double s = 0;
            for (double[] share : normSquares) s += share[t];
            norms[t] = Math.sqrt(s);
        }
        return norms;
    }

    private static int[] allOf(int n) {
        int[] all = new int[n];
        for (int q = 0; q < n; q++) all[q] = q;
        return all;
    }

    private static void checkFeatures(ModelConfig cfg, Batch batch) {
        if (batch.features() != cfg.inputs())
            throw new IllegalArgumentException("batch has " + batch.features() + " features, the model expects " + cfg.inputs());
    }
}
