package org.lstmlab.nn;

/**
 * An engine that lives outside this package and registers itself through {@link java.util.ServiceLoader}
 * (META-INF/services), so that training code never depends on it: the ONNX Runtime engine is one.
 */
public interface EngineProvider {
    EngineKind kind();

    Engine open(int threads);
}
