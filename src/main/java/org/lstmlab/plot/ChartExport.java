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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a chart (or a {@link ChartGrid}) as PNG (XChart's BitmapEncoder), SVG and PDF (its VectorGraphicsEncoder),
 * and renders it to a BufferedImage for notebook display.
 */
public final class ChartExport {
    public enum Format {
        PNG, SVG, PDF;

        public String extension() { return name().toLowerCase(Locale.ROOT); }
    }

    private ChartExport() {}

    /** Writes dir/name.png, dir/name.svg and dir/name.pdf; returns them in that order. */
    public static List<Path> save(Chart<?, ?> chart, Path dir, String name) {
        List<Path> files = new ArrayList<>();
        for (Format f : Format.values()) files.add(save(chart, dir, name, f));
        return files;
    }

    public static Path save(Chart<?, ?> chart, Path dir, String name, Format format) {
        Path file = dir.resolve(name + "." + format.extension());
        try {
            Files.createDirectories(dir);
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
