package org.lstmlab.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** Charts fit to print: rounded colour bars, labels that never collide, both time scales readable, print resolution. */
class ChartsTest {

    @Test
    void theSpectrogramsColourBarPrintsRoundedValues() {
        double[][] frames = new double[50][100];
        for (int t = 0; t < 50; t++) for (int b = 0; b < 100; b++) frames[t][b] = 320.0 / (1 + b) + Math.PI * t;
        HeatMapChart c = Charts.english().spectrogram("s", frames, 0.01, 200);
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (Number[] cell : c.getHeatMapSeries().getHeatData()) {
            double v = cell[2].doubleValue();
            assertEquals(Math.round(100 * v), 100 * v, 1e-9, "cells are rounded to 0.01: " + v);
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        // the colour bar prints its extremes as they are: they must read short
        assertTrue(Double.toString(max).length() <= 5 && Double.toString(min).length() <= 5, min + " .. " + max);
        assertEquals(Math.log10(1 + 320 + Math.PI * 49), max, 0.005, "the top of the bar is the largest cell");
    }

    @Test
    void categoryLabelsStandUprightOnlyWhenTheyFitSideBySide() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        List<String> shortOnes = List.of("RNN", "LSTM", "state");
        List<String> longOnes = List.of("10 ms RNN", "10 ms LSTM", "10 ms LSTM+state", "100 ms RNN", "100 ms LSTM",
                "100 ms LSTM+state", "10 ms logreg", "10 ms forest", "100 ms logreg", "100 ms forest");
        int span = 800;
        assertEquals(0, Charts.labelRotation(shortOnes, font, span));
        double slot = span * 0.9 / shortOnes.size();
        for (String l : shortOnes) assertTrue(font.getStringBounds(l, frc).getWidth() < slot);
        assertEquals(90, Charts.labelRotation(longOnes, font, span));
        // turned upright, each label's height must fit its slot
        double longSlot = span * 0.9 / longOnes.size();
        assertTrue(font.getLineMetrics("Xg", frc).getHeight() + Charts.LABEL_GAP < longSlot);
        assertTrue(longOnes.stream().anyMatch(l -> font.getStringBounds(l, frc).getWidth() + Charts.LABEL_GAP > longSlot),
                "these labels would overlap upright");
    }

    @Test
    void everyCategoryLabelThatFitsIsDrawn() throws Exception {
        List<String> models = List.of("10 ms RNN", "10 ms LSTM", "10 ms LSTM+state", "100 ms RNN", "100 ms LSTM",
                "100 ms LSTM+state", "10 ms logreg", "10 ms forest", "100 ms logreg", "100 ms forest");
        double[] v = new double[models.size()];
        Arrays.fill(v, 0.5);
        assertEquals(models, ticks(Charts.english().accuracy(models, v, v), "getXAxis"));
        List<String> classes = List.of("air_conditioner", "car_horn", "children_playing", "dog_bark", "drilling",
                "engine_idling", "gun_shot", "jackhammer", "siren", "street_music");
        HeatMapChart c = Charts.english().confusion("m", classes, new int[10][10], 0.5);
        assertEquals(classes, ticks(c, "getXAxis"));
        List<String> down = new java.util.ArrayList<>(classes);
        java.util.Collections.reverse(down);
        assertEquals(down, ticks(c, "getYAxis"));
    }

    @Test
    void theSpectrogramLabelsEveryTenthBand() throws Exception {
        HeatMapChart c = Charts.english().spectrogram("s", new double[300][100], 0.01, 200);
        assertEquals(List.of("0", "10", "20", "30", "40", "50", "60", "70", "80", "90"),
                ticks(c, "getYAxis").stream().filter(l -> !l.isBlank() && !l.startsWith("\u200B")).toList());
    }

    /** The labels XChart drew on one axis (read from its tick calculator after painting). */
    static List<String> ticks(org.knowm.xchart.internal.chartpart.AxesChart<?, ?> chart, String axis) throws Exception {
        ChartExport.image(chart);
        java.lang.reflect.Field pair = org.knowm.xchart.internal.chartpart.AxesChart.class.getDeclaredField("axisPair");
        pair.setAccessible(true);
        java.lang.reflect.Method get = org.knowm.xchart.internal.chartpart.AxisPair.class.getDeclaredMethod(axis);
        get.setAccessible(true);
        var a = (org.knowm.xchart.internal.chartpart.Axis_<?, ?>) get.invoke(pair.get(chart));
        return a.getAxisTickCalculator().getTickLabels();
    }

    @Test
    void trainingTimeUsesALogAxisAndDropsBarsTheLogAxisCannotHold() {
        CategoryChart c = Charts.english().trainingTime(List.of("a", "b", "baseline"), new double[] {3.2, 24, 0.7},
                new double[] {410, 1569, Double.NaN});
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("a", "b"), c.getSeries("this run").getXData());
        assertEquals(1.0 / 10, c.getStyler().getYAxisMin(), 1e-12, "bars rise from the decade below 3.2");
        BufferedImage img = ChartExport.image(c);
        assertEquals(Charts.WIDTH, img.getWidth());
    }

    @Test
    void aLegendBelowThePlotTakesOneRowOnlyWhenItFits() {
        double[] v = {1, 0.1, 0.01};
        var two = Charts.english().gradientNorms("g", java.util.Map.of("RNN", v, "LSTM", v));
        assertEquals(org.knowm.xchart.style.Styler.LegendLayout.Horizontal, two.getStyler().getLegendLayout());
        java.util.Map<String, double[]> six = new java.util.LinkedHashMap<>();
        for (String run : List.of("RNN, untrained", "LSTM, untrained", "RNN, no clipping, after 2 epochs",
                "RNN, clipped at 1.0, after 2 epochs", "LSTM, no clipping, after 2 epochs", "LSTM, clipped at 1.0, after 2 epochs"))
            six.put(run, v);
        var many = Charts.english().gradientNorms("g", six);
        assertEquals(org.knowm.xchart.style.Styler.LegendLayout.Vertical, many.getStyler().getLegendLayout());
        // drawn, nothing reaches the chart's left and right edges; forced into one row, the legend would
        assertTrue(edgesClear(ChartExport.image(many)));
        many.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        assertFalse(edgesClear(ChartExport.image(many)));
    }

    /** The first and last pixel columns are all background. */
    private static boolean edgesClear(BufferedImage img) {
        int background = img.getRGB(0, 0);
        for (int y = 0; y < img.getHeight(); y++)
            if (img.getRGB(0, y) != background || img.getRGB(img.getWidth() - 1, y) != background) return false;
        return true;
    }

    @Test
    void koreanChartsAreLabelledInKorean() {
        Charts ko = Charts.of(Locale.KOREAN, null);
        String title = ko.accuracy(List.of("a"), new double[] {0.5}, new double[] {0.6}).getTitle();
        assertNotEquals(Charts.english().text("accuracy.title"), title);
        assertTrue(title.codePoints().anyMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HANGUL), title);
        assertTrue(ko.allText().contains(title));
    }

    @Test
    void pngIsWrittenAtThePrintResolutionAskedFor(@TempDir Path dir) throws Exception {
        CategoryChart c = Charts.english().accuracy(List.of("a", "b"), new double[] {0.5, 0.6}, new double[] {0.4, 0.7});
        Path png = ChartExport.save(c, dir, "acc", 300).get(0);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Math.round(Charts.WIDTH * 300 / 72.0), img.getWidth(), 1);
        assertThrows(IllegalArgumentException.class, () -> ChartExport.save(c, dir, "acc", 5000));
    }

    @Test
    void waveformDrawsEachColumnsLowestAndHighestSample() {
        int rate = 44100, columns = 100;
        double[] x = new double[rate];
        for (int i = 0; i < x.length; i++) x[i] = 0.3 * Math.sin(2 * Math.PI * 440 * i / rate);
        x[12345] = 0.9;
        x[30000] = -0.8;
        XYChart chart = Charts.english().waveform("one second", x, rate, columns);
        XYSeries s = chart.getSeries("samples");
        double[] t = s.getXData(), y = s.getYData();

        assertEquals(2 * columns, y.length);
        assertEquals(0.9, Arrays.stream(y).max().orElseThrow());
        assertEquals(-0.8, Arrays.stream(y).min().orElseThrow());
        int per = rate / columns;
        for (int i = 0; i < x.length; i++) {
            int k = i / per;
            assertEquals((double) k * per / rate, t[2 * k], 1e-12);
            assertTrue(y[2 * k] <= x[i] && x[i] <= y[2 * k + 1], "sample " + i + " outside its column");
        }
    }
}
