package org.lstmlab.notebook;

import org.lstmlab.plot.HtmlTable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * Shows values in whichever Java Jupyter kernel runs this code: rapaio, IJava or JJava, found by reflection, so
 * notebooks never call a kernel's own API. Tablesaw tables become HTML, XChart charts PNG images; outside a kernel
 * everything falls back to text on stdout. Every show method returns an id that {@link #update} can redraw in place.
 */
public final class Display {

    /** Tables longer than this show their first rows and a count of the rest. */
    public static final int MAX_HTML_ROWS = 60;

    private static volatile JupyterKernel kernel;

    private Display() {}

    /** Shows a table as HTML, a chart or image as PNG, and anything else as text. */
    public static String show(Object value) { return current().display(mimeOf(value), render(value)); }

    /** Redraws the output {@code id} (from a show method) with {@code value}, rendered as {@link #show} would. */
    public static void update(String id, Object value) { current().update(id, mimeOf(value), render(value)); }

    /** Shows an HTML fragment (as text outside a kernel). */
    public static String html(String html) { return current().display("text/html", html); }

    /** Redraws the output {@code id} with an HTML fragment. */
    public static void updateHtml(String id, String html) { current().update(id, "text/html", html); }

    /** Shows plain text as a display output (so it can be updated in place). */
    public static String text(String text) { return current().display("text/plain", text); }

    /** Which kernel the adapter talks to: "rapaio", "ijava", "jjava", or "text" outside a kernel. */
    public static String kernelName() { return current().name(); }

    /** True when a notebook kernel, not the text fallback, receives the output. */
    public static boolean inKernel() { return !(current() instanceof JupyterKernel.Text); }

    /** The kernel found on first use; in a JShell kernel the notebook's loader is a child of the kernel's. */
    static JupyterKernel current() {
        JupyterKernel k = kernel;
        if (k == null) {
            k = detect(Display.class.getClassLoader(), Thread.currentThread().getContextClassLoader(),
                    ClassLoader.getSystemClassLoader());
            kernel = k;
        }
        return k;
    }

    /** The first known kernel visible from these loaders, else text on stdout. */
    static JupyterKernel detect(ClassLoader... loaders) {
        JupyterKernel found = JupyterKernel.find(Arrays.asList(loaders));
        return found != null ? found : new JupyterKernel.Text(System.out);
    }

    /** Replaces the detected kernel (tests; or null to detect again). */
    static void use(JupyterKernel k) { kernel = k; }

    static String mimeOf(Object value) {
        if (value instanceof Table) return "text/html";
        if (value instanceof Chart<?, ?> || value instanceof BufferedImage) return "image/png";
        return "text/plain";
    }

    /** The object handed to the kernel: HTML text, a BufferedImage, or a String. */
    static Object render(Object value) {
        if (value instanceof Table t) return inKernel() ? HtmlTable.of(t, MAX_HTML_ROWS) : t.print(MAX_HTML_ROWS);
        if (value instanceof Chart<?, ?> chart)
            return inKernel() ? BitmapEncoder.getBufferedImage(chart)
                    : "[chart " + Objects.toString(chart.getTitle(), "") + "]";
        return value instanceof BufferedImage ? value : String.valueOf(value);
    }
}
