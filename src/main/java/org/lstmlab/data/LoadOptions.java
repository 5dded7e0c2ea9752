package org.lstmlab.data;

/** How to load: worker threads, whether to use the on-disk cache, and where progress goes. */
public record LoadOptions(int threads, boolean useCache, LoadProgress progress) {

    public LoadOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (progress == null) progress = LoadProgress.NONE;
    }

    /** All cores, cache on, a console progress bar. */
    public static LoadOptions defaults() {
        return new LoadOptions(Runtime.getRuntime().availableProcessors(), true, LoadProgress.console());
    }

    public LoadOptions threads(int n) { return new LoadOptions(n, useCache, progress); }
    public LoadOptions useCache(boolean on) { return new LoadOptions(threads, on, progress); }
    public LoadOptions progress(LoadProgress p) { return new LoadOptions(threads, useCache, p); }
}
