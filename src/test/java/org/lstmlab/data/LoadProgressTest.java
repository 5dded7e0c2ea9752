package org.lstmlab.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LoadProgressTest {

    /** reproduce &gt; log 2&gt;&amp;1 once wrote 638 bar frames onto one line; off a terminal each task gets at most 11 lines. */
    @Test
    void offATerminalEachTaskPrintsALinePerTenthAndNoFrames() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadProgress p = LoadProgress.console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        for (String task : new String[] {"training", "features book 10-100"}) {
            p.started(task, 638);
            for (int i = 1; i <= 638; i++) p.advanced(i);
            p.finished();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r"), "no carriage returns in a log");
        List<String> lines = out.lines().toList();
        assertEquals(22, lines.size(), out);
        assertEquals("training: 0/638 (0%)", lines.get(0));
        assertEquals("training: 64/638 (10%)", lines.get(1));
        assertEquals("training: 638/638 (100%)", lines.get(10));
        assertEquals("features book 10-100: 0/638 (0%)", lines.get(11));
    }
}
