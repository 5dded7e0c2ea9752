package org.lstmlab.cli;

import org.lstmlab.report.FakeRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReportCommandTest {

    @Test
    void rewritesTheReportOfAFinishedRunWithoutTraining(@TempDir Path dir) throws Exception {
        FakeRun.make(dir, new double[][] {{0.3, 0.4, 0.5}, {0.5, 0.6, 0.7}}, new double[][] {{3, 6, 6}, {3, 6, 6}}, Map.of());
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("report", dir.toString(), "--lang", "ko", "--dpi", "72"), cli.err.toString());
        assertTrue(cli.out.toString().contains("report written: "), cli.out.toString());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("## 1. 개요"));
        assertTrue(Files.size(dir.resolve("report.html")) > 10_000);
        assertFalse(Files.exists(dir.resolve("models/us_lstm_10_10.model")), "nothing was trained");
    }

    @Test
    void badInputIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        CliRun notARun = new CliRun();
        assertEquals(2, notARun.run("report", dir.toString()));
        assertTrue(notARun.err.toString().contains("not a report folder"), notARun.err.toString());
        FakeRun.make(dir, new double[][] {{0.3, 0.4, 0.5}, {0.5, 0.6, 0.7}}, new double[][] {{3, 6, 6}, {3, 6, 6}}, Map.of());
        CliRun lang = new CliRun();
        assertEquals(2, lang.run("report", dir.toString(), "--lang", "fr"));
        assertTrue(lang.err.toString().contains("--lang") && lang.err.toString().contains("fr"), lang.err.toString());
        CliRun dpi = new CliRun();
        assertEquals(2, dpi.run("report", dir.toString(), "--dpi", "10"));
        assertTrue(dpi.err.toString().contains("--dpi must be 72..600"), dpi.err.toString());
    }

    @Test
    void reproduceRefusesABadLanguageBeforeTraining(@TempDir Path dir) {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("reproduce", "--quick", "--lang", "jp", "--reports", dir.toString(), "--no-progress"));
        assertEquals(0, dir.toFile().list().length, "no run folder was made");
    }
}
