package org.lstmlab.train;

import java.util.Locale;

/** Which {@link org.lstmlab.nn.Engine} trains a model; chosen with one argument (--engine java|reference|ort|auto). */
public enum EngineKind {
    /** The vectorised float32 Java engine (FastEngine). */
    JAVA,
    /** The float64 Java engine that reads like the book (ReferenceEngine). */
    REFERENCE,
    /** The ONNX Runtime training engine. */
    ORT,
    /** The toolkit's pick for this machine; currently JAVA. */
    AUTO;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static EngineKind parse(String s) {
        for (EngineKind k : values()) if (k.id().equals(s.trim().toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown engine '" + s + "': expected java, reference, ort or auto");
    }
}
