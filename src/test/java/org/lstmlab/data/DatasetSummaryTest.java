package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetSummaryTest {

    @Test
    void summarisesClipsSkipsTmaxAndMemoryPerSetting(@TempDir Path dir) throws Exception {
        SoundDataset ds = SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv"));
        DatasetSummary s = DatasetSummary.of(ds, List.of(FeatureConfig.book(10, 10), FeatureConfig.book(10, 100)),
                new LoadConfig(2, false, Progress.Sink.NONE));
        Table perClass = s.perClass();
        assertEquals(List.of("class", "label", "clips", "kept book 10-10", "kept book 10-100"), perClass.columnNames());
        assertEquals(1, perClass.intColumn("kept book 10-100").get(0));
        Table settings = s.perSetting();
        assertEquals("3 sample-rate", settings.stringColumn("item").get(2));
        assertEquals(3, settings.intColumn("book 10-10").get(3)); // unreadable: float, not RIFF, missing
        assertEquals("kept, read short", settings.stringColumn("item").get(6));
        assertEquals(1, settings.intColumn("book 10-10").get(6)); // Train/10.wav, cut short
        assertEquals(150, settings.intColumn("book 10-10").get(7)); // T max
        assertEquals(141, settings.intColumn("book 10-100").get(7));
        assertEquals(4L * 3 * (150 + 141) * 100, s.featureBytes());
        String text = s.text();
        assertTrue(text.contains("refused CSV rows: 3"), text);
        assertTrue(text.contains("too-short"), text);
        assertEquals(3, ds.limit(3).clips().size());
        assertEquals(ds.classNames(), ds.limit(3).classNames());
    }
}
