package org.lstmlab.onnx;

import org.lstmlab.nn.CellType;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.lstmlab.onnx.GraphBuilder.FLOAT;
import static org.lstmlab.onnx.GraphBuilder.INT64;
import static org.lstmlab.onnx.GraphBuilder.DOUBLE;
import static org.lstmlab.onnx.GraphBuilder.attr;

/**
 * The ORT training graphs, book semantics (protocol §3, §5, §7): a forward Scan over time, output at each sample's last
 * valid step, CE with log(p + 1e-10) averaged over the batch, a reverse Scan for BPTT, dW as one batched product,
 * then Adam with bias correction per tensor. Batch size B and steps T are symbolic, so one graph serves every batch.
 * Training graphs put a dropout layer between the recurrent output and the head (protocol §9.3): the output is
 * multiplied by the input keep (mask/keep_prob, all ones without dropout), and so is the gradient coming back.
 * <p>Inputs: x [B,T,F] float, lengths [B] int64, W b Wo bo; for {@link Kind#GRADIENTS} and {@link Kind#STEP} also
 * labels [B] int64 and keep [B,H] float; for {@link Kind#STEP} also s_W.. t_W.. (Adam moments), n [4] int64 (steps
 * taken per tensor) and hyper [7] double (lr, β1, β2, ε, clip norm, l2 decay, l1 decay).
 */
final class TrainingGraph {
    enum Kind { LOGITS, GRADIENTS, STEP }

    static final String X = "x", LENGTHS = "lengths", LABELS = "labels", KEEP = "keep", N = "n", HYPER = "hyper";
    static final String LOSS = "loss", CORRECT = "correct", LOGITS = "logits", HIDDEN_NORMS = "hidden_grad_norms";

    private final ModelConfig c;
    private final GraphBuilder g = new GraphBuilder("lstm_lab_train");
    private final int gw;
    private final String[] params = new String[4];
    private String xt, wh, bhn, hPrev, mask, batchDim, zeros, last, keep;
    private String[] cache; // per-step values the backward pass reads, each [T,B,H]

    private TrainingGraph(ModelConfig c) {
        this.c = c;
        this.gw = c.gateWidth();
    }

    static byte[] build(ModelConfig c, Kind kind) { return new TrainingGraph(c).make(kind); }

    static String gradName(int k) { return "d" + Parameters.NAMES[k]; }
    static String newName(String tensor) { return tensor + "_new"; }
    static String moment(String m, int k) { return m + "_" + Parameters.NAMES[k]; }

    /** The shape of parameter tensor k (in {@link Parameters#NAMES} order), as graphs declare it and feeds give it. */
    static long[] shape(ModelConfig c, int k) {
        return switch (k) {
            case 0 -> new long[] {c.zWidth(), c.gateWidth()};
            case 1 -> new long[] {c.biasWidth()};
            case 2 -> new long[] {c.hidden(), c.classes()};
            default -> new long[] {c.classes()};
        };
    }

    private Object[] shape(int k) { return Arrays.stream(shape(c, k)).boxed().toArray(); }

    private byte[] make(Kind kind) {
        String x = g.input(X, FLOAT, "B", "T", c.inputs());
        String lengths = g.input(LENGTHS, INT64, "B");
        String labels = kind == Kind.LOGITS ? null : g.input(LABELS, INT64, "B");
        keep = kind == Kind.LOGITS ? null : g.input(KEEP, FLOAT, "B", c.hidden());
        for (int k = 0; k < 4; k++) params[k] = g.input(Parameters.NAMES[k], FLOAT, shape(k));
        String logits = forward(x, lengths);
        if (kind == Kind.LOGITS) {
            g.output(LOGITS, logits, FLOAT, "B", c.classes());
        } else {
            String[] grads = backward(logits, labels, kind == Kind.GRADIENTS);
            if (kind == Kind.STEP) adam(grads);
            else for (int k = 0; k < 4; k++) g.output(gradName(k), grads[k], FLOAT, shape(k));
        }
        return g.toModel(Map.of());
    }

    // ---- forward: a = [x, h] W + b per step; the input half x W_x is one product over all steps ----------------

    private String forward(String x, String lengths) {
        String[] wxh = g.ops("Split", 2, new String[] {params[0], g.longs(c.inputs(), c.hidden())}, attr("axis", 0));
        wh = wxh[1];
        xt = g.transpose(x, 1, 0, 2);                                   // [T,B,F]
        String bx = params[1];
        if (c.cell() == CellType.GRU) {                                 // b = (b_z, b_r, b_n | b_hn)
            String[] b = g.ops("Split", 2, new String[] {params[1], g.longs(gw, c.hidden())}, attr("axis", 0));
            bx = b[0];
            bhn = b[1];
        }
        String xw = g.add(g.matMul(xt, wxh[0]), bx);                    // [T,B,G]
        String shapeX = g.unary("Shape", x);
        batchDim = g.op("Slice", new String[] {shapeX, g.longs(0), g.longs(1)});
        zeros = g.op("ConstantOfShape", new String[] {g.concat(0, batchDim, g.longs(c.hidden()))},
                attr("value", GraphBuilder.floatTensor(null, new float[] {0f}, 1)));   // h_0 = c_0 = 0, [B,H]
        String[] scanned = switch (c.cell()) {
            case LSTM, LSTM_STATE -> lstmForward(xw);
            case GRU -> gruForward(xw);
            case RNN -> rnnForward(xw);
        };
        // scanned: h_{t-1}, the per-step output read by the head, then the cache
        hPrev = scanned[0];
        mask = lastStepMask(shapeX, lengths);
        last = g.reduceSum(g.mul(scanned[1], mask), 0);                 // [B,H]: output at step T_i
        if (keep != null) last = g.mul(last, keep);                     // dropout, protocol §9.3
        return g.op("Gemm", new String[] {last, params[2], params[3]});
    }

    /** h = relu(x W_x + h W_h + b); scan outputs h_{t-1}, h_t. */
    private String[] rnnForward(String xw) {
        GraphBuilder b = g.body("rnn_fwd");
        String h = b.input("h", FLOAT), xwt = b.input("xw_t", FLOAT);
        String hNew = b.unary("Relu", b.add(xwt, b.matMul(h, wh)));
        b.outputs(hNew, h, hNew);
        String[] out = g.ops("Scan", 3, new String[] {zeros, xw}, attr("body", b), attr("num_scan_inputs", 1));
        cache = new String[] {out[2]};
        return new String[] {out[1], out[2]};
    }

    /** f, i, o, g gates; c = f c + i g; h = o tanh(c); scan outputs h_{t-1}, h_t or c_t, c_{t-1}, f, i, o, g, tanh c. */
    private String[] lstmForward(String xw) {
        GraphBuilder b = g.body("lstm_fwd");
        String h = b.input("h", FLOAT), cPrev = b.input("c", FLOAT), xwt = b.input("xw_t", FLOAT);
        String[] a = b.ops("Split", 4, new String[] {b.add(xwt, b.matMul(h, wh))}, attr("axis", 1));
        String f = b.unary("Sigmoid", a[0]), i = b.unary("Sigmoid", a[1]), o = b.unary("Sigmoid", a[2]);
        String gg = b.unary("Tanh", a[3]);
        String cNew = b.add(b.mul(f, cPrev), b.mul(i, gg));
        String tc = b.unary("Tanh", cNew);
        String hNew = b.mul(o, tc);
        b.outputs(hNew, cNew, h, c.cell() == CellType.LSTM_STATE ? cNew : hNew, cPrev, f, i, o, gg, tc);
        String[] out = g.ops("Scan", 10, new String[] {zeros, zeros, xw}, attr("body", b), attr("num_scan_inputs", 1));
        cache = new String[] {out[4], out[5], out[6], out[7], out[8], out[9]};
        return new String[] {out[2], out[3]};
    }

    /** docs/cells.md: z, r = σ(x W_x + h W_h + b); u = h W_hn + b_hn; n = tanh(x W_xn + b_n + r u); h = n + z (h - n). */
    private String[] gruForward(String xw) {
        GraphBuilder b = g.body("gru_fwd");
        String h = b.input("h", FLOAT), xwt = b.input("xw_t", FLOAT);
        String[] ax = b.ops("Split", 3, new String[] {xwt}, attr("axis", 1));
        String[] ah = b.ops("Split", 3, new String[] {b.matMul(h, wh)}, attr("axis", 1));
        String z = b.unary("Sigmoid", b.add(ax[0], ah[0])), r = b.unary("Sigmoid", b.add(ax[1], ah[1]));
        String u = b.add(ah[2], bhn);
        String n = b.unary("Tanh", b.add(ax[2], b.mul(r, u)));
        String hNew = b.add(n, b.mul(z, b.sub(h, n)));
        b.outputs(hNew, h, hNew, z, r, n, u);
        String[] out = g.ops("Scan", 7, new String[] {zeros, xw}, attr("body", b), attr("num_scan_inputs", 1));
        cache = new String[] {out[3], out[4], out[5], out[6]};
        return new String[] {out[1], out[2]};
    }

    /** [T,B,1] float: 1 where t = length_i - 1 (protocol §3.4), else 0. */
    private String lastStepMask(String shapeX, String lengths) {
        String steps = g.squeeze(g.op("Slice", new String[] {shapeX, g.longs(1), g.longs(2)}), 0);
        String t = g.op("Range", new String[] {g.scalarLong(0), steps, g.scalarLong(1)});
        String lastIndex = g.sub(lengths, g.scalarLong(1));
        String eq = g.op("Equal", new String[] {g.unsqueeze(t, 1), g.unsqueeze(lastIndex, 0)});
        return g.unsqueeze(g.cast(eq, FLOAT), 2);
    }

    // ---- loss and backward (protocol §3.5, §7) -------------------------------------------------------------------

    private String[] backward(String logits, String labels, boolean hiddenNorms) {
        String p = g.op("Softmax", new String[] {logits}, attr("axis", 1));
        String classes = g.op("Range", new String[] {g.scalarLong(0), g.scalarLong(c.classes()), g.scalarLong(1)});
        String y = g.cast(g.op("Equal", new String[] {g.unsqueeze(labels, 1), classes}), FLOAT);
        String logp = g.unary("Log", g.add(p, g.scalar(1e-10f)));
        String ce = g.unary("Neg", g.reduceSum(g.mul(y, logp), 1));
        g.output(LOSS, g.op("ReduceMean", new String[] {ce}, attr("keepdims", 0)), FLOAT);
        String predicted = g.op("ArgMax", new String[] {logits}, attr("axis", 1), attr("keepdims", 0));
        String hits = g.cast(g.op("Equal", new String[] {predicted, labels}), INT64);
        g.output(CORRECT, g.op("ReduceSum", new String[] {hits}, attr("keepdims", 0)), INT64);

        String dLogits = g.div(g.sub(p, y), g.cast(batchDim, FLOAT));     // (p - y) / B
        String dWo = g.gemm(last, dLogits, true, false);
        String dbo = g.reduceSum(dLogits, 0);
        String gOut = g.mul(g.gemm(dLogits, params[2], false, true), keep);   // Wo before the update (§5.3), same mask
        String injected = g.mul(mask, g.unsqueeze(gOut, 0));            // [T,B,H], non-zero only at t = T_i - 1
        String whT = g.transpose(wh, 1, 0);
        // scanned: G_a for the x rows, dL/dh_t, and for the GRU G_a for the h rows (r⊙G_an in the n block)
        String[] scanned = switch (c.cell()) {
            case LSTM, LSTM_STATE -> lstmBackward(injected, whT);
            case GRU -> gruBackward(injected, whT);
            case RNN -> rnnBackward(injected, whT);
        };
        String gaX = scanned[0], gaH = c.cell() == CellType.GRU ? scanned[2] : gaX;
        if (hiddenNorms)
            g.output(HIDDEN_NORMS, g.op("ReduceL2", new String[] {scanned[1]}, attr("axes", 1L, 2L),
                    attr("keepdims", 0)), FLOAT, "T");
        // Σ_t z_tᵀ G_a,t as one product; an explicit transpose + MatMul, since Gemm with transA is many times slower
        String dWx = g.matMul(g.reshape(g.transpose(xt, 2, 0, 1), c.inputs(), -1), g.reshape(gaX, -1, gw));
        String dWh = g.matMul(g.reshape(g.transpose(hPrev, 2, 0, 1), c.hidden(), -1), g.reshape(gaH, -1, gw));
        String db = g.reduceSum(gaX, 0, 1);
        if (c.cell() == CellType.GRU)                                   // db_hn from the h side's n block
            db = g.concat(0, db, g.reduceSum(g.op("Slice", new String[] {gaH, g.longs(2L * c.hidden()), g.longs(gw),
                    g.longs(2)}), 0, 1));
        return new String[] {g.concat(0, dWx, dWh), db, dWo, dbo};
    }

    /** Reverse scan; returns the per-step outputs (G_a, dL/dh_t, ...), aligned with time. */
    private String[] reverseScan(GraphBuilder b, String[] states, String[] inputs, int scanOutputs) {
        String[] all = Stream.concat(Arrays.stream(states), Arrays.stream(inputs)).toArray(String[]::new);
        String[] out = g.ops("Scan", states.length + scanOutputs, all, attr("body", b),
                attr("num_scan_inputs", inputs.length), attr("scan_input_directions", reversed(inputs.length)),
                attr("scan_output_directions", reversed(scanOutputs)));
        return Arrays.copyOfRange(out, states.length, out.length);
    }

    /** Scan's direction 1 (reverse) for each of n tensors. */
    private static long[] reversed(int n) { return LongStream.generate(() -> 1).limit(n).toArray(); }

    /** Protocol §7.2: G_h += injected; G_a = G_h sign(h_t); G_h = G_a W_hᵀ. */
    private String[] rnnBackward(String injected, String whT) {
        GraphBuilder b = g.body("rnn_bwd");
        String gh = b.input("G_h", FLOAT), inj = b.input("inj_t", FLOAT), h = b.input("h_t", FLOAT);
        String ghT = b.add(gh, inj);
        String ga = b.mul(ghT, b.unary("Sign", h));
        b.outputs(b.matMul(ga, whT), ga, ghT);
        return reverseScan(b, new String[] {zeros}, new String[] {injected, cache[0]}, 2);
    }

    /** Protocol §7.3, line by line. */
    private String[] lstmBackward(String injected, String whT) {
        GraphBuilder b = g.body("lstm_bwd");
        String gh = b.input("G_h", FLOAT), gc = b.input("G_c", FLOAT), inj = b.input("inj_t", FLOAT);
        String cPrev = b.input("c_prev", FLOAT), f = b.input("f", FLOAT), i = b.input("i", FLOAT);
        String o = b.input("o", FLOAT), gg = b.input("g", FLOAT), tc = b.input("tanh_c", FLOAT);
        boolean state = c.cell() == CellType.LSTM_STATE;
        String ghT = state ? gh : b.add(gh, inj);
        String gcT = state ? b.add(gc, inj) : gc;
        String one = b.scalar(1f);
        String gTau = b.mul(ghT, o), gO = b.mul(ghT, tc);
        gcT = b.add(gcT, b.mul(b.sub(one, b.mul(tc, tc)), gTau));
        String gI = b.mul(gcT, gg), gG = b.mul(gcT, i), gF = b.mul(gcT, cPrev);
        String gcPrev = b.mul(gcT, f);
        String ga = b.concat(1,
                b.mul(b.mul(f, b.sub(one, f)), gF),
                b.mul(b.mul(i, b.sub(one, i)), gI),
                b.mul(b.mul(o, b.sub(one, o)), gO),
                b.mul(b.sub(one, b.mul(gg, gg)), gG));
        b.outputs(b.matMul(ga, whT), gcPrev, ga, ghT);
        return reverseScan(b, new String[] {zeros, zeros},
                new String[] {injected, cache[0], cache[1], cache[2], cache[3], cache[4], cache[5]}, 2);
    }

    /** docs/cells.md's GRU backward, line by line; outputs G_ax, dL/dh_t and G_ah per step. */
    private String[] gruBackward(String injected, String whT) {
        GraphBuilder b = g.body("gru_bwd");
        String gh = b.input("G_h", FLOAT), inj = b.input("inj_t", FLOAT), h = b.input("h_prev", FLOAT);
        String z = b.input("z", FLOAT), r = b.input("r", FLOAT), n = b.input("n", FLOAT), u = b.input("u", FLOAT);
        String one = b.scalar(1f);
        String ghT = b.add(gh, inj);
        String gZ = b.mul(ghT, b.sub(h, n)), gN = b.mul(ghT, b.sub(one, z));
        String gAn = b.mul(b.sub(one, b.mul(n, n)), gN);
        String gAr = b.mul(b.mul(b.mul(r, b.sub(one, r)), gAn), u);
        String gAz = b.mul(b.mul(z, b.sub(one, z)), gZ);
        String gaX = b.concat(1, gAz, gAr, gAn), gaH = b.concat(1, gAz, gAr, b.mul(r, gAn));
        b.outputs(b.add(b.mul(ghT, z), b.matMul(gaH, whT)), gaX, ghT, gaH);
        return reverseScan(b, new String[] {zeros}, new String[] {injected, hPrev, cache[0], cache[1], cache[2], cache[3]}, 3);
    }

    // ---- Adam (protocol §5.2, AdamState.update) ------------------------------------------------------------------

    private void adam(String[] grads) {
        String n = g.input(N, INT64, 4);
        String hyper = g.input(HYPER, DOUBLE, 7);
        String nNew = g.add(n, g.scalarLong(1));
        g.output(newName(N), nNew, INT64, 4);
        String nd = g.cast(nNew, DOUBLE);
        String b1 = g.at(hyper, 1), b2 = g.at(hyper, 2), oneD = g.scalar(1.0);
        String c1 = g.cast(g.sub(oneD, g.op("Pow", new String[] {b1, nd})), FLOAT);   // 1 - β1ⁿ, per tensor
        String c2 = g.cast(g.sub(oneD, g.op("Pow", new String[] {b2, nd})), FLOAT);
        String lr = g.cast(g.at(hyper, 0), FLOAT), eps = g.cast(g.at(hyper, 3), FLOAT);
        String clip = g.cast(g.at(hyper, 4), FLOAT);
        String l2 = g.cast(g.at(hyper, 5), FLOAT), l1 = g.cast(g.at(hyper, 6), FLOAT);
        String b1f = g.cast(b1, FLOAT), b2f = g.cast(b2, FLOAT);
        String rb1 = g.cast(g.sub(oneD, b1), FLOAT), rb2 = g.cast(g.sub(oneD, b2), FLOAT);

        String norm = g.unary("Sqrt", Arrays.stream(grads).map(gr -> g.op("ReduceSumSquare", new String[] {gr},
                attr("keepdims", 0))).reduce(g::add).orElseThrow());
        String zero = g.scalar(0f);
        String clipping = g.op("And", new String[] {g.op("Greater", new String[] {clip, zero}),
                g.op("Greater", new String[] {norm, clip})});
        String scale = g.op("Where", new String[] {clipping, g.div(clip, norm), g.scalar(1f)});

        for (int k = 0; k < 4; k++) {
            String gr = g.mul(grads[k], scale);
            String s = g.input(moment("s", k), FLOAT, shape(k)), t = g.input(moment("t", k), FLOAT, shape(k));
            String sNew = g.add(g.mul(b1f, s), g.mul(rb1, gr));
            String tNew = g.add(g.mul(b2f, t), g.mul(rb2, g.mul(gr, gr)));
            String sHat = g.div(sNew, g.at(c1, k)), tHat = g.div(tNew, g.at(c2, k));
            String delta = g.div(sHat, g.add(g.unary("Sqrt", tHat), eps));
            if (Parameters.decays(k))                                   // protocol §9.1: weights only, pre-update θ
                delta = g.add(delta, g.add(g.mul(l2, params[k]), g.mul(l1, g.unary("Sign", params[k]))));
            g.output(newName(Parameters.NAMES[k]), g.sub(params[k], g.mul(lr, delta)), FLOAT, shape(k));
            g.output(newName(moment("s", k)), sNew, FLOAT, shape(k));
            g.output(newName(moment("t", k)), tNew, FLOAT, shape(k));
        }
    }
}
