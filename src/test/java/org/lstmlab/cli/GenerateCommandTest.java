package org.lstmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Generation itself is tested in SyntheticUrbanSoundsTest on tiny presets; here only the command's contract. */
class GenerateCommandTest {
    final StringWriter out = new StringWriter(), err = new StringWriter();

    int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void anUnknownPresetIsAUsageErrorThatWritesNothing(@TempDir Path dir) {
        Path target = dir.resolve("x");
        assertEquals(2, run("generate", "--preset", "huge", "--out", target.toString()));
        assertTrue(err.toString().contains("--preset must be small or book, not 'huge'"), err.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("generate", "--help"));
        for (String o : new String[]{"--preset", "--seed", "--out"}) assertTrue(out.toString().contains(o), o);
    }
}
