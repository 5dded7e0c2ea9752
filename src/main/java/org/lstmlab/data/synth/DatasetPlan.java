package org.lstmlab.data.synth;

import org.lstmlab.audio.WavInfo.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Every decision about the dataset except the audio itself, drawn sequentially from the seed: class of each clip,
 * its file format, recording (fsID), fold, slice times, salience and Kaggle ID. Clips then render independently
 * and in parallel from their own seeds, so the bytes do not depend on thread scheduling.
 *
 * <p>Formats are shared out per class exactly (largest remainder, ties drawn at random so rare formats land in
 * different classes), so every class has the same format mix up to one clip;
 * slices of one recording share its format, as in UrbanSound8K where slices are cut from one source file.
 */
final class DatasetPlan {

    /** A file format and how often it occurs; keep = survives the book's skip rules (16-bit PCM, 44.1 kHz, 1-2 ch, >= 1 s). */
    record Format(int rate, Encoding encoding, int bits, int channels, boolean extensible, boolean shortClip, double share) {
        boolean keptByBook() {
            return encoding == Encoding.PCM && bits == 16 && !extensible && rate == 44100 && channels <= 2 && !shortClip;
        }
    }

    /** The format mix: 48% survive book mode, as the book kept about 2,600 of 5,435 clips. */
    static final List<Format> FORMATS = List.of(
            new Format(44100, Encoding.PCM, 16, 1, false, false, 0.300),
            new Format(44100, Encoding.PCM, 16, 2, false, false, 0.180),
            new Format(44100, Encoding.PCM, 16, 1, false, true, 0.050),   // too-short
            new Format(44100, Encoding.PCM, 16, 2, false, true, 0.010),   // too-short
            new Format(48000, Encoding.PCM, 16, 1, false, false, 0.135),  // sample-rate
            new Format(48000, Encoding.PCM, 16, 2, false, false, 0.050),  // sample-rate
            new Format(22050, Encoding.PCM, 16, 1, false, false, 0.020),  // sample-rate
            new Format(44100, Encoding.PCM, 24, 1, false, false, 0.120),  // sample-width
            new Format(48000, Encoding.PCM, 24, 2, false, false, 0.050),  // sample-width
            new Format(96000, Encoding.PCM, 24, 1, false, false, 0.020),  // sample-width
            new Format(44100, Encoding.PCM, 32, 1, false, false, 0.010),  // sample-width
            new Format(44100, Encoding.PCM, 8, 1, false, false, 0.010),   // sample-width
            new Format(44100, Encoding.PCM, 16, 1, true, false, 0.020),   // EXTENSIBLE: old Python wave cannot open it
            new Format(44100, Encoding.FLOAT, 32, 1, false, false, 0.010),
            new Format(48000, Encoding.FLOAT, 64, 2, true, false, 0.005),
            new Format(44100, Encoding.PCM, 16, 4, false, false, 0.010)); // channels

    /** One clip: its place in both layouts and everything its renderer needs. */
    record Clip(int index, UrbanClass cls, Format format, double seconds, int kaggleId, int fsId, int occurrence,
                int slice, double start, int fold, int salience, long seed, long recordingSeed) {
        String sliceFileName() { return fsId + "-" + cls.classId() + "-" + occurrence + "-" + slice + ".wav"; }
    }

    final SynthSpec spec;
    final long seed;
    final List<Clip> clips;

    DatasetPlan(SynthSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        // balanced, or in UrbanSound8K's proportions
        int[] perClass = largestRemainder(Arrays.stream(UrbanClass.values())
                .mapToDouble(c -> spec.balanced() ? 1 : c.urbanSoundCount).toArray(), spec.clips(), null);
        List<Recording> recordings = new ArrayList<>();
        Set<Integer> usedFsIds = new HashSet<>();
        for (UrbanClass c : UrbanClass.values()) {
            int[] perFormat = largestRemainder(FORMATS.stream().mapToDouble(Format::share).toArray(), perClass[c.ordinal()], r);
            // group the class's clips of one format into recordings of 1-10 slices
            for (int f = 0; f < perFormat.length; f++) {
                int left = perFormat[f];
                while (left > 0) {
                    int slices = Math.min(left, 1 + r.nextInt(10));
                    int fsId;
                    do fsId = 1000 + r.nextInt(200_000); while (!usedFsIds.add(fsId));
                    recordings.add(new Recording(c, FORMATS.get(f), fsId, slices));
                    left -= slices;
                }
            }
        }
        Collections.shuffle(recordings, new java.util.Random(r.nextLong()));
        int[] foldOf = new int[recordings.size()], foldSize = new int[10];
        for (int k = 0; k < recordings.size(); k++) { // each recording goes whole to the emptiest fold
            int fold = 0;
            for (int j = 1; j < 10; j++) if (foldSize[j] < foldSize[fold]) fold = j;
            foldOf[k] = fold + 1;
            foldSize[fold] += recordings.get(k).slices();
        }
        // Kaggle IDs: a sparse subset of 0..1.6N, like train vs test
        List<Integer> ids = new ArrayList<>(IntStream.range(0, spec.clips() * 8 / 5).boxed().toList());
        Collections.shuffle(ids, new java.util.Random(r.nextLong()));
        List<Clip> out = new ArrayList<>();
        for (int k = 0; k < recordings.size(); k++) {
            Recording rec = recordings.get(k);
            double start = Math.floor(r.nextDouble() * 300) / 10, backgroundOdds = r.nextDouble() * 0.6;
            int occurrence = 0, slice = 0;
            long recordingSeed = r.nextLong();
            for (int s = 0; s < rec.slices(); s++) {
                if (s > 0 && r.nextDouble() < 0.2) { occurrence++; slice = 0; start += 1 + r.nextInt(20); }
                double seconds = rec.format().shortClip() ? 0.3 + 0.69 * r.nextDouble()
                        : r.nextDouble() < 0.75 ? spec.maxSeconds() : 1 + (spec.maxSeconds() - 1) * r.nextDouble();
                seconds = Math.round(seconds * 1000) / 1000.0;
                int index = out.size();
                out.add(new Clip(index, rec.cls(), rec.format(), seconds, ids.get(index), rec.fsId(), occurrence,
                        slice++, Math.round(start * 1000) / 1000.0, foldOf[k], r.nextDouble() < backgroundOdds ? 2 : 1,
                        r.nextLong(), recordingSeed));
                start += seconds;
            }
        }
        this.clips = List.copyOf(out);
    }

    private record Recording(UrbanClass cls, Format format, int fsId, int slices) {}

    /** Counts proportional to weights summing to total; ties in the remainder go in random order (null: in index order). */
    static int[] largestRemainder(double[] weights, int total, SplittableRandom tieBreak) {
        double sum = Arrays.stream(weights).sum();
        int[] counts = new int[weights.length];
        Integer[] order = new Integer[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            counts[i] = (int) Math.floor(weights[i] / sum * total);
            given += counts[i];
            order[i] = i;
        }
        if (tieBreak != null) Collections.shuffle(Arrays.asList(order), new java.util.Random(tieBreak.nextLong()));
        Arrays.sort(order, Comparator.comparingDouble(i -> -(weights[i] / sum * total - counts[i])));
        for (int k = 0; k < total - given; k++) counts[order[k]]++;
        return counts;
    }
}
