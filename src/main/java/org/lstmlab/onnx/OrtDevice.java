package org.lstmlab.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

import java.util.Locale;

/**
 * Where ORT sessions run. CPU is the default. CUDA needs the {@code onnxruntime_gpu} artifact on the class path
 * instead of {@code onnxruntime}, and a CUDA device; when either is missing, sessions fall back to CPU and say so.
 */
public enum OrtDevice {
    CPU, CUDA;

    @Override public String toString() { return name().toLowerCase(Locale.ROOT); }

    /**
     * Session options for this device with {@code threads} intra-op threads. A CUDA request that cannot be met is
     * reported on stderr and served on CPU; the returned device says which one was used.
     */
    Resolved options(int threads) throws OrtException {
        OrtSession.SessionOptions options = cpuOptions(threads);
        if (this == CPU) return new Resolved(options, CPU);
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {   // not the onnxruntime_gpu artifact
            System.err.println("ORT: CUDA requested but this ONNX Runtime build has no CUDA provider "
                    + "(use the onnxruntime_gpu artifact); running on CPU");
            return new Resolved(options, CPU);
        }
        try {
            options.addCUDA(0);
            return new Resolved(options, CUDA);
        } catch (OrtException e) {
            System.err.println("ORT: CUDA device 0 unavailable (" + e.getMessage() + "); running on CPU");
            options.close();
            return new Resolved(cpuOptions(threads), CPU);
        }
    }

    /**
     * Intra-op threads, and denormals flushed to zero: BPTT gradients fade through hundreds of steps into the
     * subnormal range (below 1.2e-38), where x86 arithmetic is many times slower (3.5x on a whole step here);
     * flushing them changes results by less than 1e-38.
     */
    static OrtSession.SessionOptions cpuOptions(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.addConfigEntry("session.set_denormal_as_zero", "1");
        return options;
    }

    record Resolved(OrtSession.SessionOptions options, OrtDevice device) {}
}
