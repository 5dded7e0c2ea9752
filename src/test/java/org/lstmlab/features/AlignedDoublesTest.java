package org.lstmlab.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AlignedDoublesTest {

    @Test
    void slicesStartOnWholeCacheLinesAndNeverOverlap() {
        int[] lengths = {1, 8, 9, 35280, 3};
        int total = 0;
        for (int len : lengths) total += AlignedDoubles.lines(len);
        AlignedDoubles memory = new AlignedDoubles(total);
        int first = memory.slice(lengths[0]), end = first + lengths[0];
        for (int i = 1; i < lengths.length; i++) {
            int at = memory.slice(lengths[i]);
            assertEquals(0, (at - first) % 8, "slice " + i + " starts a whole number of 64-byte lines after the first");
            assertTrue(at >= end, "slice " + i + " starts after the previous one ends");
            end = at + lengths[i];
        }
        assertTrue(end <= memory.array().length);
        assertThrows(IllegalStateException.class, () -> memory.slice(memory.array().length), "more than the array holds");
    }

    @Test
    void linesRoundUpToWholeCacheLines() {
        assertEquals(0, AlignedDoubles.lines(0));
        assertEquals(8, AlignedDoubles.lines(1));
        assertEquals(8, AlignedDoubles.lines(8));
        assertEquals(16, AlignedDoubles.lines(9));
    }
}
