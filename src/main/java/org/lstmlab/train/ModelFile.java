package org.lstmlab.train;

import org.lstmlab.nn.AdamState;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.recipe.Recipe;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A trained model on disk: a zip holding model.json (format, network shape, tensor checksum), recipe.json (the full
 * recipe), tensors.bin (W, b, Wo, bo, then Adam's s, t per tensor and its step counters n, then, in a checkpoint of a
 * run under early stopping, its best weights W, b, Wo, bo; big-endian float64 with a CRC-32 in model.json) and the
 * history as CSV. Loading checks every piece and names the file in any error, so a truncated or foreign file never
 * becomes a silently wrong model. Save, load and continue training gives the same history, bit for bit, as training
 * on without the break.
 */
public record ModelFile(Path path, Model model, History history) {
    static final String FORMAT = "lstm-lab-model";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "model.json", RECIPE = "recipe.json", TENSORS = "tensors.bin",
            HISTORY = "history.csv", SECONDS = "history-seconds.csv", NORMS = "gradient-norms.csv";

    public Recipe recipe() { return model.recipe(); }

    /** Writes atomically: a partly written file never replaces a good one. */
    public static ModelFile save(Path file, Model model, History history) throws IOException {
        byte[] tensors = tensors(model);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("format_version", VERSION);
        header.put("model", Trainer.modelMap(model.config()));
        header.put("tensors_crc32", crc(tensors));
        if (model.best() != null) header.put("best_weights", true);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                put(zip, MODEL, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header));
                put(zip, RECIPE, (model.recipe() == null ? Recipe.empty() : model.recipe()).toJson().getBytes(StandardCharsets.UTF_8));
                put(zip, TENSORS, tensors);
                put(zip, HISTORY, history.toCsv().getBytes(StandardCharsets.UTF_8));
                put(zip, SECONDS, history.secondsCsv().getBytes(StandardCharsets.UTF_8));
                put(zip, NORMS, history.gradientNormsCsv().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new ModelFile(file, model, history);
    }

    /**
     * A listener that saves {@code model} to {@code file} after every {@code everyEpochs}-th epoch (counted over the
     * model's life), with {@code before} followed by this call's epochs as its history. Resume with
     * {@code Trainer.of(load(file).model()).resumeRun()}.
     */
    public static TrainingListener checkpoints(Path file, Model model, History before, int everyEpochs) {
        if (everyEpochs <= 0) throw new IllegalArgumentException("checkpoint interval must be > 0, got " + everyEpochs);
        return new TrainingListener() {
            final List<EpochRecord> epochs = new ArrayList<>();
            final Map<Integer, double[]> norms = new TreeMap<>();

            @Override public void gradientsProbed(int epoch, double[] n) { norms.put(epoch, n); }

            @Override public void epochFinished(EpochRecord r) {
                epochs.add(r);
                if (r.epoch() % everyEpochs != 0) return;
                try {
                    int[] marks = EarlyStop.marks(model);
                    save(file, model, before.then(new History(epochs, norms, marks[0], marks[1])));
                } catch (IOException e) {
                    throw new UncheckedIOException("checkpoint after epoch " + r.epoch() + " failed", e);
                }
            }
        };
    }

    public static ModelFile load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no model file here");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<?, ?> header = JSON.readValue(read(zip, MODEL, file), Map.class);
            if (!FORMAT.equals(header.get("format")))
                throw fault(file, "not an lstm-lab model (format '" + header.get("format") + "')");
            if (!Integer.valueOf(VERSION).equals(header.get("format_version")))
                throw fault(file, "format version " + header.get("format_version") + " is not supported (this build reads " + VERSION + ")");
            ModelConfig config = config(file, header.get("model"));
            byte[] tensors = read(zip, TENSORS, file);
            if (!String.valueOf(header.get("tensors_crc32")).equals(crc(tensors)))
                throw fault(file, "tensors.bin fails its CRC-32 check (corrupt)");
            Recipe recipe = Recipe.fromJson(new String(read(zip, RECIPE, file), StandardCharsets.UTF_8));
            Model model = model(file, config, tensors, recipe, Boolean.TRUE.equals(header.get("best_weights")));
            History history = History.fromCsv(text(zip, HISTORY, file), text(zip, SECONDS, file), text(zip, NORMS, file));
            return new ModelFile(file, model, history);
        } catch (java.util.zip.ZipException e) {
            throw fault(file, "not a readable zip (truncated or not a model file): " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw fault(file, e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw fault(file, "model.json is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ModelConfig config(Path file, Object m) throws IOException {
        if (!(m instanceof Map<?, ?> map) || !(map.get("inputs") instanceof Integer in) || !(map.get("hidden") instanceof Integer h)
                || !(map.get("classes") instanceof Integer c))
            throw fault(file, "model.json lacks the network shape (cell, inputs, hidden, classes)");
        return new ModelConfig(CellType.parse(String.valueOf(map.get("cell"))), in, h, c);
    }

    private static byte[] tensors(Model model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            AdamState a = model.adam();
            for (double[][] group : new double[][][] {model.params().tensors(), a.s, a.t})
                for (double[] t : group) {
                    out.writeInt(t.length);
                    for (double v : t) out.writeDouble(v);
                }
            for (int n : a.n) out.writeInt(n);
            if (model.best() != null)
                for (double[] t : model.best().tensors()) {
                    out.writeInt(t.length);
                    for (double v : t) out.writeDouble(v);
                }
        }
        return bytes.toByteArray();
    }

    private static Model model(Path file, ModelConfig config, byte[] tensors, Recipe recipe, boolean withBest) throws IOException {
        double[][][] groups = new double[4][][];
        int[] n = new int[Parameters.NAMES.length];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(tensors))) {
            for (int g = 0; g < 3; g++) groups[g] = group(file, config, in);
            for (int k = 0; k < n.length; k++) n[k] = in.readInt();
            if (withBest) groups[3] = group(file, config, in);
            if (in.read() != -1) throw fault(file, "tensors.bin has bytes past its last tensor");
        } catch (EOFException e) {
            throw fault(file, "tensors.bin is truncated");
        }
        double[][] p = groups[0], b = groups[3];
        Model m = new Model(config, new Parameters(config, p[0], p[1], p[2], p[3]), new AdamState(groups[1], groups[2], n), recipe);
        if (withBest) m.best(new Parameters(config, b[0], b[1], b[2], b[3]));
        return m;
    }

    /** One value per tensor of {@link Parameters#NAMES}, each checked against the network's shape. */
    private static double[][] group(Path file, ModelConfig config, DataInputStream in) throws IOException {
        Parameters shape = Parameters.zeros(config);
        double[][] group = new double[Parameters.NAMES.length][];
        for (int k = 0; k < group.length; k++) {
            int len = in.readInt(), want = shape.tensors()[k].length;
            if (len != want) throw fault(file, Parameters.NAMES[k] + " holds " + len + " values but a " + config + " needs " + want);
            group[k] = new double[len];
            for (int j = 0; j < len; j++) group[k][j] = in.readDouble();
        }
        return group;
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] read(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) throw fault(file, "the entry " + name + " is missing");
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static String text(ZipFile zip, String name, Path file) throws IOException {
        return new String(read(zip, name, file), StandardCharsets.UTF_8);
    }

    private static String crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return Long.toHexString(c.getValue());
    }

    private static IOException fault(Path file, String why) {
        return new IOException("model file " + file + ": " + why);
    }
}
