package org.lstmlab.data;

/** How to load: worker threads, whether to use the on-disk cache, and where progress goes. */
public record LoadConfig(int threads, boolean useCache, Progress.Sink progress) {

    public LoadConfig {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (progress == null) progress = Progress.Sink.NONE;
    }

    /** All cores, cache on, a console progress bar. */
    public static LoadConfig defaults() {
        return new LoadConfig(Runtime.getRuntime().availableProcessors(), true, Progress.Sink.console());
    }

    public LoadConfig progress(Progress.Sink p) { return new LoadConfig(threads, useCache, p); }
}
