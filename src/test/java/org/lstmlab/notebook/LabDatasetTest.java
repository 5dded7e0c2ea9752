package org.lstmlab.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.audio.WavWriter;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LabDatasetTest {

    @Test
    void formatsAndDurationsAreOneCallEach(@TempDir Path dir) throws Exception {
        Path train = Files.createDirectories(dir.resolve("Train"));
        WavWriter.pcm16().sampleRate(44100).write(train.resolve("1.wav"), new double[1][44100]);
        WavWriter.pcm24().sampleRate(48000).write(train.resolve("2.wav"), new double[1][24000]);
        Files.writeString(dir.resolve("train.csv"), "ID,Class\n1,siren\n2,siren\n");
        LabDataset data = Lab.dataset(dir.toString(), false);
        Table formats = data.formats();
        assertEquals(2, formats.rowCount());
        assertEquals(1, formats.intColumn("kept by book").get(0) + formats.intColumn("kept by book").get(1));
        assertEquals(48000, formats.intColumn("rate Hz").get(1));
        assertArrayEquals(new int[] {0, 1, 1}, data.durations().intColumn("clips").asIntArray());
    }
}
