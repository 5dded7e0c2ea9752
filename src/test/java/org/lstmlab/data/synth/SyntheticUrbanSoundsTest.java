package org.lstmlab.data.synth;

import org.lstmlab.audio.Audio;
import org.lstmlab.audio.WavReader;
import org.lstmlab.data.Clip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Generates a tiny custom preset (60 clips of at most 1 s) once and checks both layouts on disk. */
class SyntheticUrbanSoundsTest {
    static final SynthSpec TINY = new SynthSpec("tiny", 60, true, 1.0);
    static final SynthSpec MICRO = new SynthSpec("micro", 10, true, 1.0);
    static final Set<String> NAMES = Set.of("air_conditioner", "car_horn", "children_playing", "dog_bark", "drilling",
            "engine_idling", "gun_shot", "jackhammer", "siren", "street_music");

    @TempDir static Path tmp;
    static Path root;

    @BeforeAll
    static void generate() throws IOException {
        root = SyntheticUrbanSounds.ensure(tmp.resolve("a"), TINY, 7);
    }

    private static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.split(",", -1)).collect(Collectors.toList());
    }

    /** Relative path -> bytes of every file under dir. */
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator)
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    @Test
    void kaggleLayout() throws IOException {
        List<String[]> rows = csv(root.resolve("kaggle/train.csv"));
        assertArrayEquals(new String[]{"ID", "Class"}, rows.get(0));
        assertEquals(61, rows.size());
        assertEquals(NAMES, rows.stream().skip(1).map(r -> r[1]).collect(Collectors.toSet()));
        for (String[] r : rows.subList(1, rows.size())) assertTrue(Files.isRegularFile(root.resolve("kaggle/Train/" + r[0] + ".wav")), r[0]);
        try (Stream<Path> s = Files.list(root.resolve("kaggle/Train"))) { assertEquals(60, s.count()); }
    }

    @Test
    void urbanSoundLayoutWithOneFoldPerRecording() throws IOException {
        List<String[]> rows = csv(root.resolve("urbansound8k/metadata/UrbanSound8K.csv"));
        assertEquals("slice_file_name,fsID,start,end,salience,fold,classID,class", String.join(",", rows.get(0)));
        assertEquals(61, rows.size());
        Map<String, Set<String>> foldsOf = new HashMap<>();
        List<String> classOrder = List.copyOf(new TreeSet<>(NAMES)); // UrbanSound8K classIDs are alphabetical
        for (String[] r : rows.subList(1, rows.size())) {
            String[] parts = r[0].replace(".wav", "").split("-");
            assertEquals(r[1], parts[0], "fsID in the file name");
            assertEquals(r[6], parts[1], "classID in the file name");
            assertEquals(classOrder.indexOf(r[7]), Integer.parseInt(r[6]));
            assertTrue(Double.parseDouble(r[3]) > Double.parseDouble(r[2]));
            assertTrue(Set.of("1", "2").contains(r[4]));
            foldsOf.computeIfAbsent(r[1], k -> new HashSet<>()).add(r[5]);
            assertTrue(Files.isRegularFile(root.resolve("urbansound8k/audio/fold" + r[5] + "/" + r[0])), r[0]);
        }
        foldsOf.forEach((fs, folds) -> assertEquals(1, folds.size(), "fsID " + fs + " spans folds " + folds));
        assertTrue(foldsOf.size() < 60, "some recordings have several slices");
        assertEquals(NAMES, rows.stream().skip(1).map(r -> r[7]).collect(Collectors.toSet()));
    }

    @Test
    void layoutsShareTheirAudioThroughHardLinks() throws IOException {
        DatasetPlan.Clip c = new DatasetPlan(TINY, 7).clips.get(0);
        Path a = root.resolve("kaggle/Train/" + c.kaggleId() + ".wav");
        Path b = root.resolve("urbansound8k/audio/fold" + c.fold() + "/" + c.sliceFileName());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(Files.isSameFile(a, b), "hard link (the temp folder's file system supports them)");
        assertEquals(2, Files.getAttribute(a, "unix:nlink"));
    }

    @Test
    void everyFileDecodesToItsPlannedFormat() throws IOException {
        Set<String> formats = new HashSet<>();
        for (DatasetPlan.Clip c : new DatasetPlan(TINY, 7).clips) {
            Audio a = WavReader.read(root.resolve("kaggle/Train/" + c.kaggleId() + ".wav"));
            DatasetPlan.Format f = c.format();
            assertEquals(f.rate(), a.sampleRate());
            assertEquals(f.bits(), a.info().bitsPerSample());
            assertEquals(f.encoding(), a.info().encoding());
            assertEquals(f.channels(), a.channels());
            assertEquals(f.extensible(), a.info().extensible());
            assertEquals(Math.round(c.seconds() * f.rate()), a.frames());
            double peak = Arrays.stream(a.samples()[0]).map(Math::abs).max().orElse(0);
            assertTrue(peak > 0.05 && peak <= 1, "peak " + peak + " in " + c.sliceFileName());
            formats.add(f.rate() + "/" + f.bits() + "/" + f.channels() + (c.seconds() < 1 ? "/short" : ""));
        }
        assertTrue(formats.size() >= 5, "a mix of formats: " + formats);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path again = SyntheticUrbanSounds.ensure(tmp.resolve("b"), TINY, 7);
        Map<String, byte[]> first = contents(root), second = contents(again);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((k, v) -> assertArrayEquals(v, second.get(k), k));

        Map<String, byte[]> other = contents(SyntheticUrbanSounds.ensure(tmp.resolve("c"), TINY, 8));
        assertFalse(Arrays.equals(first.get("kaggle/train.csv"), other.get("kaggle/train.csv")));
        long sameAudio = first.keySet().stream().filter(k -> k.endsWith(".wav") && Arrays.equals(first.get(k), other.get(k))).count();
        assertEquals(0, sameAudio, "no clip is identical under another seed");
    }

    @Test
    void ensureSkipsACompleteDatasetAndRedoesAnInterruptedOne() throws IOException {
        Path dir = tmp.resolve("d");
        SyntheticUrbanSounds.ensure(dir, MICRO, 11);
        Path sentinel = dir.resolve("kaggle/sentinel");
        Files.writeString(sentinel, "kept while the marker matches");
        SyntheticUrbanSounds.ensure(dir, MICRO, 11);
        assertTrue(Files.exists(sentinel), "complete dataset was not regenerated");

        Files.delete(dir.resolve(".complete")); // as if the run had been killed before publishing
        SyntheticUrbanSounds.ensure(dir, MICRO, 11);
        assertFalse(Files.exists(sentinel), "incomplete dataset was regenerated");
        assertTrue(Files.exists(dir.resolve(".complete")));

        Files.writeString(sentinel, "x");
        SyntheticUrbanSounds.ensure(dir, MICRO, 12); // another seed replaces it
        assertFalse(Files.exists(sentinel));
        assertFalse(Files.exists(dir.resolve(".incomplete")));
    }

    @Test
    void theDefaultDatasetLivesInThePresetsFolderUnderTheProject() throws IOException {
        Path project = tmp.resolve("project"), expected = project.resolve("datasets/synthetic-small");
        Files.createDirectories(expected);
        // a completed marker for the default seed: found where the CLI, report and notebooks look, so not regenerated
        Files.writeString(expected.resolve(".complete"), SyntheticUrbanSounds.markerText(SyntheticPreset.SMALL.spec(), 1234));
        assertEquals(expected, SyntheticUrbanSounds.ensureDefault(project, SyntheticPreset.forQuick(true), SyntheticUrbanSounds.DEFAULT_SEED));
        assertFalse(Files.exists(expected.resolve("kaggle")));
    }

    @Test
    void readmeSaysThePlainTruth() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.contains("**This data is synthetic.**"));
        assertTrue(readme.contains("**not the book's accuracies**"));
        for (String n : NAMES) assertTrue(readme.contains("- " + n + ": 6"), n);
    }
}
