package org.lstmlab.nn;

/** Which engine trains, on how many threads. Recorded as the engine that ran, so AUTO never appears in a recipe. */
public record EngineConfig(EngineKind kind, int threads) {

    public EngineConfig {
        if (kind == null) throw new IllegalArgumentException("engine kind is required");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** The toolkit's pick on every core of this machine. */
    public static EngineConfig defaults() { return new EngineConfig(EngineKind.AUTO, Runtime.getRuntime().availableProcessors()); }

    /** What an opened engine is: its resolved kind and its threads. */
    public static EngineConfig of(Engine e) { return new EngineConfig(e.kind(), e.threads()); }
}
