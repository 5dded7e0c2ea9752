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
    /**
     * Packed rows: z_t; pre-activations, later G_a (for the GRU: x_t·W_x + b_x, later G_ax); activations (f, i, o, g;
     * z, r, n; or h); c_t and tanh(c_t) (LSTM); h_{t−1}·W_h + b_h, later G_ah (GRU).
     */
    private float[][] z, a, act, c, tanhC, ah;
    /** Per sequence: the carried G_h and G_c (each as two buffers, in and out), and the output at its last step. */
    private float[][] gH, gHNext, gC, gCNext, out;
    /** Zeros as c_0; the GRU kernel's scratch row. */
    private float[] zeros, pre;
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
        boolean gru = config.cell() == CellType.GRU;
        for (int n = 0; n < rows; n++) System.arraycopy(w.b, 0, a[n], 0, GH);
        if (gru) for (int n = 0; n < rows; n++) System.arraycopy(w.bh, 0, ah[n], 0, GH);
        k.multiply(z, 0, 0, rows, F, w.w, 0, a, 0, GH);
        for (int t = 0; t < steps; t++) {
            int n0 = offset[t], m = active[t];
            if (t > 0) k.multiply(z, n0, F, m, H, w.w, F, gru ? ah : a, n0, GH); // h_0 = 0 adds nothing
            for (int r = 0; r < m; r++) {
                boolean continues = r < active[t + 1];
                float[] h = continues ? z[offset[t + 1] + r] : out[r];
                int hAt = continues ? F : 0;
                switch (config.cell()) {
                    case LSTM, LSTM_STATE -> {
                        k.lstmForward(a[n0 + r], cPrev(t, r), act[n0 + r], c[n0 + r], tanhC[n0 + r], h, hAt, H);
                        if (!continues && config.cell() == CellType.LSTM_STATE) System.arraycopy(c[n0 + r], 0, out[r], 0, H);
                    }
                    case GRU -> k.gruForward(a[n0 + r], ah[n0 + r], z[n0 + r], F, pre, act[n0 + r], h, hAt, H);
                    case RNN -> {
                        k.reluForward(a[n0 + r], act[n0 + r], H);
                        System.arraycopy(act[n0 + r], 0, h, hAt, H);
                    }
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
            Arrays.fill(gHNext[r], 0f);
            Arrays.fill(gC[r], 0f);
            Arrays.fill(gCNext[r], 0f);
        }
        float[][] G_h = gH, G_hPrev = gHNext, G_c = gC, G_cPrev = gCNext;
        for (int t = steps - 1; t >= 0; t--) {
            int n0 = offset[t], m = active[t];
            float[][] injectInto = config.cell() == CellType.LSTM_STATE ? G_c : G_h;
            for (int r = active[t + 1]; r < m; r++)
                for (int j = 0; j < H; j++) injectInto[r][j] += (float) gOut[samples[r]][j];
            if (normSquares != null) normSquares[t] += k.sumOfSquares(G_h, m, H);
            for (int r = 0; r < m; r++)
                switch (config.cell()) {
                    case LSTM, LSTM_STATE -> k.lstmBackward(act[n0 + r], tanhC[n0 + r], cPrev(t, r), G_h[r], G_c[r],
                            G_cPrev[r], a[n0 + r], H);
                    case GRU -> k.gruBackward(act[n0 + r], z[n0 + r], F, G_h[r], a[n0 + r], ah[n0 + r], G_hPrev[r], H);
                    case RNN -> k.reluBackward(act[n0 + r], G_h[r], a[n0 + r], H);
                }
            if (config.cell() == CellType.GRU) { // G_h(t−1) = G_h⊙z (written by the kernel) + G_ah·W_hᵀ
                k.multiply(ah, n0, 0, m, GH, w.whT, 0, G_hPrev, 0, H);
                float[][] swap = G_h;
                G_h = G_hPrev;
                G_hPrev = swap;
            } else {
                for (int r = 0; r < m; r++) Arrays.fill(G_h[r], 0f);
                k.multiply(a, n0, 0, m, GH, w.whT, 0, G_h, 0, H);
            }
            float[][] swap = G_c;
            G_c = G_cPrev;
            G_cPrev = swap;
        }
        for (float[] row : dW) Arrays.fill(row, 0f);
        Arrays.fill(db, 0f);
        if (config.cell() == CellType.GRU) {
            k.multiplyTransposed(z, 0, 0, rows, F, a, 0, dW, 0, GH);
            k.multiplyTransposed(z, 0, F, rows, H, ah, 0, dW, F, GH);
            for (int n = 0; n < rows; n++)
                for (int j = 0; j < H; j++) db[GH + j] += ah[n][2 * H + j]; // b_hn
        } else {
            k.multiplyTransposed(z, 0, 0, rows, F + H, a, 0, dW, 0, GH);
        }
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
            gHNext = new float[size][Kernels.paddedWidth(H)];
            gC = new float[size][Kernels.paddedWidth(H)];
            gCNext = new float[size][Kernels.paddedWidth(H)];
            out = new float[size][Kernels.paddedWidth(H)];
        }
    }

    private void shape(ModelConfig cfg) {
        if (cfg.equals(config)) return;
        config = cfg;
        F = cfg.inputs();
        H = cfg.hidden();
        GH = cfg.gateWidth();
        z = a = act = c = tanhC = ah = gH = gHNext = gC = gCNext = out = null;
        zeros = new float[Kernels.paddedWidth(H)];
        pre = new float[Kernels.paddedWidth(GH)];
        dW = new float[F + H][Kernels.paddedWidth(GH)];
        db = new float[Kernels.paddedWidth(cfg.biasWidth())];
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
        if (config.cell() == CellType.GRU) ah = new float[cap][Kernels.paddedWidth(GH)];
    }
}
