package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.SkipReason;
import org.lstmlab.recipe.Recipe;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Extracted features on disk beside the dataset: {@code <root>/.lstm-lab-cache/<audio folder>.<interval>-<window>.<key>.cache},
 * the key hashing the dataset fingerprint, every feature parameter and the format version. Layout: magic, version,
 * recipe JSON (key, parameters, fingerprint, class names, paths, skips), n, maxSteps, features, lengths, labels,
 * clip indices, the float32 features, then a CRC-32 of everything before it. A file that is truncated, has the wrong
 * magic, version, key or sizes, or fails its checksum is reported as stale and rebuilt.
 */
final class FeatureCache {
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "LSTMLAB-FEATURES\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 20;

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

    static Path file(SoundDataset ds, FeatureConfig params) {
        return ds.root().resolve(".lstm-lab-cache").resolve(ds.audioDir().getFileName() + "." + params.tag() + "."
                + key(ds.fingerprint(), params) + ".cache");
    }

    static void write(Path file, String key, Entry e) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, CHUNK), crc))) {
                PackedSequences p = e.sequences();
                out.write(MAGIC);
                out.writeInt(FORMAT_VERSION);
                byte[] json = recipeWithIndex(key, e).toJson().getBytes(StandardCharsets.UTF_8);
                out.writeInt(json.length);
                out.write(json);
                out.writeInt(p.size());
                out.writeInt(p.maxSteps());
                out.writeInt(p.features());
                for (int[] a : new int[][] {p.lengths(), p.labels(), e.clipIndex()}) for (int v : a) out.writeInt(v);
                float[] x = p.x();
                ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
                for (int off = 0; off < x.length; off += CHUNK) {
                    int len = Math.min(CHUNK, x.length - off);
                    buf.clear();
                    buf.asFloatBuffer().put(x, off, len);
                    out.write(buf.array(), 0, len * 4);
                }
                out.writeLong(crc.getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Recipe recipeWithIndex(String key, Entry e) {
        List<Map<String, Object>> skips = new ArrayList<>();
        for (SkipReport.Skip s : e.skips().skipped())
            skips.add(Map.of("path", s.path(), "rule", s.reason().rule(), "detail", s.detail()));
        return e.recipe().with("cache_key", key).with("cache_format", FORMAT_VERSION)
                .with("class_names", e.sequences().classNames()).with("paths", e.sequences().paths())
                .with("skipped", skips).with("refused_rows", e.skips().refusedRows());
    }

    static Entry read(Path file, String key, FeatureConfig params) throws IOException, Stale {
        long size = Files.size(file);
        CRC32 crc = new CRC32();
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, CHUNK), crc))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new Stale("wrong magic: not an lstm-lab feature cache");
            int version = in.readInt();
            if (version != FORMAT_VERSION) throw new Stale("format version " + version + ", this build writes " + FORMAT_VERSION);
            int jsonLength = in.readInt();
            if (jsonLength < 2 || jsonLength > size) throw new Stale("corrupt header (recipe length " + jsonLength + ")");
            byte[] json = new byte[jsonLength];
            in.readFully(json);
            Recipe recipe;
            try {
                recipe = Recipe.fromJson(new String(json, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Stale("corrupt recipe: " + e.getMessage());
            }
            if (!key.equals(recipe.getString("cache_key"))) throw new Stale("key " + recipe.getString("cache_key") + " != " + key);
            int n = in.readInt(), steps = in.readInt(), features = in.readInt();
            long expected = MAGIC.length + 8L + jsonLength + 12 + 12L * n + 4L * n * steps * features + 8;
            if (n < 0 || steps < 0 || features != FeatureConfig.FEATURES || expected != size)
                throw new Stale("size " + size + " bytes does not match its header (" + n + " x " + steps + " x " + features + ")");
            int[] lengths = ints(in, n), labels = ints(in, n), index = ints(in, n);
            float[] x = new float[Math.toIntExact((long) n * steps * features)];
            byte[] buf = new byte[CHUNK * 4];
            for (int off = 0; off < x.length; off += CHUNK) {
                int len = Math.min(CHUNK, x.length - off);
                in.readFully(buf, 0, len * 4);
                ByteBuffer.wrap(buf, 0, len * 4).asFloatBuffer().get(x, off, len);
            }
            long computed = crc.getValue();
            long stored = in.readLong();
            if (stored != computed) throw new Stale("checksum mismatch");
            return decode(recipe, params, lengths, labels, index, steps, x);
        } catch (EOFException e) {
            throw new Stale("truncated");
        }
    }

    @SuppressWarnings("unchecked")
    private static Entry decode(Recipe r, FeatureConfig params, int[] lengths, int[] labels, int[] index, int steps, float[] x) throws Stale {
        try {
            List<String> classes = (List<String>) r.get("class_names"), paths = (List<String>) r.get("paths");
            List<SkipReport.Skip> skips = new ArrayList<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) r.get("skipped"))
                skips.add(new SkipReport.Skip((String) m.get("path"), reason((String) m.get("rule")), (String) m.get("detail")));
            PackedSequences p = new PackedSequences(params, FeatureConfig.FEATURES, steps, lengths, x, labels, classes, paths,
                    r.getString("fingerprint"));
            Recipe clean = r;
            for (String k : new String[] {"cache_key", "cache_format", "class_names", "paths", "skipped", "refused_rows"})
                clean = without(clean, k);
            return new Entry(p, new SkipReport(skips, (List<String>) r.get("refused_rows")), index, clean);
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

    private static int[] ints(DataInputStream in, int n) throws IOException {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = in.readInt();
        return a;
    }
}
