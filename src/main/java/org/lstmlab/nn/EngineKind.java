package org.lstmlab.nn;

import java.util.Locale;

/**
 * Which {@link Engine} trains a model. Its {@link #id()} is the one name the CLI (--engine), recipes and logs use.
 */
public enum EngineKind {
    /** {@link Float32Engine}: vectorised float32 Java. */
    FLOAT32,
    /** {@link ReferenceEngine}: float64 Java that reads like the book. */
    REFERENCE,
    /** The ONNX Runtime engine, registered by the onnx package as an {@link EngineProvider}. */
    ORT,
    /** The toolkit's pick for this machine: FLOAT32 on a CPU (ONNX Runtime was slower at every CPU shape measured). */
    AUTO;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The id, so that help texts and JSON show what the CLI accepts. */
    @Override public String toString() { return id(); }
}
