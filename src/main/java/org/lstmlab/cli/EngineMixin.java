package org.lstmlab.cli;

import org.lstmlab.nn.EngineConfig;
import org.lstmlab.nn.EngineKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which engine computes, on how many threads. */
final class EngineMixin {
    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "float32 (vectorised Java), reference (float64, the book's equations), ort (ONNX Runtime) "
                    + "or auto (float32 on a CPU). Default: ${DEFAULT-VALUE}")
    EngineKind kind = EngineConfig.defaults().kind();

    @Mixin ThreadsMixin threads;

    EngineConfig config() { return new EngineConfig(kind, threads.threads); }
}
