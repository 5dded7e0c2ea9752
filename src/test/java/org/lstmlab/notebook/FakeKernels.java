package org.lstmlab.notebook;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the kernels' display classes, with their real names and method shapes, compiled at test time
 * into their own class loader (as a kernel's jar sits outside the notebook's loader). Each records its calls in a
 * public static list CALLS of Object[] {method, args...}.
 */
final class FakeKernels {

    static final String RAPAIO = """
            package org.rapaio.jupyter.kernel.global;
            public final class Global {
                public static final java.util.List<Object[]> CALLS = new java.util.ArrayList<>();
                public static String display(Object o) { CALLS.add(new Object[] {"display1", o}); return "r" + CALLS.size(); }
                public static String display(String mime, Object o) { CALLS.add(new Object[] {"display", mime, o}); return "r" + CALLS.size(); }
                public static void updateDisplay(String id, Object o) { CALLS.add(new Object[] {"update1", id, o}); }
                public static void updateDisplay(String id, String mime, Object o) { CALLS.add(new Object[] {"update", id, mime, o}); }
            }
            """;

    /** IJava and JJava share this shape; only package and class name differ. */
    static String spencerParkShape(String pkg, String cls) {
        return """
                package %s;
                public class %s {
                    public static final java.util.List<Object[]> CALLS = new java.util.ArrayList<>();
                    public static String display(Object o) { CALLS.add(new Object[] {"display1", o}); return "i" + CALLS.size(); }
                    public static String display(Object o, String... as) { CALLS.add(new Object[] {"display", as[0], o}); return "i" + CALLS.size(); }
                    public static void updateDisplay(String id, Object o) { CALLS.add(new Object[] {"update1", id, o}); }
                    public static void updateDisplay(String id, Object o, String... as) { CALLS.add(new Object[] {"update", id, as[0], o}); }
                }
                """.formatted(pkg, cls);
    }

    static final String IJAVA = spencerParkShape("io.github.spencerpark.ijava.runtime", "Display");
    static final String JJAVA = spencerParkShape("org.dflib.jjava.jupyter.kernel", "BaseNotebookStatics");
    /** JJava up to 1.0-a5 kept the same statics in its runtime package. */
    static final String JJAVA_A5 = spencerParkShape("org.dflib.jjava.runtime", "Display");

    private FakeKernels() {}

    static final Map<String, String> SOURCES = Map.of(
            "org.rapaio.jupyter.kernel.global.Global", RAPAIO,
            "io.github.spencerpark.ijava.runtime.Display", IJAVA,
            "org.dflib.jjava.jupyter.kernel.BaseNotebookStatics", JJAVA,
            "org.dflib.jjava.runtime.Display", JJAVA_A5);

    /** Compiles all fakes in one javac run; returns one loader per class that sees only that class. */
    static Map<String, ClassLoader> compile(Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString()));
        for (var e : SOURCES.entrySet()) {
            Path src = dir.resolve("src").resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, e.getValue());
            args.add(src.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("fake kernels did not compile");
        }
        Map<String, ClassLoader> loaders = new HashMap<>();
        for (String fqcn : SOURCES.keySet()) {
            String file = fqcn.replace('.', '/') + ".class";
            Path only = dir.resolve("only").resolve(fqcn).resolve(file);
            Files.createDirectories(only.getParent());
            Files.copy(dir.resolve("classes").resolve(file), only);
            loaders.put(fqcn, new URLClassLoader(new URL[] {dir.resolve("only").resolve(fqcn).toUri().toURL()}, null));
        }
        return loaders;
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> calls(ClassLoader loader, String fqcn) throws ReflectiveOperationException {
        return (List<Object[]>) Class.forName(fqcn, true, loader).getField("CALLS").get(null);
    }
}
