package org.lstmlab.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class SplitsTest {

    static void assertPartition(Split s, int n) {
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())), Arrays.stream(s.test()))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all);
    }

    @Test
    void bookSplitCountsFollowSpecSection2() {
        int[][] cases = {{2553, 2040, 127, 386}, {2677, 2140, 133, 404}, {100, 80, 5, 15}, {19, 10, 0, 9}};
        for (int[] c : cases) {
            Split s = Splits.book(c[0], 1234);
            assertEquals(c[1], s.train().length, "train of " + c[0]);
            assertEquals(c[2], s.validation().length, "validation of " + c[0]);
            assertEquals(c[3], s.test().length, "test of " + c[0]);
            assertPartition(s, c[0]);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        assertArrayEquals(Splits.book(500, 7).train(), Splits.book(500, 7).train());
        assertFalse(Arrays.equals(Splits.book(500, 7).train(), Splits.book(500, 8).train()));
    }

    /** Pinned draws: recorded splits and training histories depend on them, so they must never change. */
    @Test
    void permutationAndBookSplitDrawExactlyAsBefore() {
        assertArrayEquals(new int[] {0, 1, 6, 7, 3, 5, 10, 11, 9, 8, 4, 2}, Splits.permutation(12, new Random(42)));
        assertArrayEquals(new int[] {0, 2, 5, 15, 12, 6, 18, 11, 9, 4, 24, 14, 23, 20, 10, 1, 7, 19, 21, 13},
                Splits.book(25, 1234).train());
    }

    @Test
    void foldSplitHoldsOutOneFoldAndTakesValidationAsWholeRecordingsFromTheOthers() {
        int n = 1000;
        int[] folds = new int[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            folds[i] = i % 10 + 1;
            groups[i] = "fs" + (i / 30) + "-" + folds[i]; // about 3 clips per recording, inside one fold
        }
        Split s = Splits.folds(folds, groups, 4, 1);
        assertPartition(s, n);
        assertEquals(100, s.test().length);
        for (int i : s.test()) assertEquals(4, folds[i]);
        for (int i : s.train()) assertNotEquals(4, folds[i]);
        assertTrue(s.validation().length >= 45 && s.validation().length <= 48, "validation " + s.validation().length);
        Set<String> trainGroups = new HashSet<>();
        for (int i : s.train()) trainGroups.add(groups[i]);
        for (int i : s.validation()) assertFalse(trainGroups.contains(groups[i]), groups[i] + " on both sides");
        assertArrayEquals(s.validation(), Splits.folds(folds, groups, 4, 1).validation());
    }
}
