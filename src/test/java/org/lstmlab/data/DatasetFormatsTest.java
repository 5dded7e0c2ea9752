package org.lstmlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class DatasetFormatsTest {

    @Test
    void clipsPerFormatAndDurationWithWhatBookModeKeeps(@TempDir Path dir) throws Exception {
        DatasetFormats report = DatasetFormats.of(SoundDataset.open(TinyDatasets.kaggle(dir, "train.csv")));
        Table f = report.formats();
        assertEquals(List.of("rate Hz", "bits", "channels", "codec", "clips", "kept by book"), f.columnNames());
        // the three 16-bit mono 44.1 kHz clips: 2 (1 s), 5 (0.5 s, too short) and 10 (cut short at 1.5 s)
        assertEquals(List.of("44100 16 1 PCM 3 2", "44100 16 2 PCM 1 1", "44100 24 1 PCM 1 0", "48000 16 1 PCM 1 0",
                "44100 16 3 PCM 1 0", "44100 32 1 float 1 0"), rows(f).subList(0, 6));
        assertEquals("unreadable", f.stringColumn("codec").get(6)); // 8 is not RIFF, 9 is missing
        assertTrue(f.intColumn("rate Hz").isMissing(6));
        assertEquals(2, f.intColumn("clips").get(6));
        Table d = report.durations();
        assertEquals(List.of("0.0", "0.5", "1.0", "1.5"), d.stringColumn("from s").asList());
        assertArrayEquals(new int[] {0, 1, 6, 1}, d.intColumn("clips").asIntArray());
        assertArrayEquals(new int[] {0, 0, 2, 1}, d.intColumn("kept by book").asIntArray());
        String text = report.text();
        assertTrue(text.contains("1.0-1.5 s ######################################## 6 (2)"), text);
        assertTrue(text.contains("2 unreadable clips have no duration"), text);
    }

    private static List<String> rows(Table t) {
        return IntStream.range(0, t.rowCount()).mapToObj(r -> String.join(" ",
                Arrays.stream(new String[] {"rate Hz", "bits", "channels", "codec", "clips", "kept by book"})
                        .map(c -> t.column(c).getString(r)).toList())).toList();
    }
}
