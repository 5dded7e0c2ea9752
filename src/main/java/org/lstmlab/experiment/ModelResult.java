package org.lstmlab.experiment;

import org.lstmlab.eval.Evaluation;
import org.lstmlab.nn.CellType;
import org.lstmlab.train.History;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished model of a run: its test metrics, training seconds (summed over epochs, so a resumed run counts only
 * time spent training), its history with any ‖∂L/∂h_t‖ probes, and its final weights' accuracy on the whole training
 * split without dropout (NaN in results written before it was kept). Stored in the report folder as
 * models/&lt;name&gt;.json plus history/&lt;name&gt;.csv and history/&lt;name&gt;.gradient-norms.csv (the history's one
 * stored form, as in a model file); the json's presence marks the model as finished.
 * fold is the UrbanSound8K test fold, 0 for a single split.
 */
public record ModelResult(String name, CellType cell, int intervalMs, int windowMs, int fold, double clipNorm,
                          int epochs, double seconds, Evaluation evaluation, History history, double trainAccuracy) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public double testAccuracy() { return evaluation.accuracy(); }

    /** The history's ‖∂L/∂h_t‖ probes by epoch (empty unless the model was probed). */
    public Map<Integer, double[]> gradientNorms() { return history.gradientNorms(); }

    static Path jsonFile(Path runDir, String name) { return runDir.resolve("models").resolve(name + ".json"); }

    static Path historyFile(Path runDir, String name) { return runDir.resolve("history").resolve(name + ".csv"); }

    static Path normsFile(Path runDir, String name) { return runDir.resolve("history").resolve(name + ".gradient-norms.csv"); }

    public void write(Path runDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("cell", cell.bookName());
        m.put("interval_ms", intervalMs);
        m.put("window_ms", windowMs);
        m.put("fold", fold);
        m.put("clip_norm", clipNorm);
        m.put("epochs", epochs);
        m.put("train_seconds", seconds);
        m.put("test_accuracy", testAccuracy());
        m.put("train_accuracy", trainAccuracy);
        m.put("evaluation", evaluation.asMap());
        try {
            Files.createDirectories(historyFile(runDir, name).getParent());
            Files.writeString(historyFile(runDir, name), history.toCsv());
            Files.writeString(normsFile(runDir, name), history.gradientNormsCsv());
            // the json goes last: it marks the model as finished
            Path json = jsonFile(runDir, name), tmp = json.resolveSibling(name + ".json.part");
            Files.createDirectories(json.getParent());
            JSON.writeValue(tmp.toFile(), m);
            Files.move(tmp, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of " + name + " into " + runDir + ": " + e.getMessage(), e);
        }
    }

    public static boolean exists(Path runDir, String name) { return Files.isRegularFile(jsonFile(runDir, name)); }

    @SuppressWarnings("unchecked")
    public static ModelResult read(Path runDir, String name) {
        Path json = jsonFile(runDir, name);
        try {
            Map<String, Object> m = JSON.readValue(json.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, Object> ev = (Map<String, Object>) m.get("evaluation");
            List<List<Number>> cm = (List<List<Number>>) ev.get("confusion");
            int[][] counts = cm.stream().map(r -> r.stream().mapToInt(Number::intValue).toArray()).toArray(int[][]::new);
            Evaluation evaluation = Evaluation.fromConfusion((List<String>) ev.get("class_names"), counts);
            History history = History.fromCsv(Files.readString(historyFile(runDir, name)), Files.readString(normsFile(runDir, name)));
            return new ModelResult(name, CellType.parse((String) m.get("cell")), num(m, "interval_ms").intValue(),
                    num(m, "window_ms").intValue(), num(m, "fold").intValue(), num(m, "clip_norm").doubleValue(),
                    num(m, "epochs").intValue(), num(m, "train_seconds").doubleValue(), evaluation, history,
                    m.get("train_accuracy") instanceof Number t ? t.doubleValue() : Double.NaN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result " + json + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(json + ": not a model result (" + e.getMessage() + ")", e);
        }
    }

    private static Number num(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new IllegalArgumentException("missing number '" + key + "'");
        return n;
    }
}
