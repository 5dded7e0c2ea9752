package org.lstmlab.train;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.AdamState;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

/**
 * A trained model on disk, an .npz archive that numpy opens as it is ({@code np.load}): the tensors W, b, Wo, bo and
 * Adam's moments adam_s_&lt;name&gt;, adam_t_&lt;name&gt; (float64, in the network's shapes) and step counters adam_n
 * (int32), in a checkpoint of a run under early stopping also its best weights so far best_&lt;name&gt;, with
 * model.json (format, version, network shape, the tensors' CRC-32), recipe.json (its {@link Recipe}) and the
 * history's tables (history.csv, gradient-norms.csv) beside them. Loading checks every piece and names the file in any
 * error, so a truncated or foreign file never becomes a silently wrong model; a file of another format version is
 * refused by its number. Save, load and continue training gives the same history, bit for bit, as training on
 * without the break.
 */
public record ModelFile(Path path, Model model, Recipe recipe, History history) {
    static final String FORMAT = "lstm-lab-model";
    /**
     * 3: the recipe as typed records. Refused: 2 (an untyped recipe, its split known only by name) and 1 (tensors.bin
     * and hand-written CSVs).
     */
    static final int VERSION = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "model.json", RECIPE = "recipe.json", HISTORY = "history.csv",
            NORMS = "gradient-norms.csv";

    /** Writes atomically: a partly written file never replaces a good one. */
    public static ModelFile save(Path file, Model model, Recipe recipe, History history) throws IOException {
        NpzArrays npz = tensors(model);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("format_version", VERSION);
        header.put("model", modelMap(model.config()));
        header.put("tensors_crc32", Long.toHexString(npz.crc32()));
        if (model.best() != null) header.put("best_weights", true);
        npz.putFile(MODEL, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header))
                .putFile(RECIPE, recipe.toJson().getBytes(StandardCharsets.UTF_8))
                .putFile(HISTORY, history.toCsv().getBytes(StandardCharsets.UTF_8))
                .putFile(NORMS, history.gradientNormsCsv().getBytes(StandardCharsets.UTF_8));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            npz.write(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new ModelFile(file, model, recipe, history);
    }

    /**
     * A listener that saves the trainer's model and recipe to {@code file} after every {@code everyEpochs}-th epoch
     * (counted over the model's life), with {@code before} followed by this call's epochs as its history. Resume with
     * {@code Trainer.of(load(file)).resumeRun()}.
     */
    public static TrainingListener checkpoints(Path file, Trainer trainer, History before, int everyEpochs) {
        if (everyEpochs <= 0) throw new IllegalArgumentException("checkpoint interval must be > 0, got " + everyEpochs);
        return new TrainingListener() {
            final List<EpochRecord> epochs = new ArrayList<>();
            final Map<Integer, double[]> norms = new TreeMap<>();

            @Override public void gradientsProbed(int epoch, double[] n) { norms.put(epoch, n); }

            @Override public void epochFinished(EpochRecord r) {
                epochs.add(r);
                if (r.epoch() % everyEpochs != 0) return;
                try {
                    int[] marks = EarlyStop.marks(trainer.recipe().run());
                    save(file, trainer.model(), trainer.recipe(), before.then(new History(epochs, norms, marks[0], marks[1])));
                } catch (IOException e) {
                    throw new UncheckedIOException("checkpoint after epoch " + r.epoch() + " failed", e);
                }
            }
        };
    }

    public static ModelFile load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no model file here");
        try {
            NpzArrays npz = NpzArrays.read(file);
            Map<?, ?> header = JSON.readValue(npz.file(MODEL), Map.class);
            if (!FORMAT.equals(header.get("format")))
                throw fault(file, "not an lstm-lab model (format '" + header.get("format") + "')");
            if (!Integer.valueOf(VERSION).equals(header.get("format_version")))
                throw fault(file, "format version " + header.get("format_version") + " is not supported (this build reads "
                        + VERSION + switch (String.valueOf(header.get("format_version"))) {
                            case "1" -> "; version 1 kept its tensors in tensors.bin: train the model again)";
                            case "2" -> "; version 2 kept an untyped recipe that cannot redraw its split: train the model again)";
                            default -> ")";
                        });
            ModelConfig config = config(file, header.get("model"));
            Recipe recipe = Recipe.fromJson(new String(npz.file(RECIPE), StandardCharsets.UTF_8));
            Model model = model(npz, config, Boolean.TRUE.equals(header.get("best_weights")));
            if (!String.valueOf(header.get("tensors_crc32")).equals(Long.toHexString(npz.crc32())))
                throw fault(file, "the tensors fail their CRC-32 check (corrupt)");
            History history = History.fromCsv(new String(npz.file(HISTORY), StandardCharsets.UTF_8),
                    new String(npz.file(NORMS), StandardCharsets.UTF_8));
            return new ModelFile(file, model, recipe, history);
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

    private static Map<String, Object> modelMap(ModelConfig mc) {
        var m = new LinkedHashMap<String, Object>();
        m.put("cell", mc.cell().bookName());
        m.put("inputs", mc.inputs());
        m.put("hidden", mc.hidden());
        m.put("classes", mc.classes());
        return m;
    }

    /** The shape of tensor k of {@link Parameters#NAMES}: W [inputs + hidden, gates·hidden], b, Wo [hidden, classes], bo. */
    private static int[] shape(ModelConfig c, int k) {
        return switch (k) {
            case 0 -> new int[] {c.zWidth(), c.gateWidth()};
            case 1 -> new int[] {c.biasWidth()};
            case 2 -> new int[] {c.hidden(), c.classes()};
            default -> new int[] {c.classes()};
        };
    }

    private static NpzArrays tensors(Model model) {
        NpzArrays npz = NpzArrays.create();
        double[][] p = model.params().tensors();
        AdamState a = model.adam();
        for (int k = 0; k < p.length; k++) npz.put(Parameters.NAMES[k], p[k], shape(model.config(), k));
        for (int k = 0; k < p.length; k++) npz.put("adam_s_" + Parameters.NAMES[k], a.s[k], shape(model.config(), k));
        for (int k = 0; k < p.length; k++) npz.put("adam_t_" + Parameters.NAMES[k], a.t[k], shape(model.config(), k));
        npz.put("adam_n", a.n.clone(), a.n.length);
        if (model.best() != null)
            for (int k = 0; k < p.length; k++) npz.put("best_" + Parameters.NAMES[k], model.best().tensors()[k], shape(model.config(), k));
        return npz;
    }

    private static Model model(NpzArrays npz, ModelConfig config, boolean withBest) {
        double[][] p = group(npz, "", config), s = group(npz, "adam_s_", config), t = group(npz, "adam_t_", config);
        int[] n = npz.ints("adam_n", Parameters.NAMES.length);
        Model m = new Model(config, new Parameters(config, p[0], p[1], p[2], p[3]), new AdamState(s, t, n));
        if (withBest) {
            double[][] b = group(npz, "best_", config);
            m.best(new Parameters(config, b[0], b[1], b[2], b[3]));
        }
        return m;
    }

    /** The arrays prefix + W, b, Wo, bo, each checked against the network's shape. */
    private static double[][] group(NpzArrays npz, String prefix, ModelConfig config) {
        double[][] group = new double[Parameters.NAMES.length][];
        for (int k = 0; k < group.length; k++) group[k] = npz.get(prefix + Parameters.NAMES[k], shape(config, k));
        return group;
    }

    /** An error naming the file once, also when the message below already starts with it. */
    private static IOException fault(Path file, String why) {
        String prefix = file + ": ";
        return new IOException("model file " + file + ": " + (why.startsWith(prefix) ? why.substring(prefix.length()) : why));
    }
}
