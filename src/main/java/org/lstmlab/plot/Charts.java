package org.lstmlab.plot;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The chapter's charts, built with XChart from plain results (tables, evaluations, arrays), so a notebook can draw
 * them from a reloaded report without retraining. Export them with {@link ChartExport}.
 */
public final class Charts {
    public static final int WIDTH = 800, HEIGHT = 500;
    private static final Color[] HEAT = {new Color(255, 255, 255), new Color(120, 170, 220), new Color(30, 60, 140)};
    private static final Color[] MAGMA = {new Color(0, 0, 4), new Color(80, 18, 123), new Color(182, 54, 121),
            new Color(251, 136, 97), new Color(252, 253, 191)};

    private Charts() {}

    /** Test accuracy per model as grouped bars: this run next to the book's published value (NaN where none). */
    public static CategoryChart accuracy(List<String> models, double[] accuracy, double[] bookAccuracy) {
        return bars("Test accuracy by window and layer", "test accuracy (%)", models, scaled(accuracy), scaled(bookAccuracy));
    }

    /** Training seconds per model, this run next to the book's. */
    public static CategoryChart trainingTime(List<String> models, double[] seconds, double[] bookSeconds) {
        return bars("Training time", "seconds", models, seconds, bookSeconds);
    }

    private static double[] scaled(double[] fractions) {
        return java.util.Arrays.stream(fractions).map(v -> 100 * v).toArray();
    }

    private static CategoryChart bars(String title, String yTitle, List<String> names, double[] ours, double[] book) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("window / layer").yAxisTitle(yTitle).build();
        List<Double> run = new ArrayList<>(), published = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            run.add(orNull(ours[k]));
            published.add(orNull(book[k]));
        }
        c.getStyler().setXAxisLabelRotation(20);
        c.getStyler().setAvailableSpaceFill(0.8).setOverlapped(false).setLegendPosition(Styler.LegendPosition.InsideNW);
        c.addSeries("this run", names, run);
        if (published.stream().anyMatch(v -> v != null)) c.addSeries("book", names, published);
        return c;
    }

    private static Double orNull(double v) { return Double.isNaN(v) || v <= 0 ? null : v; }

    /**
     * One model's learning curve from a history table with columns epoch, cost, train_accuracy and
     * validation_accuracy (missing on epochs without a report): accuracies on the left axis, cost on the right. A
     * "mark" column's "best" row (the weights early stopping kept) is drawn as a diamond on the validation curve.
     */
    public static XYChart learningCurve(String model, Table history) {
        XYChart c = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT * 3 / 5).title(model).xAxisTitle("epoch").build();
        c.setYAxisGroupTitle(0, "accuracy");
        c.setYAxisGroupTitle(1, "cost");
        c.getStyler().setYAxisMin(0, 0.0).setYAxisMax(0, 1.0);
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setMarkerSize(4).setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        addLine(c, "train acc", history, "train_accuracy", 0, false);
        addLine(c, "val acc", history, "validation_accuracy", 0, true);
        addLine(c, "cost", history, "cost", 1, false);
        if (history.columnNames().contains("mark")) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (Row r : history)
                if ("best".equals(r.getString("mark")) && !r.isMissing("validation_accuracy")) {
                    x.add((double) r.getInt("epoch"));
                    y.add(r.getDouble("validation_accuracy"));
                }
            if (!x.isEmpty()) c.addSeries("kept", x, y).setMarker(SeriesMarkers.DIAMOND).setLineStyle(SeriesLines.NONE);
        }
        return c;
    }

    private static void addLine(XYChart c, String name, Table history, String column, int axis, boolean markers) {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (Row r : history) {
            if (r.isMissing(column)) continue;
            x.add((double) r.getInt("epoch"));
            y.add(r.getDouble(column));
        }
        if (x.isEmpty()) return;
        XYSeries s = c.addSeries(name, x, y);
        s.setYAxisGroup(axis);
        s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    /** Learning curves of several models, one panel each, three to a row. */
    public static ChartGrid learningCurves(Map<String, Table> histories) {
        List<XYChart> panels = new ArrayList<>();
        histories.forEach((model, h) -> panels.add(learningCurve(model, h)));
        return ChartGrid.of(panels, 3);
    }

    /** Confusion-matrix heat map: true class down, predicted class across, counts in the cells. */
    public static HeatMapChart confusion(String model, List<String> names, int[][] m, double accuracy) {
        int k = m.length;
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(WIDTH * 4 / 5)
                .title(model + " confusion (accuracy " + String.format(java.util.Locale.ROOT, "%.3f", accuracy) + ")")
                .xAxisTitle("predicted").yAxisTitle("true").build();
        c.getStyler().setRangeColors(HEAT).setShowValue(true).setXAxisLabelRotation(40).setLegendVisible(true)
                .setPlotContentSize(0.98);
        List<String> rowsTopDown = new ArrayList<>(names);
        java.util.Collections.reverse(rowsTopDown);
        List<Number[]> cells = new ArrayList<>();
        for (int a = 0; a < k; a++)
            for (int p = 0; p < k; p++) cells.add(new Number[] {p, k - 1 - a, m[a][p]});
        c.addSeries("counts", names, rowsTopDown, cells);
        return c;
    }

    /**
     * A waveform over time (s): each of at most {@code maxColumns} columns draws the lowest and the highest sample it
     * covers, so a long clip keeps its envelope with few points.
     */
    public static XYChart waveform(String title, double[] samples, int sampleRate, int maxColumns) {
        int per = Math.max(1, (samples.length + maxColumns - 1) / maxColumns);
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (int start = 0; start < samples.length; start += per) {
            double lo = samples[start], hi = lo;
            for (int i = start; i < Math.min(samples.length, start + per); i++) {
                lo = Math.min(lo, samples[i]);
                hi = Math.max(hi, samples[i]);
            }
            x.add((double) start / sampleRate);
            y.add(lo);
            x.add((double) start / sampleRate);
            y.add(hi);
        }
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2).title(title).xAxisTitle("time (s)")
                .yAxisTitle("amplitude").build();
        c.getStyler().setLegendVisible(false);
        c.addSeries("samples", x, y).setMarker(SeriesMarkers.NONE);
        return c;
    }

    /**
     * Spectrogram of a T x 100 feature matrix: time (s) across, band up; shown as log10(1 + value).
     * Long clips are averaged down to at most {@code maxColumns} columns so the vector files stay small.
     */
    public static HeatMapChart spectrogram(String title, double[][] frames, double hopSeconds, int maxColumns) {
        int steps = frames.length, bands = frames[0].length;
        int per = Math.max(1, (steps + maxColumns - 1) / maxColumns), cols = (steps + per - 1) / per;
        List<String> times = new ArrayList<>(), bandIds = new ArrayList<>();
        int every = Math.max(1, cols / 8);
        for (int col = 0; col < cols; col++)
            times.add(sparseLabel(col, every, String.format(java.util.Locale.ROOT, "%.2f", col * per * hopSeconds)));
        for (int b = 0; b < bands; b++) bandIds.add(sparseLabel(b, 10, Integer.toString(b)));
        List<Number[]> cells = new ArrayList<>();
        for (int col = 0; col < cols; col++)
            for (int b = 0; b < bands; b++) {
                double sum = 0;
                int n = 0;
                for (int t = col * per; t < Math.min(steps, (col + 1) * per); t++, n++) sum += frames[t][b];
                cells.add(new Number[] {col, b, Math.log10(1 + Math.max(0, sum / n))});
            }
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("time (s)").yAxisTitle("feature band").build();
        c.getStyler().setRangeColors(MAGMA).setShowValue(false).setPlotContentSize(1.0).setLegendVisible(true);
        c.getStyler().setHeatMapValueDecimalPattern("0.0");
        c.addSeries("log10(1 + feature)", times, bandIds, cells);
        return c;
    }

    /** A heat-map axis labels every category; show every {@code every}-th and make the rest invisible but distinct. */
    private static String sparseLabel(int index, int every, String label) {
        return index % every == 0 ? label : "\u200B".repeat(index);
    }

    /** Spectra as lines over frequency (kHz): each entry maps a name to {frequencies in Hz, level in dBFS}. */
    public static XYChart spectra(String title, Map<String, double[][]> lines) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("frequency (kHz)").yAxisTitle("band level (dBFS)").build();
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setMarkerSize(3).setLegendPosition(Styler.LegendPosition.OutsideS);
        lines.forEach((name, xy) -> {
            double[] khz = new double[xy[0].length];
            for (int i = 0; i < khz.length; i++) khz[i] = xy[0][i] / 1000;
            c.addSeries(name, khz, xy[1]).setMarker(SeriesMarkers.CIRCLE);
        });
        return c;
    }

    /**
     * log10 ‖∂L/∂h_t‖ against t, one line per run. Plotted as log10 on a linear axis because a plain RNN's norms
     * span a hundred decades; zero norms leave a gap.
     */
    public static XYChart gradientNorms(String title, Map<String, double[]> norms) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("step t").yAxisTitle("log10 ‖∂L/∂h_t‖").build();
        c.getStyler().setMarkerSize(0).setLegendPosition(Styler.LegendPosition.InsideNW);
        norms.forEach((name, v) -> {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int t = 0; t < v.length; t++) {
                x.add(t + 1.0);
                // NaN breaks the line: a zero norm (a step no sequence in the batch reaches) has no logarithm
                y.add(v[t] > 0 && Double.isFinite(v[t]) ? Math.log10(v[t]) : Double.NaN);
            }
            if (y.stream().anyMatch(d -> !d.isNaN())) c.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        });
        return c;
    }
}
