package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.SkipReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SoundDatasetTest {
    static final LoadConfig QUIET = new LoadConfig(2, false, Progress.Sink.NONE);

    @Test
    void kaggleClassesAreInFirstAppearanceOrderCountingRowsThatAreSkippedOrRefused(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "Train.csv"));
        assertEquals(DatasetLayout.KAGGLE, ds.layout());
        assertEquals(List.of("siren", "dog_bark", "jackhammer", "drilling", "engine_idling", "car_horn", "street_music", "gun_shot"),
                ds.classNames());
        assertEquals(10, ds.clips().size());
        assertEquals(10, ds.metadata().rowCount());
        assertEquals("Train/10.wav", ds.metadata().stringColumn("path").get(9));
    }

    @Test
    void pathsFromTheCsvThatLeaveTheAudioFolderAreRefusedWithFileRowAndRule(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        List<String> refused = ds.refusedRows();
        assertEquals(3, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("train.csv row 11: '../elsewhere/secret.wav' refused by rule 'parent-segment'"), refused.get(0));
        assertTrue(refused.get(1).contains("row 12") && refused.get(1).contains("'absolute-path'"), refused.get(1));
        assertTrue(refused.get(2).contains("row 13") && refused.get(2).contains("'symlink-escape'"), refused.get(2));
    }

    @Test
    void loadSkipsEachBadFileWithItsRuleAndPacksTheRestInCsvOrder(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        FeatureConfig p = FeatureConfig.book(10, 10);
        LoadResult r = ds.load(p, QUIET);
        Map<SkipReason, Integer> counts = r.skips().counts();
        assertEquals(1, counts.get(SkipReason.CHANNELS));
        assertEquals(1, counts.get(SkipReason.SAMPLE_WIDTH));
        assertEquals(1, counts.get(SkipReason.SAMPLE_RATE));
        assertEquals(3, counts.get(SkipReason.UNREADABLE)); // float, not RIFF, missing
        assertEquals(1, counts.get(SkipReason.TOO_SHORT));
        assertEquals(3, r.skips().refusedRows().size());
        PackedSequences s = r.sequences();
        assertEquals(List.of("Train/1.wav", "Train/2.wav", "Train/10.wav"), s.paths());
        assertArrayEquals(new int[] {0, 1, 7}, s.labels());
        assertArrayEquals(new int[] {120, 100, 150}, s.lengths());
        assertEquals(150, s.maxSteps());
        assertEquals(4L * 3 * 150 * 100, s.featureBytes());
        double[][] direct = FeatureExtractor.of(p).extract(dir.resolve("Train/1.wav"));
        for (int t = 0; t < 120; t += 7)
            for (int j = 0; j < 100; j += 3) assertEquals((float) direct[t][j], s.value(0, t, j));
        assertEquals(0f, s.value(1, 100, 5));
        assertEquals("siren", r.clipsPerClass().stringColumn("class").get(0));
        assertEquals(3, r.clipsPerClass().intColumn("clips").get(0)); // rows 1, 3, 8; the refused siren rows are not clips
        assertEquals(1, r.clipsPerClass().intColumn("kept").get(0));
        assertTrue(r.skips().skipped().stream().anyMatch(k -> k.path().equals("Train/9.wav") && k.reason() == SkipReason.UNREADABLE));
        assertEquals(List.of(new SkipReport.Warning("Train/10.wav", "truncated: 132300 of 176400 bytes read")), r.skips().warnings());
        LoadResult corrected = ds.load(FeatureConfig.corrected(10, 100), QUIET);
        assertEquals(r.skips().warnings(), corrected.skips().warnings(), "corrected mode warns alike");
    }

    @Test
    void urbanSoundKeepsFoldFsIdAndSalienceAndReportsFsIdsThatSpanFolds(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.urbanSound(dir));
        assertEquals(DatasetLayout.URBANSOUND8K, ds.layout());
        assertEquals(4, ds.clips().size());
        assertEquals(List.of("fsID 100 appears in folds [1, 2]"), ds.foldConflicts());
        assertEquals(1, ds.refusedRows().size());
        assertTrue(ds.refusedRows().get(0).contains("'parent-segment'"));
        assertEquals(3, ds.metadata().intColumn("fold").get(2));
        assertEquals("200", ds.metadata().stringColumn("fsID").get(2));
        assertEquals(2, ds.metadata().intColumn("salience").get(1));
        LoadResult r = ds.load(FeatureConfig.book(10, 10), QUIET);
        assertArrayEquals(new int[] {1, 2, 3, 3}, r.folds());
    }

    @Test
    void syntheticRootPicksTheKaggleFolderByDefault(@TempDir Path dir) throws Exception {
        TinyDatasets.urbanSound(Files.createDirectories(dir.resolve("urbansound8k")));
        assertEquals(DatasetLayout.URBANSOUND8K, DatasetLayout.detect(dir));
        TinyDatasets.kaggle(Files.createDirectories(dir.resolve("kaggle")), "train.csv");
        assertEquals(DatasetLayout.KAGGLE, DatasetLayout.detect(dir));
        assertEquals(dir.resolve("kaggle"), SoundDataset.open(dir).root());
        assertEquals(dir.resolve("urbansound8k"), SoundDataset.open(dir, DatasetLayout.URBANSOUND8K).root());
        assertThrows(IllegalArgumentException.class, () -> DatasetLayout.detect(dir.resolve("kaggle/Train")));
    }
}
