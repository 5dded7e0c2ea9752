package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.SkippedClipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Features for every clip of a dataset: from the cache when it is current, else extracted in parallel across files
 * (one bad WAV is skipped with its rule, never stopping the load), packed in CSV order, and cached.
 */
record DatasetLoader(SoundDataset ds, LoadConfig options) {

    LoadResult load(FeatureConfig params) {
        String key = FeatureCache.key(ds.fingerprint(), params);
        Path cache = FeatureCache.file(ds, params);
        if (options.useCache() && Files.exists(cache)) {
            try {
                return FeatureCache.read(cache, key, ds, params);
            } catch (IOException e) {
                System.err.println("feature cache " + cache + " is unusable (" + e.getMessage() + "); rebuilding");
            }
        }
        LoadResult result = extract(params);
        if (options.useCache()) {
            try {
                FeatureCache.write(cache, key, result);
            } catch (IOException e) {
                System.err.println("could not write feature cache " + cache + ": " + e.getMessage());
            }
        }
        return result;
    }

    /**
     * Two passes over the files, both in parallel: the headers give every kept clip's frame count, then each clip's
     * features go straight into its slot of the packed array. No per-clip copies live through the load, so the
     * collector has nothing to move and nothing is packed afterwards. A clip that fails only in the second pass
     * (changed on disk meanwhile) is dropped and the rest repacked.
     */
    private LoadResult extract(FeatureConfig params) {
        List<Clip> clips = ds.clips();
        FeatureExtractor fx = FeatureExtractor.of(params);
        int[] steps = new int[clips.size()];
        String[] warnings = new String[clips.size()];
        SkipReport.Skip[] skipped = new SkipReport.Skip[clips.size()];
        String task = "features " + params.mode().id() + " " + params.tag();
        options.progress().update(new Progress(task, 0, clips.size(), ""));
        AtomicInteger done = new AtomicInteger();
        Runnable advance = () -> options.progress().update(new Progress(task, done.incrementAndGet(), clips.size(), ""));
        Parallel.forEach(clips.size(), options.threads(), c -> {
            try {
                FeatureExtractor.Plan plan = fx.plan(clips.get(c).file());
                steps[c] = plan.steps();
                warnings[c] = plan.warning().orElse(null);
            } catch (SkippedClipException e) {
                skipped[c] = skip(c, e);
                advance.run();
            }
        });
        int[] kept = IntStream.range(0, clips.size()).filter(c -> skipped[c] == null).toArray();
        int maxSteps = Arrays.stream(kept).map(c -> steps[c]).max().orElse(0), f = FeatureConfig.FEATURES;
        float[] x = new float[Math.toIntExact((long) kept.length * maxSteps * f)];
        Parallel.forEach(kept.length, options.threads(), k -> {
            int c = kept[k];
            try {
                fx.extractInto(clips.get(c).file(), x, k * maxSteps * f, steps[c]);
            } catch (SkippedClipException e) {
                skipped[c] = skip(c, e);
            }
            advance.run();
        });
        return pack(params, x, maxSteps, kept, steps, skipped, warnings);
    }

    private SkipReport.Skip skip(int c, SkippedClipException e) {
        return new SkipReport.Skip(ds.relative(ds.clips().get(c)), e.reason(), e.detail());
    }

    /** The packed sequences of the clips in slots; those skipped in the second pass are dropped (rare). */
    private LoadResult pack(FeatureConfig params, float[] x, int maxSteps, int[] slots, int[] steps, SkipReport.Skip[] skipped,
                            String[] warnings) {
        List<Clip> clips = ds.clips();
        int[] from = IntStream.range(0, slots.length).filter(k -> skipped[slots[k]] == null).toArray();
        int[] kept = Arrays.stream(from).map(k -> slots[k]).toArray();
        int[] lengths = Arrays.stream(kept).map(c -> steps[c]).toArray();
        if (kept.length < slots.length) {
            int slot = maxSteps * FeatureConfig.FEATURES;
            maxSteps = Arrays.stream(lengths).max().orElse(0);
            x = repack(x, slot, from, lengths, maxSteps);
        }
        List<SkipReport.Skip> skips = Arrays.stream(skipped).filter(Objects::nonNull).toList();
        int[] labels = Arrays.stream(kept).map(c -> clips.get(c).label()).toArray();
        List<String> paths = Arrays.stream(kept).mapToObj(c -> ds.relative(clips.get(c))).toList();
        PackedSequences p = new PackedSequences(params, FeatureConfig.FEATURES, maxSteps, lengths, x, labels, ds.classNames(), paths, ds.source());
        List<SkipReport.Warning> read = Arrays.stream(kept).filter(c -> warnings[c] != null)
                .mapToObj(c -> new SkipReport.Warning(ds.relative(clips.get(c)), warnings[c])).toList();
        return new LoadResult(ds, p, new SkipReport(skips, read, ds.refusedRows()), kept, false);
    }

    /**
     * Slots from[k] (each slot floats long) of x, of lengths[k] frames, into a new array of slots maxSteps frames
     * long.
     */
    static float[] repack(float[] x, int slot, int[] from, int[] lengths, int maxSteps) {
        int f = FeatureConfig.FEATURES;
        float[] out = new float[Math.toIntExact((long) from.length * maxSteps * f)];
        for (int k = 0; k < from.length; k++) System.arraycopy(x, from[k] * slot, out, k * maxSteps * f, lengths[k] * f);
        return out;
    }
}
