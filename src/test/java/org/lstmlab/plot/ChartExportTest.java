package org.lstmlab.plot;

import org.lstmlab.experiment.ResultsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ChartExportTest {

    static ResultsTable results() {
        ResultsTable t = ResultsTable.create();
        double[][] ours = {{0.41, 30}, {0.52, 80}, {0.60, 82}, {0.63, 20}, {0.74, 70}, {0.77, 71}};
        String[] layers = {"RNN", "LSTM", "LSTM+state"};
        double[][] book = {{0.374, 410}, {0.486, 1569}, {0.577, 1532}, {0.590, 387}, {0.722, 1463}, {0.758, 1459}};
        for (int k = 0; k < 6; k++)
            t.add(new ResultsTable.Entry("m" + k, 10, k < 3 ? 10 : 100, layers[k % 3], "random split", ours[k][0],
                    Double.NaN, 1, 0.5, ours[k][1], 110, book[k][0], book[k][1]));
        t.add(new ResultsTable.Entry("logreg", 10, 100, "logistic regression (pooled)", "random split", 0.55,
                Double.NaN, 1, 0.5, 1.2, 0, Double.NaN, Double.NaN));
        return t;
    }

    static Table history(int epochs) {
        IntColumn e = IntColumn.create("epoch");
        DoubleColumn cost = DoubleColumn.create("cost"), tr = DoubleColumn.create("train_accuracy"),
                va = DoubleColumn.create("validation_accuracy");
        for (int k = 1; k <= epochs; k++) {
            e.append(k);
            cost.append(2.3 / Math.sqrt(k));
            tr.append(1 - 0.9 / Math.sqrt(k));
            if (k % 2 == 0) va.append(1 - 1.0 / Math.sqrt(k)); else va.appendMissing();
        }
        return Table.create("h", e, cost, tr, va);
    }

    /** Every chart the report draws, from made-up inputs. */
    static Map<String, Chart<?, ?>> allCharts() {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        ResultsTable r = results();
        charts.put("accuracy", Charts.english().accuracy(r.labels(), r.column(ResultsTable.Entry::accuracy), r.column(ResultsTable.Entry::bookAccuracy)));
        charts.put("time", Charts.english().trainingTime(r.labels(), r.column(ResultsTable.Entry::seconds), r.column(ResultsTable.Entry::bookSeconds)));
        charts.put("curves", Charts.english().learningCurves(Map.of("a", history(20), "b", history(10), "c", history(6), "d", history(4))));
        List<String> names = List.of("air_conditioner", "car_horn", "children_playing", "dog_bark");
        charts.put("confusion", Charts.english().confusion("m", names, new int[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 2, 0}, {0, 0, 1, 1}}, 5 / 6.0));
        double[][] frames = new double[400][100];
        for (int t = 0; t < 400; t++) for (int b = 0; b < 100; b++) frames[t][b] = 1000 * Math.abs(Math.sin(t * 0.05 + b * 0.1));
        charts.put("spectrogram", ChartGrid.of(List.of(Charts.english().spectrogram("10 ms", frames, 0.01, 200),
                Charts.english().spectrogram("100 ms", frames, 0.01, 200)), 1));
        double[] hz = new double[100], db = new double[100];
        for (int i = 0; i < 100; i++) { hz[i] = 4100 + 180 * i; db[i] = -i * 0.3; }
        charts.put("spectra", Charts.english().spectra("spectra", Map.of("book 10 ms", new double[][] {hz, db})));
        double[] norms = new double[300];
        for (int t = 0; t < 300; t++) norms[t] = Math.exp(-0.05 * (300 - t));
        norms[10] = 0;
        charts.put("gradients", Charts.english().gradientNorms("norms", Map.of("RNN", norms)));
        return charts;
    }

    @Test
    void everyChartExportsAsValidPngSvgAndPdf(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, Chart<?, ?>> e : allCharts().entrySet()) {
            List<Path> files = ChartExport.save(e.getValue(), dir, e.getKey());
            assertEquals(List.of(dir.resolve(e.getKey() + ".png"), dir.resolve(e.getKey() + ".svg"), dir.resolve(e.getKey() + ".pdf")), files);
            BufferedImage png = ImageIO.read(files.get(0).toFile());
            assertNotNull(png, e.getKey() + ".png must decode");
            assertEquals(e.getValue().getWidth(), png.getWidth());
            assertEquals(e.getValue().getHeight(), png.getHeight());
            assertTrue(distinctColours(png) > 3, e.getKey() + ".png must not be blank");
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document svg = xml.newDocumentBuilder().parse(files.get(1).toFile());
            assertEquals("svg", svg.getDocumentElement().getNodeName());
            byte[] pdf = Files.readAllBytes(files.get(2));
            assertTrue(pdf.length > 500, e.getKey() + ".pdf is too small");
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void gridPaintsEachPanelInItsCell() {
        ChartGrid grid = (ChartGrid) allCharts().get("curves");
        assertEquals(4, grid.panels().size());
        assertEquals(3 * Charts.WIDTH / 2, grid.getWidth());
        assertEquals(2 * (Charts.HEIGHT * 3 / 5), grid.getHeight());
        BufferedImage img = ChartExport.image(grid);
        // the fourth panel sits bottom-left, the two bottom-right cells stay blank
        assertTrue(distinctColours(img.getSubimage(0, img.getHeight() / 2, img.getWidth() / 3, img.getHeight() / 2)) > 3);
        assertEquals(1, distinctColours(img.getSubimage(img.getWidth() * 2 / 3 + 5, img.getHeight() / 2 + 5,
                img.getWidth() / 3 - 10, img.getHeight() / 2 - 10)));
    }

    /** A vanishing RNN's norms span ~140 decades: log10 values on a linear axis keep its labels short. */
    @Test
    void gradientNormsPlotLog10OnALinearAxisAndZerosBreakTheLine() {
        double[] norms = new double[141];
        for (int t = 0; t < norms.length; t++) norms[t] = Math.pow(10, t - 140);
        norms[70] = 0;
        XYChart c = Charts.english().gradientNorms("norms", Map.of("RNN", norms));
        assertFalse(c.getStyler().isYAxisLogarithmic());
        assertEquals("log10 ‖∂L/∂h_t‖", c.getYAxisTitle());
        double[] y = c.getSeries("RNN").getYData();
        assertEquals(-140, y[0], 1e-9);
        assertEquals(0, y[140], 1e-9);
        assertTrue(Double.isNaN(y[70]), "a zero norm leaves a gap");
        assertEquals(141, y.length);
    }

    @Test
    void gridNeedsPanels() {
        assertThrows(IllegalArgumentException.class, () -> ChartGrid.of(List.of(), 2));
    }

    private static long distinctColours(BufferedImage img) {
        return java.util.stream.IntStream.range(0, img.getWidth() * img.getHeight())
                .map(i -> img.getRGB(i % img.getWidth(), i / img.getWidth())).distinct().count();
    }

    /** Renders every chart into build/chart-preview for a look (not a test of anything). */
    public static void main(String[] args) {
        allCharts().forEach((k, c) -> ChartExport.save(c, Path.of("build", "chart-preview"), k));
    }
}
