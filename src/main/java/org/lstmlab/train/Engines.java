package org.lstmlab.train;

import org.lstmlab.nn.Engine;
import org.lstmlab.nn.ReferenceEngine;
import org.lstmlab.onnx.OrtTrainingEngine;

/** Opens the engine for an {@link EngineKind}; the caller closes it. */
public final class Engines {
    private Engines() {}

    public static Engine open(EngineKind kind) {
        switch (kind) {
            case REFERENCE: return new ReferenceEngine();
            case JAVA: throw new IllegalStateException("the fast Java engine (FastEngine) is not available in this build; use --engine reference");
            case ORT: return new OrtTrainingEngine();
            case AUTO: return new ReferenceEngine();   // until FastEngine lands
            default: throw new IllegalArgumentException("unknown engine kind " + kind);
        }
    }
}
