package org.lstmlab.onnx;

import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.recipe.Json;
import org.lstmlab.train.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.lstmlab.onnx.GraphBuilder.FLOAT;
import static org.lstmlab.onnx.GraphBuilder.INT32;
import static org.lstmlab.onnx.GraphBuilder.attr;

/**
 * A trained model (any engine) as a standard inference ONNX model: the ONNX {@code RNN} op (Relu), {@code LSTM} op or
 * {@code GRU} op (linear_before_reset = 1, docs/cells.md) with {@code sequence_lens}, then the linear head and Softmax.
 * The state model reads {@code Y_c}.
 * <pre>
 *   inputs:  features      float [batch, T, F]   zero-padded feature frames (F = 100 for the book)
 *            lengths       int32 [batch]         valid steps per row, 1..T
 *   outputs: logits        float [batch, classes]
 *            probabilities float [batch, classes]
 * </pre>
 * Metadata: {@code format_version} ({@link #FORMAT_VERSION}), {@code class_names} (JSON list), {@code feature_params}
 * (FeatureConfig's JSON), {@code cell}, {@code recipe} (the model's full recipe JSON), all taken from the model's
 * {@link Recipe}.
 */
public final class OnnxExport {
    public static final String FEATURES = "features", LENGTHS = "lengths", LOGITS = "logits",
            PROBABILITIES = "probabilities";
    public static final String META_VERSION = "format_version", META_CLASSES = "class_names",
            META_FEATURES = "feature_params", META_CELL = "cell", META_RECIPE = "recipe";
    /**
     * 2: the recipe as typed records (as model files of format 3). Refused: 1, the exports before it, which recorded
     * no version and an untyped recipe.
     */
    public static final int FORMAT_VERSION = 2;

    private OnnxExport() {}

    public static byte[] toBytes(Model model, Recipe recipe) {
        ModelConfig c = model.config();
        List<String> classNames = recipe.classes();
        if (classNames == null || recipe.features() == null)
            throw new IllegalArgumentException("the model's recipe records no class names or feature parameters");
        if (classNames.size() != c.classes())
            throw new IllegalArgumentException(classNames.size() + " class names for a model with " + c.classes() + " classes");
        GraphBuilder g = new GraphBuilder("lstm_lab_" + c.cell().bookName());
        String x = g.input(FEATURES, FLOAT, "batch", "T", c.inputs());
        String lengths = g.input(LENGTHS, INT32, "batch");
        String xt = g.transpose(x, 1, 0, 2);                      // ONNX recurrent ops read [T, batch, F]
        Parameters p = model.params();
        String last = recurrent(g, p, xt, lengths);
        g.initializer("Wo", floats(p.wo), c.hidden(), c.classes());
        g.initializer("bo", floats(p.bo), c.classes());
        String logits = g.op("Gemm", new String[] {g.squeeze(last, 0), "Wo", "bo"});
        g.output(LOGITS, logits, FLOAT, "batch", c.classes());
        g.output(PROBABILITIES, g.op("Softmax", new String[] {logits}, attr("axis", 1)), FLOAT, "batch", c.classes());
        return g.toModel(metadata(model, recipe));
    }

    public static void write(Model model, Recipe recipe, Path out) {
        byte[] bytes = toBytes(model, recipe);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ONNX model " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cell's ONNX op, W [1, gates·H, F] and R [1, gates·H, H] from the column blocks of our W in ONNX gate order,
     * B = [Wb = our b, Rb = 0]. RNN: Relu. LSTM: gates reordered to i, o, f, c. GRU: linear_before_reset = 1 (r
     * multiplies h·R_h + Rb_h, our u), our blocks z, r, n are ONNX's z, r, h, and Rb = (0, 0, b_hn). Returns Y_c for
     * the state model, Y_h otherwise.
     */
    private static String recurrent(GraphBuilder g, Parameters p, String xt, String lengths) {
        CellType cell = p.config.cell();
        int h = p.config.hidden(), f = p.config.inputs();
        int[] gates = switch (cell) {
            case RNN -> new int[] {0};
            case GRU -> new int[] {0, 1, 2};
            case LSTM, LSTM_STATE -> new int[] {1, 2, 0, 3};   // ONNX's i, o, f, c as blocks of our f, i, o, g
        };
        long rows = (long) gates.length * h;
        g.initializer("W", recurrentWeights(p, gates, 0, f), 1, rows, f);
        g.initializer("R", recurrentWeights(p, gates, f, h), 1, rows, h);
        float[] b = biases(p, gates);
        if (cell == CellType.GRU) for (int j = 0; j < h; j++) b[5 * h + j] = (float) p.b[3 * h + j];
        g.initializer("B", b, 1, 2 * rows);
        String[] out = cell.isLstm() ? new String[] {"", g.fresh(), g.fresh()} : new String[] {"", g.fresh()};
        String[] inputs = {xt, "W", "R", "B", lengths};
        switch (cell) {
            case RNN -> g.node("RNN", inputs, out, attr("hidden_size", h), attr("activations", "Relu"));
            case GRU -> g.node("GRU", inputs, out, attr("hidden_size", h), attr("linear_before_reset", 1));
            case LSTM, LSTM_STATE -> g.node("LSTM", inputs, out, attr("hidden_size", h));
        }
        return cell == CellType.LSTM_STATE ? out[2] : out[1];
    }

    /** Rows [rowStart, rowStart + rows) of our W (the x or the h part), transposed, gate blocks in ONNX order. */
    private static float[] recurrentWeights(Parameters p, int[] gates, int rowStart, int rows) {
        int h = p.config.hidden(), gw = p.config.gateWidth();
        float[] out = new float[gates.length * h * rows];
        for (int q = 0; q < gates.length; q++)
            for (int j = 0; j < h; j++)
                for (int r = 0; r < rows; r++)
                    out[(q * h + j) * rows + r] = (float) p.w[(rowStart + r) * gw + gates[q] * h + j];
        return out;
    }

    /** Wb = our b in ONNX gate order, Rb = 0 (the book has one bias; the GRU's b_hn is added by the caller). */
    private static float[] biases(Parameters p, int[] gates) {
        int h = p.config.hidden();
        float[] out = new float[2 * gates.length * h];
        for (int q = 0; q < gates.length; q++)
            for (int j = 0; j < h; j++) out[q * h + j] = (float) p.b[gates[q] * h + j];
        return out;
    }

    /** float32 copies of float64 values (the exports and ORT run in float32). */
    static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) f[k] = (float) v[k];
        return f;
    }

    private static Map<String, String> metadata(Model model, Recipe recipe) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(META_VERSION, String.valueOf(FORMAT_VERSION));
        m.put(META_CLASSES, Json.write(recipe.classes()));
        m.put(META_FEATURES, Json.write(recipe.features()));
        m.put(META_CELL, model.config().cell().bookName());
        m.put(META_RECIPE, recipe.toJson());
        return m;
    }
}
