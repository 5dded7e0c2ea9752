package org.lstmlab.notebook;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One way to put a value into a notebook cell's output: a running Jupyter kernel's display statics, found by
 * reflection, or plain text when no kernel is running. Kernels differ only in argument order, so two shapes cover
 * the three known kernels.
 */
interface JupyterKernel {

    /** Name for messages: "rapaio", "ijava", "jjava" or "text". */
    String name();

    /** Shows {@code value} as {@code mime}; returns an id for {@link #update}. */
    String display(String mime, Object value);

    /** Replaces the output shown under {@code id}. */
    void update(String id, String mime, Object value);

    /** Known kernels, in lookup order: the class holding the display statics, and its name. */
    List<String[]> KNOWN = List.of(
            new String[] {"org.rapaio.jupyter.kernel.global.Global", "rapaio"},
            new String[] {"org.dflib.jjava.jupyter.kernel.BaseNotebookStatics", "jjava"},   // JJava 1.0-a6 on
            new String[] {"org.dflib.jjava.runtime.Display", "jjava"},                      // JJava up to 1.0-a5
            new String[] {"io.github.spencerpark.ijava.runtime.Display", "ijava"});

    /**
     * The first known kernel class visible from any of {@code loaders} that has one of the two method shapes, else
     * null. In JShell kernels the notebook's classes live in a child loader of the kernel's, so the caller passes
     * this library's loader, the thread context loader and the system loader.
     */
    static JupyterKernel find(List<ClassLoader> loaders) {
        for (String[] known : KNOWN) {
            for (ClassLoader loader : loaders) {
                if (loader == null) continue;
                try {
                    JupyterKernel k = of(Class.forName(known[0], true, loader), known[1]);
                    if (k != null) return k;
                } catch (ClassNotFoundException | LinkageError absent) {
                    // not this kernel, or not visible from this loader
                }
            }
        }
        return null;
    }

    /** Wraps a display-statics class if it has a known shape, else null. */
    static JupyterKernel of(Class<?> statics, String name) {
        try { // rapaio: display(String mime, Object o), updateDisplay(String id, String mime, Object o)
            return new Reflective(name, statics.getMethod("display", String.class, Object.class),
                    statics.getMethod("updateDisplay", String.class, String.class, Object.class), false);
        } catch (NoSuchMethodException notRapaioShape) {
            // fall through to the IJava/JJava shape
        }
        try { // IJava, JJava: display(Object o, String... as), updateDisplay(String id, Object o, String... as)
            return new Reflective(name, statics.getMethod("display", Object.class, String[].class),
                    statics.getMethod("updateDisplay", String.class, Object.class, String[].class), true);
        } catch (NoSuchMethodException unknownShape) {
            return null;
        }
    }

    /** A kernel's static display methods, called by reflection. */
    record Reflective(String name, Method display, Method update, boolean mimeLast) implements JupyterKernel {

        @Override public String display(String mime, Object value) {
            return String.valueOf(mimeLast ? call(display, value, new String[] {mime}) : call(display, mime, value));
        }

        @Override public void update(String id, String mime, Object value) {
            if (mimeLast) call(update, id, value, new String[] {mime});
            else call(update, id, mime, value);
        }

        private Object call(Method m, Object... args) {
            try {
                return m.invoke(null, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(name + " kernel: cannot call " + m, e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                throw new IllegalStateException(name + " kernel: " + m.getName() + " failed: " + cause, cause);
            }
        }
    }

    /** Outside a kernel: text on a stream. Updates print again, since a terminal cannot redraw an earlier output. */
    record Text(PrintStream out) implements JupyterKernel {

        @Override public String name() { return "text"; }

        @Override public String display(String mime, Object value) {
            out.println(value instanceof BufferedImage img ? "[image " + img.getWidth() + "x" + img.getHeight() + "]"
                    : String.valueOf(value));
            out.flush();
            return "text";
        }

        @Override public void update(String id, String mime, Object value) { display(mime, value); }
    }
}
