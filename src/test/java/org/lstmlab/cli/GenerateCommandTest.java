package org.lstmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Generation itself is tested in SyntheticUrbanSoundsTest on tiny presets; here only the command's contract. */
class GenerateCommandTest {
    final CliRun cli = new CliRun();

    @Test
    void anUnknownPresetIsAUsageErrorThatWritesNothing(@TempDir Path dir) {
        Path target = dir.resolve("x");
        assertEquals(2, cli.run("generate", "--preset", "huge", "--out", target.toString()));
        assertTrue(cli.err.toString().contains("--preset must be small or book, not 'huge'"), cli.err.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, cli.run("generate", "--help"));
        for (String o : new String[]{"--preset", "--seed", "--out"}) assertTrue(cli.out.toString().contains(o), o);
    }
}
