package org.lstmlab.plot;

import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.XYStyler;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Several charts painted as one, in a grid of {@code columns} columns (one panel per model, say). It is itself a
 * chart, so {@link ChartExport} writes it as PNG, SVG and PDF like any other.
 */
public final class ChartGrid extends Chart<XYStyler, XYSeries> {
    private final List<? extends Chart<?, ?>> panels;
    private final int columns;

    private ChartGrid(List<? extends Chart<?, ?>> panels, int columns, int panelWidth, int panelHeight) {
        super(columns * panelWidth, rows(panels.size(), columns) * panelHeight, new XYStyler());
        this.panels = List.copyOf(panels);
        this.columns = columns;
    }

    /** A grid of the given panels; each keeps its own width and height (the largest sets the cell size). */
    public static ChartGrid of(List<? extends Chart<?, ?>> panels, int columns) {
        if (panels.isEmpty()) throw new IllegalArgumentException("a chart grid needs at least one panel");
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        int w = panels.stream().mapToInt(Chart::getWidth).max().orElseThrow();
        int h = panels.stream().mapToInt(Chart::getHeight).max().orElseThrow();
        return new ChartGrid(panels, Math.min(columns, panels.size()), w, h);
    }

    public List<? extends Chart<?, ?>> panels() { return panels; }

    private static int rows(int n, int columns) { return (n + columns - 1) / columns; }

    @Override public void paint(Graphics2D g, int width, int height) {
        setWidth(width);
        setHeight(height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int cw = width / columns, ch = height / rows(panels.size(), columns);
        for (int k = 0; k < panels.size(); k++) {
            Graphics2D cell = (Graphics2D) g.create();
            cell.translate((k % columns) * cw, (k / columns) * ch);
            cell.clipRect(0, 0, cw, ch);
            panels.get(k).paint(cell, cw, ch);
            cell.dispose();
        }
    }
}
