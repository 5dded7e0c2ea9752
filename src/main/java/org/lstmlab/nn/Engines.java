package org.lstmlab.nn;

import java.util.ServiceLoader;

/** Opens the engine for an {@link EngineKind}; the caller closes it. */
public final class Engines {
    private Engines() {}

    /** One thread per engine: the safe choice when several models train side by side. */
    public static Engine open(EngineKind kind) { return open(kind, 1); }

    /**
     * {@code threads} splits each batch across threads (FLOAT32) or sets ORT's intra-op threads; the float64 reference
     * engine is single-threaded. A history is bit-identical only between runs with the same engine and thread count.
     */
    public static Engine open(EngineConfig c) { return open(c.kind(), c.threads()); }

    public static Engine open(EngineKind kind, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        return switch (kind) {
            case REFERENCE -> new ReferenceEngine();
            case FLOAT32, AUTO -> new Float32Engine(threads);
            default -> provider(kind).open(threads);
        };
    }

    private static EngineProvider provider(EngineKind kind) {
        // the interface's own loader sees the jar's services file, also under a notebook kernel's class loader
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class, EngineProvider.class.getClassLoader()))
            if (p.kind() == kind) return p;
        throw new IllegalStateException("engine " + kind.id() + " is not on the class path");
    }
}
