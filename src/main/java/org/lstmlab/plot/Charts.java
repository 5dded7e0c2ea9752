package org.lstmlab.plot;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.IntStream;

/**
 * The chapter's charts, built with XChart from plain results (tables, evaluations, arrays), so a notebook can draw
 * them from a reloaded report without retraining. Titles, axis and series labels come from charts.properties in the
 * chosen language; a font, when given, replaces every font of the chart (a Hangul-capable one for Korean, so no
 * label is drawn as boxes). Export them with {@link ChartExport}.
 */
public final class Charts {
    public static final int WIDTH = 800, HEIGHT = 500;
    private static final Color[] HEAT = {new Color(255, 255, 255), new Color(120, 170, 220), new Color(30, 60, 140)};
    private static final Color[] MAGMA = {new Color(0, 0, 4), new Color(80, 18, 123), new Color(182, 54, 121),
            new Color(251, 136, 97), new Color(252, 253, 191)};
    /** Gap kept between neighbouring category labels, and a legend entry's marker and padding, in pixels. */
    static final int LABEL_GAP = 6, LEGEND_ENTRY = 40;
    /** Text measured as drawn: anti-aliased, fractional metrics. */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final ResourceBundle words;
    private final Font font;

    private Charts(Locale locale, Font font) {
        // no fallback to the machine's locale: English is the base bundle
        this.words = ResourceBundle.getBundle("org.lstmlab.plot.charts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.font = font;
    }

    /** English labels in XChart's own fonts. */
    public static Charts english() { return new Charts(Locale.ENGLISH, null); }

    /** Labels in this language (English where charts.properties has no translation), drawn in font (null: XChart's). */
    public static Charts of(Locale locale, Font font) { return new Charts(locale, font); }

    /** A label of charts.properties, with {0}, {1}... replaced by the arguments as they are. */
    public String text(String key, Object... args) {
        String s = words.getString(key);
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    /** Every label this language can put on a chart (to check a font covers them before drawing). */
    public String allText() { return String.join(" ", words.keySet().stream().map(words::getString).toList()); }

    /** Test accuracy per model as grouped bars: this run next to the book's published value (NaN where none). */
    public CategoryChart accuracy(List<String> models, double[] accuracy, double[] bookAccuracy) {
        CategoryChart c = bars(text("accuracy.title"), text("accuracy.y"), models, scaled(accuracy), scaled(bookAccuracy));
        c.getStyler().setYAxisDecimalPattern("0");
        return c;
    }

    /**
     * Training seconds per model, this run next to the book's, on a log axis so both can be read. A log axis has no
     * room for a missing bar: when the book has numbers, only the models it has are drawn.
     */
    public CategoryChart trainingTime(List<String> models, double[] seconds, double[] bookSeconds) {
        boolean book = Arrays.stream(bookSeconds).anyMatch(v -> v > 0);
        int[] keep = IntStream.range(0, models.size())
                .filter(k -> seconds[k] > 0 && (!book || bookSeconds[k] > 0)).toArray();
        CategoryChart c = bars(text("time.title"), text("time.y"), Arrays.stream(keep).mapToObj(models::get).toList(),
                Arrays.stream(keep).mapToDouble(k -> seconds[k]).toArray(),
                Arrays.stream(keep).mapToDouble(k -> bookSeconds[k]).toArray());
        // bars rise from the decade below the shortest (XChart would start them at zero, which a log axis lacks)
        double least = java.util.stream.DoubleStream.concat(Arrays.stream(seconds), Arrays.stream(bookSeconds))
                .filter(v -> v > 0).min().orElse(1);
        c.getStyler().setYAxisLogarithmic(true).setYAxisLogarithmicDecadeOnly(true).setYAxisMin(Math.pow(10, Math.floor(Math.log10(least)))).setYAxisDecimalPattern("#,##0.#");
        return c;
    }

    private static double[] scaled(double[] fractions) { return Arrays.stream(fractions).map(v -> 100 * v).toArray(); }

    private CategoryChart bars(String title, String yTitle, List<String> names, double[] ours, double[] book) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(text("models.x")).yAxisTitle(yTitle).build();
        List<Double> published = Arrays.stream(book).mapToObj(Charts::orNull).toList();
        c.getStyler().setAvailableSpaceFill(0.8).setOverlapped(false).setLegendPosition(Styler.LegendPosition.OutsideS);
        c.addSeries(text("series.run"), names, Arrays.stream(ours).mapToObj(Charts::orNull).toList());
        if (published.stream().anyMatch(v -> v != null)) c.addSeries(text("series.book"), names, published);
        return styled(c, names, WIDTH);
    }

    private static Double orNull(double v) { return Double.isNaN(v) || v <= 0 ? null : v; }

    /**
     * One model's learning curve from a history table with columns epoch, cost, train_accuracy and
     * validation_accuracy (missing on epochs without a report): accuracies on the left axis, cost on the right. A
     * "mark" column's "best" row (the weights early stopping kept) is drawn as a diamond on the validation curve.
     */
    public XYChart learningCurve(String model, Table history) {
        XYChart c = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT * 3 / 5).title(model).xAxisTitle(text("curve.x")).build();
        c.setYAxisGroupTitle(0, text("curve.accuracy"));
        c.setYAxisGroupTitle(1, text("curve.cost"));
        c.getStyler().setYAxisMin(0, 0.0).setYAxisMax(0, 1.0).setXAxisDecimalPattern("0");
        c.getStyler().putYAxisGroupDecimalPatternMap(0, "0.0#");
        c.getStyler().putYAxisGroupDecimalPatternMap(1, "0.0#");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setMarkerSize(4).setLegendPosition(Styler.LegendPosition.OutsideS);
        addLine(c, text("curve.train"), history, "train_accuracy", 0, false);
        addLine(c, text("curve.val"), history, "validation_accuracy", 0, true);
        addLine(c, text("curve.cost"), history, "cost", 1, false);
        if (history.columnNames().contains("mark")) {
            Table best = history.where(history.stringColumn("mark").isEqualTo("best").and(history.column("validation_accuracy").isNotMissing()));
            if (!best.isEmpty()) c.addSeries(text("curve.kept"), best.numberColumn("epoch").asDoubleArray(),
                    best.numberColumn("validation_accuracy").asDoubleArray()).setMarker(SeriesMarkers.DIAMOND).setLineStyle(SeriesLines.NONE);
        }
        return styled(c, List.of(), 0);
    }

    private static void addLine(XYChart c, String name, Table history, String column, int axis, boolean markers) {
        Table rows = history.dropWhere(history.column(column).isMissing());
        if (rows.isEmpty()) return;
        XYSeries s = c.addSeries(name, rows.numberColumn("epoch").asDoubleArray(), rows.numberColumn(column).asDoubleArray());
        s.setYAxisGroup(axis);
        s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    /** Learning curves of several models, one panel each, three to a row. */
    public ChartGrid learningCurves(Map<String, Table> histories) {
        return ChartGrid.of(histories.entrySet().stream().map(e -> learningCurve(e.getKey(), e.getValue())).toList(), 3);
    }

    /** Confusion-matrix heat map: true class down, predicted class across, counts in the cells. */
    public HeatMapChart confusion(String model, List<String> names, int[][] m, double accuracy) {
        int k = m.length;
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH * 3 / 4).height(WIDTH * 3 / 5)
                .title(text("confusion.title", model, String.format(Locale.ROOT, "%.3f", accuracy)))
                .xAxisTitle(text("confusion.x")).yAxisTitle(text("confusion.y")).build();
        c.getStyler().setRangeColors(HEAT).setShowValue(true).setLegendVisible(true).setPlotContentSize(0.98);
        c.getStyler().setHeatMapDecimalValueFormatter(v -> Long.toString(Math.round(v)));   // counts, in cells and colour bar
        List<String> rowsTopDown = new ArrayList<>(names);
        java.util.Collections.reverse(rowsTopDown);
        List<Number[]> cells = new ArrayList<>();
        for (int a = 0; a < k; a++)
            for (int p = 0; p < k; p++) cells.add(new Number[] {p, k - 1 - a, m[a][p]});
        c.addSeries("counts", names, rowsTopDown, cells);
        return styled(c, names, WIDTH * 3 / 5);
    }

    /**
     * A waveform over time (s): each of at most {@code maxColumns} columns draws the lowest and the highest sample it
     * covers, so a long clip keeps its envelope with few points.
     */
    public XYChart waveform(String title, double[] samples, int sampleRate, int maxColumns) {
        int per = Math.max(1, (samples.length + maxColumns - 1) / maxColumns);
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (int start = 0; start < samples.length; start += per) {
            DoubleSummaryStatistics column = Arrays.stream(samples, start, Math.min(samples.length, start + per))
                    .summaryStatistics();
            x.add((double) start / sampleRate);
            y.add(column.getMin());
            x.add((double) start / sampleRate);
            y.add(column.getMax());
        }
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2).title(title).xAxisTitle(text("waveform.x"))
                .yAxisTitle(text("waveform.y")).build();
        c.getStyler().setLegendVisible(false);
        c.addSeries("samples", x, y).setMarker(SeriesMarkers.NONE);
        return styled(c, List.of(), 0);
    }

    /**
     * Spectrogram of a T x 100 feature matrix: time (s) across, band up; shown as log10(1 + value), rounded to two
     * decimals (the colour bar prints its extremes as they are). Long clips are averaged down to at most
     * {@code maxColumns} columns so the vector files stay small.
     */
    public HeatMapChart spectrogram(String title, double[][] frames, double hopSeconds, int maxColumns) {
        int steps = frames.length, bands = frames[0].length;
        int per = Math.max(1, (steps + maxColumns - 1) / maxColumns), cols = (steps + per - 1) / per;
        List<String> times = new ArrayList<>(), bandIds = new ArrayList<>();
        int every = Math.max(1, cols / 8);
        for (int col = 0; col < cols; col++)
            times.add(sparseLabel(col, every, String.format(Locale.ROOT, "%.2f", col * per * hopSeconds)));
        for (int b = 0; b < bands; b++) bandIds.add(sparseLabel(b, 10, Integer.toString(b)));
        List<Number[]> cells = new ArrayList<>();
        for (int col = 0; col < cols; col++)
            for (int b = 0; b < bands; b++) {
                double sum = 0;
                int n = 0;
                for (int t = col * per; t < Math.min(steps, (col + 1) * per); t++, n++) sum += frames[t][b];
                cells.add(new Number[] {col, b, Math.round(100 * Math.log10(1 + Math.max(0, sum / n))) / 100.0});
            }
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(text("spectrogram.x")).yAxisTitle(text("spectrogram.y")).build();
        c.getStyler().setRangeColors(MAGMA).setShowValue(false).setPlotContentSize(1.0).setLegendVisible(true);
        c.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.2f", v));
        c.getStyler().setXAxisTickMarkSpacingHint(1);   // sparseLabel thins the labels; XChart must not thin them again
        c.addSeries(text("spectrogram.legend"), times, bandIds, cells);
        return styled(c, List.of(), 0);
    }

    /** A heat-map axis labels every category; show every {@code every}-th and make the rest invisible but distinct. */
    private static String sparseLabel(int index, int every, String label) {
        return index % every == 0 ? label : "\u200B".repeat(index);
    }

    /** Spectra as lines over frequency (kHz): each entry maps a name to {frequencies in Hz, level in dBFS}. */
    public XYChart spectra(String title, Map<String, double[][]> lines) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(text("spectra.x")).yAxisTitle(text("spectra.y")).build();
        c.getStyler().setXAxisMin(0.0).setXAxisDecimalPattern("0.#").setYAxisDecimalPattern("0");
        c.getStyler().setMarkerSize(3).setLegendPosition(Styler.LegendPosition.OutsideS);
        lines.forEach((name, xy) -> {
            c.addSeries(name, Arrays.stream(xy[0]).map(hz -> hz / 1000).toArray(), xy[1]).setMarker(SeriesMarkers.CIRCLE);
        });
        return styled(c, List.of(), 0);
    }

    /**
     * log10 ‖∂L/∂h_t‖ against t, one line per run. Plotted as log10 on a linear axis because a plain RNN's norms
     * span a hundred decades; zero norms leave a gap.
     */
    public XYChart gradientNorms(String title, Map<String, double[]> norms) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(text("gradients.x")).yAxisTitle(text("gradients.y")).build();
        c.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.#");
        c.getStyler().setMarkerSize(0).setLegendPosition(Styler.LegendPosition.OutsideS);
        norms.forEach((name, v) -> {
            double[] steps = IntStream.rangeClosed(1, v.length).asDoubleStream().toArray();
            // NaN breaks the line: a zero norm (a step no sequence in the batch reaches) has no logarithm
            double[] y = Arrays.stream(v).map(n -> n > 0 && Double.isFinite(n) ? Math.log10(n) : Double.NaN).toArray();
            if (!Arrays.stream(y).allMatch(Double::isNaN)) c.addSeries(name, steps, y).setMarker(SeriesMarkers.NONE);
        });
        return styled(c, List.of(), 0);
    }

    /**
     * The chart in this object's font, with its category labels set upright when they fit side by side in their
     * slots of a {@code span}-pixel axis, else vertical (so neighbours never overlap).
     */
    private <C extends Chart<?, ?>> C styled(C c, List<String> categories, int span) {
        Styler s = c.getStyler();
        if (font != null) {
            s.setChartTitleFont(ours(s.getChartTitleFont()));
            s.setLegendFont(ours(s.getLegendFont()));
            s.setAnnotationTextFont(ours(s.getAnnotationTextFont()));
            if (s instanceof AxesChartStyler a) {
                a.setAxisTitleFont(ours(a.getAxisTitleFont()));
                a.setAxisTickLabelsFont(ours(a.getAxisTickLabelsFont()));
            }
        }
        if (s.getLegendPosition() == Styler.LegendPosition.OutsideS) {
            // a legend below the plot lies in one row only when every entry fits across the chart
            double row = c.getSeriesCollection().stream()
                    .mapToDouble(x -> s.getLegendFont().getStringBounds(x.getName(), FRC).getWidth() + LEGEND_ENTRY).sum();
            s.setLegendLayout(row <= 0.95 * c.getWidth() ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        }
        if (s instanceof AxesChartStyler a && !categories.isEmpty()) {
            int rotation = labelRotation(categories, a.getAxisTickLabelsFont(), span);
            a.setXAxisLabelRotation(rotation);
            // XChart labels only every ceil(hint / slot)-th category (a heat map's y axis too): ask for the room
            // a label needs, not its default 74 px, so no label is dropped that fits
            a.setXAxisTickMarkSpacingHint(labelRoom(categories, a.getAxisTickLabelsFont(), rotation));
        }
        return c;
    }

    /** This object's font in f's style and size. */
    private Font ours(Font f) { return font.deriveFont(f.getStyle(), f.getSize2D()); }

    /** Pixels a category label takes along its axis: its width upright, its line height turned (a gap added). */
    static int labelRoom(List<String> labels, Font tickFont, int rotation) {
        double size = rotation == 0 ? widest(labels, tickFont) : tickFont.getLineMetrics("Xg", FRC).getHeight();
        return (int) Math.ceil(size + LABEL_GAP);
    }

    /** 0 when every label fits its share of the axis with a gap to spare, else 90. */
    static int labelRotation(List<String> labels, Font tickFont, int span) {
        return widest(labels, tickFont) + LABEL_GAP <= 0.9 * span / labels.size() ? 0 : 90;
    }

    private static double widest(List<String> labels, Font font) {
        return labels.stream().mapToDouble(l -> font.getStringBounds(l, FRC).getWidth()).max().orElse(0);
    }
}
