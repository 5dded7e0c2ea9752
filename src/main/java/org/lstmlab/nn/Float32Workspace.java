package org.lstmlab.nn;

import org.lstmlab.data.Batch;
import java.util.Arrays;

/**
 * One thread's share of a batch and the buffers for it, reused from call to call. The share's sequences are
 * sorted longest first, so the sequences still running at step t are rows 0..n_t−1, and only valid steps are
 * stored: packed row offset[t] + r is step t of sequence r. Row z = [x_t, h_{t−1}] as in the book.
 */
final class Float32Workspace {
    private final Kernels k;
    private ModelConfig config;
    private int F, H, GH, size, steps, rows;
    /** Batch indices of the share, longest first, and their lengths. */
    private int[] samples = new int[0], lengths = new int[0];
    /** active[t] = n_t, the sequences still running at step t (active[steps] = 0); offset[t] = first row of step t. */
    private int[] active = new int[1], offset = new int[1];
    /** Packed rows: z_t; pre-activations, later G_a; activations (f, i, o, g or h); c_t and tanh(c_t) (LSTM). */
    private float[][] z, a, act, c, tanhC;
    /** Per sequence: the carried G_h, G_c (two buffers, in and out), and the output at its last step. */
    private float[][] gH, gC, gCNext, out;
    private float[] zeros;
    /** This share's gradient of W (padded rows) and b after {@link #backward}. */
    float[][] dW;
    float[] db;

    Float32Workspace(Kernels kernels) { this.k = kernels; }

    /** Takes the given sequences of the batch and packs their valid steps. */
    void load(Batch batch, int[] indices, ModelConfig config) {
        shape(config);
        sortLongestFirst(batch, indices);
        steps = lengths[0];
        if (active.length < steps + 1) {
            active = new int[steps + 1];
            offset = new int[steps + 1];
        }
        rows = 0;
        for (int t = 0, n = size; t <= steps; t++) {
            while (n > 0 && lengths[n - 1] <= t) n--;
            active[t] = n;
            offset[t] = rows;
            rows += n;
        }
        reserveRows(rows);
        for (int t = 0; t < steps; t++)
            for (int r = 0; r < active[t]; r++)
                System.arraycopy(batch.x(), batch.offset(samples[r], t), z[offset[t] + r], 0, F);
        for (int r = 0; r < size; r++) Arrays.fill(z[r], F, F + H, 0f);
    }

    /** Forward over every valid step; writes each sequence's output (h, or c for LSTM_STATE) into outputs. */
    void forward(Float32Weights w, double[][] outputs) {
        for (int n = 0; n < rows; n++) System.arraycopy(w.b, 0, a[n], 0, w.b.length);
        k.multiply(z, 0, 0, rows, F, w.w, 0, a, 0, GH);
        for (int t = 0; t < steps; t++) {
            int n0 = offset[t], m = active[t];
            if (t > 0) k.multiply(z, n0, F, m, H, w.w, F, a, n0, GH);
            for (int r = 0; r < m; r++) {
                boolean continues = r < active[t + 1];
                float[] h = continues ? z[offset[t + 1] + r] : out[r];
                int hAt = continues ? F : 0;
                if (config.cell().isLstm()) {
                    k.lstmForward(a[n0 + r], cPrev(t, r), act[n0 + r], c[n0 + r], tanhC[n0 + r], h, hAt, H);
                    if (!continues && config.cell() == CellType.LSTM_STATE) System.arraycopy(c[n0 + r], 0, out[r], 0, H);
                } else {
                    k.reluForward(a[n0 + r], act[n0 + r], H);
                    System.arraycopy(act[n0 + r], 0, h, hAt, H);
                }
            }
        }
        for (int r = 0; r < size; r++)
            for (int j = 0; j < H; j++) outputs[samples[r]][j] = out[r][j];
    }

    /**
     * BPTT over every valid step for dL/d(output) = gOut (rows of the whole batch), leaving this share's dW and db.
     * If normSquares is not null, entry t receives this share's Σ G_h² at step t after injection.
     */
    void backward(Float32Weights w, double[][] gOut, double[] normSquares) {
        for (int r = 0; r < size; r++) {
            Arrays.fill(gH[r], 0f);
            Arrays.fill(gC[r], 0f);
            Arrays.fill(gCNext[r], 0f);
        }
        float[][] G_c = gC, G_cPrev = gCNext;
        for (int t = steps - 1; t >= 0; t--) {
            int n0 = offset[t], m = active[t];
            float[][] injectInto = config.cell() == CellType.LSTM_STATE ? G_c : gH;
            for (int r = active[t + 1]; r < m; r++)
                for (int j = 0; j < H; j++) injectInto[r][j] += (float) gOut[samples[r]][j];
            if (normSquares != null) normSquares[t] += k.sumOfSquares(gH, m, H);
            for (int r = 0; r < m; r++) {
                if (config.cell().isLstm())
                    k.lstmBackward(act[n0 + r], tanhC[n0 + r], cPrev(t, r), gH[r], G_c[r], G_cPrev[r], a[n0 + r], H);
                else k.reluBackward(act[n0 + r], gH[r], a[n0 + r], H);
                Arrays.fill(gH[r], 0f);
            }
            k.multiply(a, n0, 0, m, GH, w.whT, 0, gH, 0, H);
            float[][] swap = G_c;
            G_c = G_cPrev;
            G_cPrev = swap;
        }
        for (float[] row : dW) Arrays.fill(row, 0f);
        Arrays.fill(db, 0f);
        k.multiplyTransposed(z, 0, 0, rows, F + H, a, 0, dW, 0, GH);
        k.addRows(a, 0, rows, db, GH);
    }

    private float[] cPrev(int t, int r) { return t == 0 ? zeros : c[offset[t - 1] + r]; }

    private void sortLongestFirst(Batch batch, int[] indices) {
        size = indices.length;
        if (samples.length < size) {
            samples = new int[size];
            lengths = new int[size];
        }
        for (int q = 0; q < size; q++) {
            int idx = indices[q], len = batch.lengths()[idx], p = q;
            for (; p > 0 && lengths[p - 1] < len; p--) {
                samples[p] = samples[p - 1];
                lengths[p] = lengths[p - 1];
            }
            samples[p] = idx;
            lengths[p] = len;
        }
        if (gH == null || gH.length < size) {
            gH = new float[size][Kernels.paddedWidth(H)];
            gC = new float[size][Kernels.paddedWidth(H)];
            gCNext = new float[size][Kernels.paddedWidth(H)];
            out = new float[size][Kernels.paddedWidth(H)];
        }
    }

    private void shape(ModelConfig cfg) {
        if (cfg.equals(config)) return;
        if (cfg.cell() == CellType.GRU)
            throw new IllegalArgumentException("the float32 engine has no GRU yet: use --engine reference");
        config = cfg;
        F = cfg.inputs();
        H = cfg.hidden();
        GH = cfg.gateWidth();
        z = a = act = c = tanhC = gH = gC = gCNext = out = null;
        zeros = new float[Kernels.paddedWidth(H)];
        dW = new float[F + H][Kernels.paddedWidth(GH)];
        db = new float[Kernels.paddedWidth(GH)];
    }

    private void reserveRows(int need) {
        if (z != null && z.length >= need) return;
        int cap = Math.max(need, z == null ? 0 : z.length * 5 / 4);
        z = new float[cap][Kernels.paddedWidth(F + H)];
        a = new float[cap][Kernels.paddedWidth(GH)];
        act = new float[cap][Kernels.paddedWidth(GH)];
        if (config.cell().isLstm()) {
            c = new float[cap][Kernels.paddedWidth(H)];
            tanhC = new float[cap][Kernels.paddedWidth(H)];
        }
    }
}
