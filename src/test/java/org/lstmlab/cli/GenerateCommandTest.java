package org.lstmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.*;

/** Generation itself is tested in SyntheticUrbanSoundsTest on tiny presets; here the command's contract. */
class GenerateCommandTest {
    final CliRun cli = new CliRun();

    @Test
    void anUnknownPresetIsAUsageErrorThatWritesNothing(@TempDir Path dir) {
        Path target = dir.resolve("x");
        assertEquals(2, cli.run("generate", "--preset", "huge", "--out", target.toString()));
        assertTrue(cli.err.toString().contains("Invalid value for option '--preset'"), cli.err.toString());
        assertFalse(Files.exists(target));
    }

    /** Both layouts of the small preset where --out says; run again, the same preset and seed are kept, not rewritten. */
    @Test
    void writesBothLayoutsOnceAndPrintsTheirFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("synthetic");
        assertEquals(0, cli.run("generate", "--preset", "small", "--synth-seed", "7", "--out", out.toString()), cli.err.toString());
        assertEquals(out.toAbsolutePath().toString(), cli.out.toString().strip());
        Path kaggle = out.resolve("kaggle/train.csv"), us8k = out.resolve("urbansound8k/metadata/UrbanSound8K.csv");
        assertEquals(601, Files.readAllLines(kaggle).size(), "a header and the preset's 600 clips");
        assertEquals(601, Files.readAllLines(us8k).size());
        assertTrue(Files.readString(out.resolve("README.md")).contains("7"), "the README names the seed");

        FileTime written = Files.getLastModifiedTime(kaggle);
        Files.setLastModifiedTime(kaggle, FileTime.fromMillis(written.toMillis() - 60_000));
        CliRun again = new CliRun();
        assertEquals(0, again.run("generate", "--preset", "small", "--synth-seed", "7", "--out", out.toString()));
        assertEquals(cli.out.toString(), again.out.toString());
        assertEquals(written.toMillis() - 60_000, Files.getLastModifiedTime(kaggle).toMillis(), "kept, not regenerated");
    }
}
