package org.lstmlab.data.synth;

import org.lstmlab.audio.WavInfo;
import org.lstmlab.data.Clip;
import org.junit.jupiter.api.Test;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The plan is cheap (no audio), so the full presets are checked here. */
class DatasetPlanTest {

    private static Map<UrbanClass, Long> keptPerClass(DatasetPlan p) {
        return p.clips.stream().filter(c -> c.format().keptByBook())
                .collect(Collectors.groupingBy(DatasetPlan.Clip::cls, Collectors.counting()));
    }

    @Test
    void smallPresetKeepsEnoughOfEveryClassInBookMode() {
        DatasetPlan p = new DatasetPlan(SyntheticPreset.SMALL.spec(), 1234);
        assertEquals(600, p.clips.size());
        Map<UrbanClass, Long> perClass = p.clips.stream().collect(Collectors.groupingBy(DatasetPlan.Clip::cls, Collectors.counting()));
        for (UrbanClass c : UrbanClass.values()) {
            assertEquals(60, perClass.get(c), c.label);
            assertTrue(keptPerClass(p).get(c) >= 25, c.label + " keeps " + keptPerClass(p).get(c));
        }
    }

    @Test
    void bookPresetSkipsAboutHalfLikeTheBook() {
        DatasetPlan p = new DatasetPlan(SyntheticPreset.BOOK.spec(), 1234);
        assertEquals(5435, p.clips.size());
        long kept = keptPerClass(p).values().stream().mapToLong(Long::longValue).sum();
        assertTrue(kept > 2450 && kept < 2750, "kept " + kept); // the book kept about 2,550-2,680
        // UrbanSound8K's class mix: car_horn and gun_shot are the rare classes
        Map<UrbanClass, Long> perClass = p.clips.stream().collect(Collectors.groupingBy(DatasetPlan.Clip::cls, Collectors.counting()));
        assertEquals(Math.round(5435 * 374 / 8732.0), perClass.get(UrbanClass.GUN_SHOT), 1);
        assertEquals(Math.round(5435 * 929 / 8732.0), perClass.get(UrbanClass.SIREN), 1);
    }

    @Test
    void everyFormatOfTheMixOccurs() {
        DatasetPlan p = new DatasetPlan(SyntheticPreset.SMALL.spec(), 99);
        Set<DatasetPlan.Format> seen = p.clips.stream().map(DatasetPlan.Clip::format).collect(Collectors.toSet());
        assertTrue(seen.stream().anyMatch(f -> f.rate() == 48000));
        assertTrue(seen.stream().anyMatch(f -> f.bits() == 24));
        assertTrue(seen.stream().anyMatch(f -> f.bits() == 8));
        assertTrue(seen.stream().anyMatch(f -> f.encoding() == WavInfo.Encoding.FLOAT));
        assertTrue(seen.stream().anyMatch(DatasetPlan.Format::extensible));
        assertTrue(seen.stream().anyMatch(f -> f.channels() == 2 && f.keptByBook()));
        assertTrue(seen.stream().anyMatch(f -> f.channels() > 2));
        assertTrue(p.clips.stream().anyMatch(c -> c.seconds() < 1));
        assertTrue(p.clips.stream().allMatch(c -> c.seconds() >= 0.3 && c.seconds() <= 2.0));
        // most files are 44.1 kHz 16-bit, as in UrbanSound8K
        long common = p.clips.stream().filter(c -> c.format().rate() == 44100 && c.format().bits() == 16).count();
        assertTrue(common > p.clips.size() / 2, "44.1k/16-bit: " + common);
    }

    @Test
    void recordingsStayInOneFoldWithOneFormatAndFoldsAreBalanced() {
        DatasetPlan p = new DatasetPlan(SyntheticPreset.BOOK.spec(), 5);
        Map<Integer, Set<Integer>> foldsOf = new HashMap<>();
        Map<Integer, Set<DatasetPlan.Format>> formatsOf = new HashMap<>();
        int[] foldSize = new int[11];
        Set<String> names = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (DatasetPlan.Clip c : p.clips) {
            foldsOf.computeIfAbsent(c.fsId(), k -> new HashSet<>()).add(c.fold());
            formatsOf.computeIfAbsent(c.fsId(), k -> new HashSet<>()).add(c.format());
            foldSize[c.fold()]++;
            assertTrue(names.add(c.sliceFileName()), "duplicate " + c.sliceFileName());
            assertTrue(ids.add(c.kaggleId()), "duplicate ID " + c.kaggleId());
        }
        foldsOf.forEach((fs, folds) -> assertEquals(1, folds.size(), "fsID " + fs + " in folds " + folds));
        formatsOf.forEach((fs, f) -> assertEquals(1, f.size(), "fsID " + fs));
        assertTrue(foldsOf.size() < p.clips.size() / 3, "several slices per recording: " + foldsOf.size() + " recordings");
        for (int f = 1; f <= 10; f++) assertEquals(543.5, foldSize[f], 15, "fold " + f);
    }

    @Test
    void theSeedDecidesEverything() {
        SynthSpec spec = new SynthSpec("t", 200, true, 4);
        assertEquals(new DatasetPlan(spec, 3).clips, new DatasetPlan(spec, 3).clips);
        assertNotEquals(new DatasetPlan(spec, 3).clips, new DatasetPlan(spec, 4).clips);
    }

    @Test
    void largestRemainderHitsTheTotalExactly() {
        assertArrayEquals(new int[]{4, 3, 3}, DatasetPlan.largestRemainder(new double[]{1, 1, 1}, 10, null));
        assertArrayEquals(new int[]{1, 0, 2}, DatasetPlan.largestRemainder(new double[]{0.3, 0.1, 0.6}, 3, new java.util.SplittableRandom(1)));
    }
}
