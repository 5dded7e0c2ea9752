package org.lstmlab.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DatasetLoaderTest {

    @Test
    void repackDropsSlotsAndShrinksToTheLongestKeptClip() {
        int f = 100, maxSteps = 3, slot = maxSteps * f;
        float[] x = new float[4 * slot];
        int[] lengths = {3, 1, 2, 3};
        for (int k = 0; k < 4; k++)
            for (int i = 0; i < lengths[k] * f; i++) x[k * slot + i] = 1000 * k + i + 1;
        // slots 0 and 3 (the 3-frame clips) fail in the second pass: slots 1 and 2 are left, 2 frames at most
        float[] out = DatasetLoader.repack(x, slot, new int[] {1, 2}, new int[] {1, 2}, 2);
        assertEquals(2 * 2 * f, out.length);
        for (int i = 0; i < 2 * f; i++) assertEquals(i < f ? 1000 + i + 1 : 0, out[i], "clip 1, float " + i + " (then padding)");
        for (int i = 0; i < 2 * f; i++) assertEquals(2000 + i + 1, out[2 * f + i], "clip 2, float " + i);
    }
}
