package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.SkipReason;
import org.lstmlab.recipe.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Extracted features on disk beside the dataset, as files numpy opens: {@code <root>/.lstm-lab-cache/<audio folder>.
 * <interval>-<window>.<key>.npz} holds x (float32, clips x maxSteps x features), lengths, labels and clip_index
 * (int32), and the .json beside it the rest (key, format version, recipe, class names, paths, skips, warnings)
 * with a CRC-32 over the arrays. The key hashes the dataset fingerprint, every feature parameter and the format
 * version. The json is written last, so a cache without one, or whose json is unreadable, has another key or
 * version, or whose arrays are missing, misshapen, truncated or fail the checksum, is reported as stale and rebuilt.
 */
final class FeatureCache {
    static final int FORMAT_VERSION = 3;

    /** What a cache holds besides its recipe. */
    record Entry(PackedSequences sequences, SkipReport skips, int[] clipIndex, Recipe recipe) {}

    /** A cache that cannot be used, and why. */
    static final class Stale extends Exception {
        Stale(String why) { super(why); }
    }

    private FeatureCache() {}

    static String key(String fingerprint, FeatureConfig params) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((fingerprint + "|" + Recipe.empty().with("p", params.asMap()).toJson() + "|v" + FORMAT_VERSION)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The arrays' file; {@link #index} names the json beside it. */
    static Path file(SoundDataset ds, FeatureConfig params) {
        return ds.root().resolve(".lstm-lab-cache").resolve(ds.audioDir().getFileName() + "." + params.tag() + "."
                + key(ds.fingerprint(), params) + ".npz");
    }

    static Path index(Path npz) { return npz.resolveSibling(npz.getFileName().toString().replaceFirst("\\.npz$", ".json")); }

    static void write(Path file, String key, Entry e) throws IOException {
        Files.createDirectories(file.getParent());
        PackedSequences p = e.sequences();
        int n = p.size();
        NpzArrays npz = NpzArrays.create().put("x", p.x(), n, p.maxSteps(), p.features()).put("lengths", p.lengths(), n)
                .put("labels", p.labels(), n).put("clip_index", e.clipIndex(), n);
        Recipe index = recipeWithIndex(key, e).with("arrays_crc32", Long.toHexString(npz.crc32()));
        Path json = index(file);
        Files.deleteIfExists(json);   // the old index must not vouch for new arrays while they are written
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            npz.write(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(tmp, index.toJson());
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (UncheckedIOException x) {
            throw x.getCause();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Recipe recipeWithIndex(String key, Entry e) {
        List<Map<String, Object>> skips = new ArrayList<>();
        for (SkipReport.Skip s : e.skips().skipped())
            skips.add(Map.of("path", s.path(), "rule", s.reason().rule(), "detail", s.detail()));
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (SkipReport.Warning w : e.skips().warnings()) warnings.add(Map.of("path", w.path(), "detail", w.detail()));
        return e.recipe().with("cache_key", key).with("cache_format", FORMAT_VERSION)
                .with("class_names", e.sequences().classNames()).with("paths", e.sequences().paths())
                .with("skipped", skips).with("warnings", warnings).with("refused_rows", e.skips().refusedRows());
    }

    static Entry read(Path file, String key, FeatureConfig params) throws IOException, Stale {
        Path json = index(file);
        if (!Files.isRegularFile(json)) throw new Stale("no index " + json.getFileName() + " beside it");
        Recipe recipe;
        try {
            recipe = Recipe.fromJson(Files.readString(json));
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw new Stale("corrupt index: " + e.getMessage());
        }
        if (!Integer.valueOf(FORMAT_VERSION).equals(recipe.get("cache_format")))
            throw new Stale("format version " + recipe.get("cache_format") + ", this build writes " + FORMAT_VERSION);
        if (!key.equals(recipe.getString("cache_key"))) throw new Stale("key " + recipe.getString("cache_key") + " != " + key);
        try {
            NpzArrays npz = NpzArrays.read(file);
            if (!Long.toHexString(npz.crc32()).equals(recipe.getString("arrays_crc32"))) throw new Stale("checksum mismatch");
            int[] lengths = npz.ints("lengths", -1);
            int n = lengths.length;
            float[] x = npz.floats("x", n, -1, FeatureConfig.FEATURES);
            int steps = n == 0 ? 0 : x.length / (n * FeatureConfig.FEATURES);
            return decode(recipe, params, lengths, npz.ints("labels", n), npz.ints("clip_index", n), steps, x);
        } catch (IllegalArgumentException e) {
            throw new Stale(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Entry decode(Recipe r, FeatureConfig params, int[] lengths, int[] labels, int[] index, int steps, float[] x) throws Stale {
        try {
            List<String> classes = (List<String>) r.get("class_names"), paths = (List<String>) r.get("paths");
            List<SkipReport.Skip> skips = new ArrayList<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) r.get("skipped"))
                skips.add(new SkipReport.Skip((String) m.get("path"), reason((String) m.get("rule")), (String) m.get("detail")));
            List<SkipReport.Warning> warnings = new ArrayList<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) r.get("warnings"))
                warnings.add(new SkipReport.Warning((String) m.get("path"), (String) m.get("detail")));
            PackedSequences p = new PackedSequences(params, FeatureConfig.FEATURES, steps, lengths, x, labels, classes, paths,
                    r.getString("fingerprint"));
            Recipe clean = r;
            for (String k : new String[] {"cache_key", "cache_format", "class_names", "paths", "skipped", "warnings", "refused_rows",
                    "arrays_crc32"})
                clean = without(clean, k);
            return new Entry(p, new SkipReport(skips, warnings, (List<String>) r.get("refused_rows")), index, clean);
        } catch (RuntimeException e) {
            throw new Stale("inconsistent contents: " + e.getMessage());
        }
    }

    private static Recipe without(Recipe r, String key) {
        Recipe out = Recipe.empty();
        for (Map.Entry<String, Object> e : r.asMap().entrySet()) if (!e.getKey().equals(key)) out = out.with(e.getKey(), e.getValue());
        return out;
    }

    private static SkipReason reason(String rule) {
        for (SkipReason s : SkipReason.values()) if (s.rule().equals(rule)) return s;
        throw new IllegalArgumentException("unknown skip rule " + rule);
    }
}
