package org.lstmlab.data;

import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.FeatureParams;
import org.lstmlab.features.SkippedClipException;
import org.lstmlab.recipe.Recipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Features for every clip of a dataset: from the cache when it is current, else extracted in parallel across files
 * (one bad WAV is skipped with its rule, never stopping the load), packed in CSV order, and cached.
 */
final class DatasetLoader {
    private final SoundDataset ds;
    private final LoadOptions options;

    DatasetLoader(SoundDataset ds, LoadOptions options) {
        this.ds = ds;
        this.options = options;
    }

    LoadResult load(FeatureParams params) throws IOException {
        String key = FeatureCache.key(ds.fingerprint(), params);
        Path cache = FeatureCache.file(ds, params);
        if (options.useCache() && Files.exists(cache)) {
            try {
                FeatureCache.Entry e = FeatureCache.read(cache, key, params);
                return new LoadResult(ds, e.sequences(), e.skips(), e.clipIndex(), true, e.recipe());
            } catch (FeatureCache.Stale | IOException e) {
                System.err.println("feature cache " + cache + " is unusable (" + e.getMessage() + "); rebuilding");
            }
        }
        LoadResult result = extract(params);
        if (options.useCache()) {
            try {
                FeatureCache.write(cache, key, new FeatureCache.Entry(result.sequences(), result.skips(), result.clipIndex(), result.recipe()));
            } catch (IOException e) {
                System.err.println("could not write feature cache " + cache + ": " + e.getMessage());
            }
        }
        return result;
    }

    private LoadResult extract(FeatureParams params) throws IOException {
        List<Clip> clips = ds.clips();
        FeatureExtractor fx = FeatureExtractor.of(params);
        float[][] features = new float[clips.size()][];
        int[] steps = new int[clips.size()];
        SkipReport.Skip[] skipped = new SkipReport.Skip[clips.size()];
        AtomicInteger done = new AtomicInteger();
        LoadProgress progress = options.progress();
        progress.started("features " + params.mode().id() + " " + params.tag(), clips.size());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "feature-extraction");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < clips.size(); i++) {
                int c = i;
                jobs.add(pool.submit(() -> {
                    try {
                        float[] f = fx.extractFlat(clips.get(c).file());
                        steps[c] = f.length / FeatureParams.FEATURES;
                        features[c] = f;
                    } catch (SkippedClipException e) {
                        skipped[c] = new SkipReport.Skip(ds.relative(clips.get(c)), e.reason(), e.detail());
                    }
                    progress.advanced(done.incrementAndGet());
                }));
            }
            for (Future<?> j : jobs) j.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("feature extraction interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("feature extraction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            progress.finished();
        }
        return pack(params, features, steps, skipped);
    }

    private LoadResult pack(FeatureParams params, float[][] features, int[] steps, SkipReport.Skip[] skipped) {
        List<Clip> clips = ds.clips();
        List<SkipReport.Skip> skips = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        int maxSteps = 0;
        for (int i = 0; i < clips.size(); i++) {
            if (features[i] == null) skips.add(skipped[i]);
            else {
                kept.add(i);
                maxSteps = Math.max(maxSteps, steps[i]);
            }
        }
        int n = kept.size(), f = FeatureParams.FEATURES;
        float[] x = new float[Math.toIntExact((long) n * maxSteps * f)];
        int[] lengths = new int[n], labels = new int[n], index = new int[n];
        List<String> paths = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = kept.get(k);
            System.arraycopy(features[i], 0, x, k * maxSteps * f, features[i].length);
            features[i] = null;
            lengths[k] = steps[i];
            labels[k] = clips.get(i).label();
            index[k] = i;
            paths.add(ds.relative(clips.get(i)));
        }
        PackedSequences p = new PackedSequences(params, f, maxSteps, lengths, x, labels, ds.classNames(), paths, ds.fingerprint());
        return new LoadResult(ds, p, new SkipReport(skips, ds.refusedRows()), index, false, recipe(params));
    }

    private Recipe recipe(FeatureParams params) {
        return Recipe.withVersions().with("dataset", ds.root().toString()).with("layout", ds.layout().name())
                .with("fingerprint", ds.fingerprint()).with("features", params.asMap());
    }
}
