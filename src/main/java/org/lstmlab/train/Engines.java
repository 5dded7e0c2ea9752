package org.lstmlab.train;

import org.lstmlab.nn.Engine;
import org.lstmlab.nn.FastEngine;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.onnx.OrtDevice;
import org.lstmlab.onnx.OrtTrainingEngine;

/** Opens the engine for an {@link EngineKind}; the caller closes it. */
public final class Engines {
    private Engines() {}

    /** One thread per engine: the safe choice when several models train side by side. */
    public static Engine open(EngineKind kind) { return open(kind, 1); }

    /**
     * {@code threads} splits each batch across threads (JAVA) or sets ORT's intra-op threads; the float64 reference
     * engine is single-threaded. A history is bit-identical only between runs with the same engine and thread count.
     */
    public static Engine open(EngineKind kind, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        switch (kind) {
            case REFERENCE: return new ReferenceEngine();
            case JAVA: case AUTO: return new FastEngine(threads);
            case ORT: return new OrtTrainingEngine(OrtDevice.CPU, threads);
            default: throw new IllegalArgumentException("unknown engine kind " + kind);
        }
    }

    /**
     * The threads an engine splits a batch across, recorded beside its name because a history is reproducible only
     * with both: FastEngine's and ORT's thread count; 1 for the reference engine and any other, which run on the
     * caller's thread.
     */
    public static int threads(Engine e) {
        if (e instanceof FastEngine f) return f.threads();
        if (e instanceof OrtTrainingEngine o) return o.threads();
        return 1;
    }
}
