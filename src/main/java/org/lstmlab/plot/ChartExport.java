package org.lstmlab.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a chart (or a {@link ChartGrid}) as PNG (XChart's BitmapEncoder, at a chosen resolution), SVG and PDF (its
 * VectorGraphicsEncoder), and renders it to a BufferedImage for notebook display.
 */
public final class ChartExport {
    public enum Format {
        PNG, SVG, PDF;

        public String extension() { return name().toLowerCase(Locale.ROOT); }
    }

    /** XChart's resolution of one pixel per point of the chart's width and height. */
    public static final int SCREEN_DPI = 72;

    private ChartExport() {}

    /** Writes dir/name.png, dir/name.svg and dir/name.pdf; returns them in that order. */
    public static List<Path> save(Chart<?, ?> chart, Path dir, String name) { return save(chart, dir, name, SCREEN_DPI); }

    /** As {@link #save(Chart, Path, String)}, the PNG at dpi (72 = one pixel per point; 300 for print). */
    public static List<Path> save(Chart<?, ?> chart, Path dir, String name, int dpi) {
        if (dpi < SCREEN_DPI || dpi > 600) throw new IllegalArgumentException("dpi must be 72..600, got " + dpi);
        return Arrays.stream(Format.values()).map(f -> save(chart, dir, name, f, dpi)).toList();
    }

    public static Path save(Chart<?, ?> chart, Path dir, String name, Format format) {
        return save(chart, dir, name, format, SCREEN_DPI);
    }

    private static Path save(Chart<?, ?> chart, Path dir, String name, Format format, int dpi) {
        Path file = dir.resolve(name + "." + format.extension());
        try {
            Files.createDirectories(dir);
            if (format == Format.PNG && dpi != SCREEN_DPI) {
                BitmapEncoder.saveBitmapWithDPI(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG, dpi);
                return file;
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                switch (format) {
                    case PNG -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                    case SVG -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
                    case PDF -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.PDF);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The chart as an image, e.g. for {@code display(image)} in a notebook. */
    public static BufferedImage image(Chart<?, ?> chart) { return BitmapEncoder.getBufferedImage(chart); }
}
