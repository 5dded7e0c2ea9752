package org.lstmlab.notebook;

import org.lstmlab.plot.HtmlTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DisplayTest {

    static final String RAPAIO = "org.rapaio.jupyter.kernel.global.Global";
    static Map<String, ClassLoader> fakes;

    @BeforeAll
    static void compileFakeKernels(@TempDir Path tmp) throws Exception {
        fakes = FakeKernels.compile(tmp);
    }

    @BeforeEach
    void clearRecordedCalls() throws Exception {
        for (var fake : fakes.entrySet()) FakeKernels.calls(fake.getValue(), fake.getKey()).clear();
    }

    @AfterEach
    void forgetKernel() {
        Display.use(null);
    }

    static Table results() {
        return Table.create("results",
                StringColumn.create("layer", "rnn", "lstm<state>"),
                DoubleColumn.create("accuracy", 0.25, 0.5));
    }

    static XYChart chart() {
        XYChart c = new XYChartBuilder().width(320).height(200).title("curve").build();
        c.addSeries("cost", new double[] {1, 2, 3}, new double[] {3, 2, 1});
        return c;
    }

    @Test
    void rapaioShapeGetsMimeFirstAndHtmlForTables() throws Exception {
        String fqcn = RAPAIO;
        ClassLoader loader = fakes.get(fqcn);
        Display.use(Display.detect(loader));
        assertEquals("rapaio", Display.kernelName());

        String id = Display.show(results());
        Display.update(id, chart());

        List<Object[]> calls = FakeKernels.calls(loader, fqcn);
        assertEquals(2, calls.size());
        assertEquals("display", calls.get(0)[0]);
        assertEquals("text/html", calls.get(0)[1]);
        String html = (String) calls.get(0)[2];
        assertTrue(html.contains("<th>layer</th>") && html.contains("<td>lstm&lt;state&gt;</td>")
                && html.contains("<td>0.500</td>"), html);
        assertArrayEquals(new Object[] {"update", "r1", "image/png"}, List.of(calls.get(1)).subList(0, 3).toArray());
        BufferedImage img = (BufferedImage) calls.get(1)[3];
        assertEquals(320, img.getWidth());
        assertEquals(200, img.getHeight());
    }

    @Test
    void ijavaAndJjavaShapeGetsMimeAsVarargs() throws Exception {
        for (String fqcn : List.of("io.github.spencerpark.ijava.runtime.Display",
                "org.dflib.jjava.jupyter.kernel.BaseNotebookStatics", "org.dflib.jjava.runtime.Display")) {
            ClassLoader loader = fakes.get(fqcn);
            Display.use(Display.detect(loader));
            assertEquals(fqcn.startsWith("io.") ? "ijava" : "jjava", Display.kernelName());

            String id = Display.html("<b>x</b>");
            Display.updateHtml(id, "<b>y</b>");

            List<Object[]> calls = FakeKernels.calls(loader, fqcn);
            assertArrayEquals(new Object[] {"display", "text/html", "<b>x</b>"}, calls.get(0));
            assertArrayEquals(new Object[] {"update", "i1", "text/html", "<b>y</b>"}, calls.get(1));
        }
    }

    @Test
    void findsKernelThroughTheThreadContextLoaderAsInAJShellKernel() throws Exception {
        String fqcn = RAPAIO;
        ClassLoader kernelLoader = fakes.get(fqcn);
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(kernelLoader);
        try {
            Display.use(null);
            assertEquals("rapaio", Display.kernelName());
            Display.text("hello");
        } finally {
            t.setContextClassLoader(before);
        }
        assertEquals("hello", FakeKernels.calls(kernelLoader, fqcn).get(0)[2]);
    }

    @Test
    void classWithAnUnknownShapeIsNotAKernel() {
        assertNull(JupyterKernel.of(String.class, "string"));
        assertEquals("text", Display.detect(getClass().getClassLoader()).name());
    }

    @Test
    void withoutKernelFallsBackToText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Display.use(new JupyterKernel.Text(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertFalse(Display.inKernel());

        Display.show(results());
        Display.show(chart());
        Display.show(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("lstm<state>") && out.contains("accuracy"), out);
        assertFalse(out.contains("<td>"), out);
        assertTrue(out.contains("[chart curve]"), out);
        assertTrue(out.contains("[image 4x3]"), out);
    }

    @Test
    void longTablesAreCutWithACount() {
        Table t = Table.create("n", DoubleColumn.create("x", new double[Display.MAX_HTML_ROWS + 5]));
        String html = HtmlTable.of(t, Display.MAX_HTML_ROWS);
        assertEquals(Display.MAX_HTML_ROWS, html.split("<tr>").length - 2);
        assertTrue(html.contains("5 more rows of " + (Display.MAX_HTML_ROWS + 5)), html);
    }
}
