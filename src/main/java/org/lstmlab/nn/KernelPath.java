package org.lstmlab.nn;

import org.lstmlab.recipe.Versions;

/** Which inner loops {@link Float32Engine} uses: chosen at run time (AUTO), or forced for tests and benchmarks. */
public enum KernelPath {
    /** VECTOR when the jdk.incubator.vector module is in the boot layer, else SCALAR. */
    AUTO,
    /** jdk.incubator.vector; needs --add-modules jdk.incubator.vector. */
    VECTOR,
    /** Plain loops over row arrays that C2 auto-vectorises; works on any JVM. */
    SCALAR;

    /** AUTO resolved against this JVM. */
    public KernelPath resolve() {
        if (this != AUTO) return this;
        return Versions.vectorApi() ? VECTOR : SCALAR;
    }
}
