package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.recipe.Json;
import org.lstmlab.recipe.Versions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;

/**
 * Extracted features on disk beside the dataset, as files numpy opens: {@code <root>/.lstm-lab-cache/<audio folder>.
 * <interval>-<window>.<key>.npz} holds x (float32, clips x maxSteps x features), lengths, labels and clip_index
 * (int32), and the .json beside it the rest (key, format version, data source, feature parameters, versions, class names, paths, skips, warnings)
 * with a CRC-32 over the arrays. The key hashes the dataset fingerprint, every feature parameter and the format
 * version. The json is written last, so a cache without one, or whose json is unreadable, has another key or
 * version, or whose arrays are missing, misshapen, truncated or fail the checksum, is reported as stale and rebuilt.
 */
final class FeatureCache {
    /**
     * 5: the spectra from JTransforms alone (the vector FFT that wrote format 4 differed from it in the last bit of
     * about 1 value in 20,000, so its caches are rebuilt rather than mixed with fresh features).
     */
    static final int FORMAT_VERSION = 5;

    /** The .json beside the arrays: what they are, what made them, and their checksum. */
    record Index(String cacheKey, int format, String arraysCrc32, DataSource data, FeatureConfig features, Versions versions,
                 List<String> classNames, List<String> paths, SkipReport skips) {}

    private FeatureCache() {}

    static String key(String fingerprint, FeatureConfig params) {
        byte[] keyed = (fingerprint + "|" + Json.write(params) + "|v" + FORMAT_VERSION).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(SoundDataset.sha256().digest(keyed)).substring(0, 16);
    }

    /** The arrays' file; {@link #index} names the json beside it. */
    static Path file(SoundDataset ds, FeatureConfig params) {
        return ds.root().resolve(".lstm-lab-cache").resolve(ds.audioDir().getFileName() + "." + params.tag() + "."
                + key(ds.fingerprint(), params) + ".npz");
    }

    static Path index(Path npz) { return npz.resolveSibling(npz.getFileName().toString().replaceFirst("\\.npz$", ".json")); }

    /** A load's sequences, skips and clip indices (its dataset is the one the key was made for). */
    static void write(Path file, String key, LoadResult load) throws IOException {
        Files.createDirectories(file.getParent());
        PackedSequences p = load.sequences();
        int n = p.size();
        NpzArrays npz = NpzArrays.create().put("x", p.x(), n, p.maxSteps(), p.features()).put("lengths", p.lengths(), n)
                .put("labels", p.labels(), n).put("clip_index", load.clipIndex(), n);
        Index index = new Index(key, FORMAT_VERSION, Long.toHexString(npz.crc32()), p.source(), p.params(), Versions.current(),
                p.classNames(), p.paths(), load.skips());
        Path json = index(file);
        Files.deleteIfExists(json);   // the old index must not vouch for new arrays while they are written
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            npz.write(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(tmp, Json.write(index));
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (UncheckedIOException x) {
            throw x.getCause();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The cache's contents; an IOException says why it cannot be used (stale, corrupt or unreadable). */
    static LoadResult read(Path file, String key, SoundDataset ds, FeatureConfig params) throws IOException {
        Path json = index(file);
        if (!Files.isRegularFile(json)) throw new IOException("no index " + json.getFileName() + " beside it");
        Index index;
        try {
            JsonNode tree = Json.MAPPER.readTree(Files.readString(json));
            if (tree.path("format").asInt() != FORMAT_VERSION)
                throw new IOException("format version " + tree.path("format") + ", this build writes " + FORMAT_VERSION);
            index = Json.MAPPER.treeToValue(tree, Index.class);
        } catch (com.fasterxml.jackson.core.JacksonException | java.nio.charset.CharacterCodingException e) {
            throw new IOException("corrupt index: " + e.getMessage());
        }
        if (!key.equals(index.cacheKey())) throw new IOException("key " + index.cacheKey() + " != " + key);
        try {
            NpzArrays npz = NpzArrays.read(file);
            if (!Long.toHexString(npz.crc32()).equals(index.arraysCrc32())) throw new IOException("checksum mismatch");
            int[] lengths = npz.ints("lengths", -1);
            int n = lengths.length;
            float[] x = npz.floats("x", n, -1, FeatureConfig.FEATURES);
            int steps = n == 0 ? 0 : x.length / (n * FeatureConfig.FEATURES);
            PackedSequences p = new PackedSequences(params, FeatureConfig.FEATURES, steps, lengths, x, npz.ints("labels", n),
                    index.classNames(), index.paths(), index.data());
            return new LoadResult(ds, p, index.skips(), npz.ints("clip_index", n), true);
        } catch (RuntimeException e) {
            throw new IOException("inconsistent contents: " + e.getMessage());
        }
    }
}
