package org.lstmlab.recipe;

/** Software and machine versions, recorded in every recipe. */
public record Versions(String lstmLab, String java, String javaVendor, String os, int cores, boolean vectorModule) {

    /** This JVM's. */
    public static Versions current() {
        String lstmLab = Versions.class.getPackage().getImplementationVersion();
        return new Versions(lstmLab == null ? "dev" : lstmLab, System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), vectorApi());
    }

    /**
     * True when the incubating Vector API is in this JVM ({@code --add-modules jdk.incubator.vector}): the one check
     * behind every vector code path, so a JVM without the module never loads a class that needs it.
     */
    public static boolean vectorApi() { return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(); }
}
