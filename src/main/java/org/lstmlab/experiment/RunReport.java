package org.lstmlab.experiment;

import org.lstmlab.eval.Evaluation;
import org.lstmlab.plot.ChartExport;
import org.lstmlab.plot.ChartGrid;
import org.lstmlab.plot.Charts;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A run's report folder reports/&lt;run-id&gt;/: results.{csv,md,html} (or, for the overfitting study,
 * overfitting.{csv,md,html}), manifest.json, models/ (model files, results,
 * book logs), history/ (per-model epoch tables), example/ (the audio pictures' data) and charts/ (every chart as
 * PNG, SVG and PDF). {@link #load} reads a finished run back so a notebook redraws table and charts without training.
 */
public record RunReport(Path dir, RunManifest manifest, ResultsTable results, List<ModelResult> models,
                        GradientStudy gradientStudy, OverfittingStudy overfitting, ExampleClip example) {
    /** Columns of the spectrogram heat maps; keeps the SVG and PDF files a few MB at most. */
    static final int SPECTROGRAM_COLUMNS = 100;

    RunReport withManifest(RunManifest m) { return new RunReport(dir, m, results, models, gradientStudy, overfitting, example); }

    /** Writes results, manifest, example data and every chart (English, screen resolution) into the folder. */
    public RunReport save() { return save(Charts.english(), ChartExport.SCREEN_DPI); }

    /** As {@link #save()}, the charts labelled by style and their PNGs at dpi. */
    public RunReport save(Charts style, int dpi) {
        results.write(dir);
        if (!overfitting.runs().isEmpty()) overfitting.write(dir);
        manifest.write(dir);
        example.write(dir);
        return saveCharts(style, dpi);
    }

    /** Writes every chart into charts/ as PNG (at dpi), SVG and PDF, labelled by these charts' language and font. */
    public RunReport saveCharts(Charts style, int dpi) {
        charts(style).forEach((name, chart) -> ChartExport.save(chart, dir.resolve("charts"), name, dpi));
        return this;
    }

    /** Every chart of the report by file name (without extension), in reading order, in English. */
    public Map<String, Chart<?, ?>> charts() { return charts(Charts.english()); }

    /** Every chart of the report, labelled in the language of style. */
    public Map<String, Chart<?, ?>> charts(Charts style) {
        Map<String, Chart<?, ?>> c = new LinkedHashMap<>();
        if (results.rowCount() > 0) {
            c.put("accuracy", style.accuracy(results.labels(), results.column(ResultsTable.Entry::accuracy), results.column(ResultsTable.Entry::bookAccuracy)));
            c.put("training-time", style.trainingTime(results.labels(), results.column(ResultsTable.Entry::seconds), results.column(ResultsTable.Entry::bookSeconds)));
        }
        Map<String, Table> curves = new LinkedHashMap<>();
        for (ModelResult m : models) if (m.fold() <= firstFold()) curves.put(m.name(), m.history().table());
        if (!curves.isEmpty()) c.put("learning-curves", style.learningCurves(curves));
        confusions().forEach((name, e) -> c.put("confusion-" + name, style.confusion(name, e.classNames(), e.confusion(), e.accuracy())));
        if (!example.spectrograms().isEmpty()) {
            List<Chart<?, ?>> panels = new ArrayList<>();
            example.spectrograms().forEach((title, m) -> panels.add(style.spectrogram(style.text("spectrogram.title",
                    example.clip(), panelName(style, title)), m, example.hopSeconds(), SPECTROGRAM_COLUMNS)));
            c.put("spectrogram", ChartGrid.of(panels, 1));
        }
        if (!example.spectra().isEmpty())
            c.put("spectra-book-vs-corrected", style.spectra(style.text("spectra.title", example.clip()), example.spectra()));
        if (!gradientStudy.runs().isEmpty()) c.put("gradient-norms", gradientStudy.chart(style));
        if (!overfitting.runs().isEmpty()) c.put("overfitting-curves", overfitting.chart(style));
        return c;
    }

    /** "book 10 ms window" (as example/ stores it) in the charts' language. */
    private static String panelName(Charts style, String stored) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+) (\\d+) ms window").matcher(stored);
        return m.matches() ? style.text("spectrogram.panel", m.group(1), m.group(2)) : stored;
    }

    /** One chart as an image, for {@code display(...)} in a notebook. */
    public java.awt.image.BufferedImage image(String chart) {
        Chart<?, ?> c = charts().get(chart);
        if (c == null) throw new IllegalArgumentException("no chart '" + chart + "'; the report has " + charts().keySet());
        return ChartExport.image(c);
    }

    private int firstFold() { return models.stream().mapToInt(ModelResult::fold).min().orElse(0); }

    /** Per model: its confusion, summed over folds when there are several. */
    public Map<String, Evaluation> confusions() {
        Map<String, Evaluation> out = new LinkedHashMap<>();
        for (ModelResult m : models) out.merge(m.name().replaceAll("_fold\\d+$", ""), m.evaluation(), Evaluation::plus);
        return out;
    }

    /** Reads a run folder back: table, manifest, every finished model's result and history, the example data. */
    public static RunReport load(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RunManifest.FILE)))
            throw new IllegalArgumentException(dir + ": not a report folder (no " + RunManifest.FILE + ")");
        RunManifest manifest = RunManifest.read(dir);
        ResultsTable results = Files.isRegularFile(dir.resolve(ResultsTable.CSV))
                ? ResultsTable.read(dir.resolve(ResultsTable.CSV)) : ResultsTable.create();
        List<ModelResult> models = new ArrayList<>(), study = new ArrayList<>(), overfitting = new ArrayList<>();
        try (Stream<Path> s = Files.isDirectory(dir.resolve("models")) ? Files.list(dir.resolve("models")) : Stream.empty()) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ModelResult m = ModelResult.read(dir, p.getFileName().toString().replaceFirst("\\.json$", ""));
                (OverfittingStudy.isRun(m.name()) ? overfitting : m.gradientNorms().isEmpty() ? models : study).add(m);   // only the gradient study probes
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve("models") + ": " + e.getMessage(), e);
        }
        models.sort(java.util.Comparator.comparingInt((ModelResult m) -> m.windowMs()).thenComparing(ModelResult::cell)
                .thenComparingInt(ModelResult::fold));
        return new RunReport(dir, manifest, results, models, new GradientStudy(study), new OverfittingStudy(overfitting),
                ExampleClip.read(dir));
    }
}
