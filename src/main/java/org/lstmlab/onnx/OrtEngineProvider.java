package org.lstmlab.onnx;

import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.EngineProvider;

/** Registers {@link OrtEngine} on the CPU as engine "ort" (META-INF/services). */
public final class OrtEngineProvider implements EngineProvider {
    @Override public EngineKind kind() { return EngineKind.ORT; }

    @Override public Engine open(int threads) { return new OrtEngine(OrtDevice.CPU, threads); }
}
