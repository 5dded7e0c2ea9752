package org.lstmlab.train;

import org.lstmlab.data.Splits;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class SeedStreamsTest {

    /** Pinned: resumed runs and recorded histories depend on the exact shuffle of each epoch. */
    @Test
    void anEpochsShuffleDependsOnlyOnSeedAndEpoch() {
        int[] third = {0, 9, 8, 2, 7, 6, 3, 4, 11, 10, 5, 1};
        assertArrayEquals(third, Splits.permutation(12, SeedStreams.shuffle(1234, 3)));
        assertArrayEquals(third, Splits.permutation(12, SeedStreams.shuffle(1234, 3)));
        assertFalse(Arrays.equals(third, Splits.permutation(12, SeedStreams.shuffle(1234, 4))));
        assertFalse(Arrays.equals(third, Splits.permutation(12, SeedStreams.validation(1234, 3))));
    }
}
