package org.lstmlab.data;

import org.lstmlab.audio.WavWriter;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FeatureCacheTest {
    static final LoadConfig CACHED = new LoadConfig(2, true, Progress.Sink.NONE);
    static final FeatureConfig P = FeatureConfig.book(10, 10);

    static List<Path> caches(Path root) throws Exception {
        Path dir = root.resolve(".lstm-lab-cache");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) { return s.filter(p -> p.toString().endsWith(".npz")).toList(); }
    }

    static void assertSameData(LoadResult a, LoadResult b) {
        assertArrayEquals(a.sequences().x(), b.sequences().x());
        assertArrayEquals(a.sequences().lengths(), b.sequences().lengths());
        assertArrayEquals(a.sequences().labels(), b.sequences().labels());
        assertArrayEquals(a.clipIndex(), b.clipIndex());
        assertEquals(a.sequences().classNames(), b.sequences().classNames());
        assertEquals(a.sequences().paths(), b.sequences().paths());
        assertEquals(a.skips(), b.skips());
        assertEquals(a.sequences().fingerprint(), b.sequences().fingerprint());
    }

    @Test
    void secondLoadComesFromTheCacheWithTheSameContentsAndRecipe(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        LoadResult first = ds.load(P, CACHED), second = SoundDataset.open(dir).load(P, CACHED);
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertSameData(first, second);
        assertEquals(1, second.skips().warnings().size(), "the warning of the clip cut short survives the cache");
        assertEquals(ds.source(), second.sequences().source());
        Path cache = caches(dir).get(0);
        assertTrue(cache.getFileName().toString().startsWith("Train.10-10."), cache.toString());
        NpzArrays npz = NpzArrays.read(cache);
        int n = first.sequences().size(), steps = first.sequences().maxSteps();
        assertArrayEquals(first.sequences().x(), npz.floats("x", n, steps, FeatureConfig.FEATURES));
        assertArrayEquals(first.sequences().lengths(), npz.ints("lengths", n));
        assertTrue(Files.readString(FeatureCache.index(cache)).contains("\"class_names\""));
    }

    @Test
    void everyFeatureParameterHasItsOwnCache(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        ds.load(P, CACHED);
        assertFalse(ds.load(new FeatureConfig(10, 10, FeatureMode.CORRECTED, false, false), CACHED).fromCache());
        assertFalse(ds.load(new FeatureConfig(10, 10, FeatureMode.CORRECTED, true, false), CACHED).fromCache());
        assertFalse(ds.load(FeatureConfig.book(20, 10), CACHED).fromCache());
        assertEquals(4, caches(dir).size());
    }

    @Test
    void changedAudioChangesTheFingerprintAndRebuilds(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        LoadResult before = ds.load(P, CACHED);
        WavWriter.pcm16().channels(1).sampleRate(44100).write(dir.resolve("Train/2.wav"), TinyDatasets.noise(1, 48510, 99));
        SoundDataset changed = SoundDataset.open(dir);
        assertNotEquals(ds.fingerprint(), changed.fingerprint());
        LoadResult after = changed.load(P, CACHED);
        assertFalse(after.fromCache());
        assertEquals(110, after.sequences().length(1));
        assertEquals(100, before.sequences().length(1));
    }

    @Test
    void changedCsvChangesTheFingerprint(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        Files.writeString(dir.resolve("train.csv"), Files.readString(dir.resolve("train.csv")).replace("2,dog_bark", "2,siren"));
        assertNotEquals(ds.fingerprint(), SoundDataset.open(dir).fingerprint());
    }

    @Test
    void truncatedCorruptOrForeignCachesAreRebuilt(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        LoadResult good = ds.load(P, CACHED);
        Path cache = caches(dir).get(0);
        byte[] bytes = Files.readAllBytes(cache);
        // truncated
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertRebuilt(ds, good, cache, bytes);
        // one flipped bit in the features (the zip reader checks no CRC): the index's checksum catches it
        try (RandomAccessFile f = new RandomAccessFile(cache.toFile(), "rw")) {
            f.seek(400);
            int b = f.read();
            f.seek(400);
            f.write(b ^ 1);
        }
        assertRebuilt(ds, good, cache, bytes);
        // no index beside the arrays (a write cut short before it), or an index with another key
        Path index = FeatureCache.index(cache);
        String json = Files.readString(index);
        Files.delete(index);
        assertRebuilt(ds, good, cache, bytes);
        Files.writeString(index, json.replaceFirst("\"cache_key\" : \"[0-9a-f]+\"", "\"cache_key\" : \"0000\""));
        assertRebuilt(ds, good, cache, bytes);
        // wrong magic
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        Files.write(cache, foreign);
        assertRebuilt(ds, good, cache, bytes);
    }

    private static void assertRebuilt(SoundDataset ds, LoadResult good, Path cache, byte[] original) throws Exception {
        LoadResult r = ds.load(P, CACHED);
        assertFalse(r.fromCache());
        assertSameData(good, r);
        assertTrue(ds.load(P, CACHED).fromCache());
        assertEquals(original.length, Files.size(cache));
    }
}
