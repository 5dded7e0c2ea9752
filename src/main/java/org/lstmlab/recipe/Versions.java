package org.lstmlab.recipe;

import java.util.LinkedHashMap;
import java.util.Map;

/** Software and machine versions recorded in every recipe. */
public final class Versions {
    private Versions() {}

    public static String lstmLab() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static Map<String, Object> all() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lstm-lab", lstmLab());
        m.put("java", System.getProperty("java.version"));
        m.put("java.vendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("vector-api", vectorApi());
        return m;
    }

    /**
     * True when the incubating Vector API is in this JVM ({@code --add-modules jdk.incubator.vector}): the one check
     * behind every vector code path, so a JVM without the module never loads a class that needs it.
     */
    public static boolean vectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
