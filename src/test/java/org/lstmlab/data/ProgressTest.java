package org.lstmlab.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProgressTest {

    /** reproduce &gt; log 2&gt;&amp;1 once wrote 638 bar frames onto one line; off a terminal each task gets at most 11 lines. */
    @Test
    void asLinesEachTaskPrintsALinePerTenthAndNoFrames() {
        List<String> lines = new ArrayList<>();
        Progress.Sink p = Progress.Sink.lines(lines::add);
        for (String task : new String[] {"training", "features book 10-100"}) {
            p.update(new Progress(task, 0, 638, ""));
            for (int i = 1; i <= 638; i++) p.update(new Progress(task, i, 638, i == 64 ? "epoch 1/10" : ""));
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r") || l.contains("\n")), "whole lines, no redrawn frames");
        assertEquals(22, lines.size(), String.join("\n", lines));
        assertEquals("training: 0/638 (0%)", lines.get(0));
        assertEquals("training: 64/638 (10%) epoch 1/10", lines.get(1));
        assertEquals("training: 638/638 (100%)", lines.get(10));
        assertEquals("features book 10-100: 0/638 (0%)", lines.get(11));
    }

    @Test
    void lateEventsOfAnEndedTaskPrintNothingAndARestartPrintsAgain() {
        List<String> lines = new ArrayList<>();
        Progress.Sink p = Progress.Sink.lines(lines::add);
        p.update(new Progress("load", 0, 10, ""));
        p.update(new Progress("load", 10, 10, ""));   // a worker finished last ...
        p.update(new Progress("load", 9, 10, ""));    // ... before another reported
        assertEquals(List.of("load: 0/10 (0%)", "load: 10/10 (100%)"), lines);
        p.update(new Progress("load", 0, 10, ""));
        assertEquals("load: 0/10 (0%)", lines.get(2), "the same task run again starts over");
    }
}
