package org.lstmlab.notebook;

import org.lstmlab.audio.Audio;
import org.lstmlab.audio.WavReader;
import org.lstmlab.data.Clip;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.eval.Evaluation;
import org.lstmlab.experiment.GradientStudy;
import org.lstmlab.experiment.Reproduction;
import org.lstmlab.experiment.RunReport;
import org.lstmlab.report.LabReport;
import org.lstmlab.report.Lang;
import org.lstmlab.teach.CellCheck;
import org.lstmlab.teach.StudentCell;
import org.lstmlab.experiment.ResultsTable;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.plot.Charts;
import org.lstmlab.train.History;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.TrainingListener;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One-line notebook steps over the toolkit: {@code Lab.dataset(folder, quick)}, {@code data.features(10, 100)},
 * {@code Lab.train(features.lstm()).epochs(10)}, {@code Lab.show(x)}. It only delegates to the stage packages.
 *
 * <p>Notebook parameters read environment variables first (as d2l-java reads MAX_EPOCH), so CI can run every
 * notebook in quick mode without editing it: {@code LSTMLAB_QUICK=1}, {@code LSTMLAB_DATA=<folder>},
 * {@code LSTMLAB_EPOCHS=<n>}, {@code LSTMLAB_REPORTS=<folder>} (where run folders and saved models go),
 * {@code LSTMLAB_LANG=en|ko} (the lab report's language).
 */
public final class Lab {

    public static final String QUICK = "LSTMLAB_QUICK", DATA = "LSTMLAB_DATA", EPOCHS = "LSTMLAB_EPOCHS",
            REPORTS = "LSTMLAB_REPORTS", LANG = "LSTMLAB_LANG";

    /** Where parameters come from; tests swap in a map. */
    static Function<String, String> environment = System::getenv;

    /** Columns across a waveform chart (two points each): its envelope survives, the chart stays light. */
    static final int WAVEFORM_COLUMNS = 2000;

    private Lab() {}

    /** The environment variable {@code name} if set and not blank, else {@code fallback}. */
    public static String param(String name, String fallback) { return param(name, fallback, s -> s); }

    /** As {@link #param(String, String)}; "1", "true", "yes" and "on" are true. */
    public static boolean param(String name, boolean fallback) {
        return param(name, fallback, s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + "=" + s + ": expected 1/0, true/false, yes/no or on/off");
        });
    }

    public static int param(String name, int fallback) {
        return param(name, fallback, s -> {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "=" + s + ": expected a whole number");
            }
        });
    }

    private static <T> T param(String name, T fallback, Function<String, T> parse) {
        String v = environment.apply(name);
        return v == null || v.isBlank() ? fallback : parse.apply(v);
    }

    /**
     * The project folder: the nearest folder at or above the working directory that holds both pom.xml and
     * notebooks/ (a kernel runs in the notebook's folder), else the working directory.
     */
    public static Path root() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("notebooks"))) return p;
        }
        return cwd;
    }

    /** Where run folders and notebook outputs go: LSTMLAB_REPORTS (relative to the project) or reports/. */
    public static Path reports() { return root().resolve(param(REPORTS, "reports")); }

    /** The embedded synthetic dataset, or the folder in LSTMLAB_DATA when set; quick mode when LSTMLAB_QUICK is. */
    public static LabDataset dataset() { return dataset("", false); }

    /**
     * A dataset folder in either layout (Kaggle train.csv + Train/, or UrbanSound8K), or "" for the embedded one;
     * LSTMLAB_DATA and LSTMLAB_QUICK, when set, win over the notebook's parameters.
     */
    public static LabDataset dataset(String folder, boolean quick) {
        String f = param(DATA, folder == null ? "" : folder);
        return new LabDataset(f.isBlank() ? null : root().resolve(f), param(QUICK, quick));
    }

    /** A fresh model for these features, ready to {@link LabModel#epochs train}. */
    public static LabModel train(LabFeatures.Setup setup) { return new LabModel(setup); }

    /** A model file written by {@link LabModel#save} (or the CLI): weights, Adam state, history and recipe. */
    public static ModelFile load(Path file) {
        try {
            return ModelFile.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model " + file + ": " + e.getMessage(), e);
        }
    }

    /** The clip's left channel over time. */
    public static XYChart waveform(Clip clip) {
        try {
            Audio audio = WavReader.read(clip.file());
            return Charts.english().waveform(clip.className() + " (clip " + clip.id() + "), " + audio.sampleRate() + " Hz, left channel",
                    audio.samples()[0], audio.sampleRate(), WAVEFORM_COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + clip.file() + ": " + e.getMessage(), e);
        }
    }

    /** Which FFT bins the features of each setting keep, and where a pure tone lands (the book's 10 ms quirk). */
    public static Table bands(LabFeatures... settings) {
        return FeatureBands.table(java.util.Arrays.stream(settings).map(LabFeatures::params).toArray(FeatureConfig[]::new));
    }

    /**
     * Writes the run's lab report (charts, report.html, report.md, report.pdf) in lang ("en" or "ko") into its
     * folder and shows it in the notebook; notes (a missing font) print below.
     */
    public static void report(RunReport run, String lang) {
        LabReport report = LabReport.in(Lang.parse(lang));
        report.write(run).notes().forEach(System.out::println);
        Display.html(report.fragment(run));
    }

    /**
     * Checks a student's cell beside the book's on a seeded problem and shows the report; a failed check also throws,
     * so that the cell fails (which is what a grader counts).
     */
    public static void check(StudentCell cell, long seed) {
        CellCheck.Report r = CellCheck.run(cell, seed);
        System.out.println(r); // as a stream, so the grader's feedback quotes it
        if (!r.passed()) throw new AssertionError(r.subject() + ": " + r.problems().size() + " problem(s), see above");
    }

    /**
     * The gradient study of a reproduction, alone: RNN and LSTM on these features, without and with clipping at
     * {@code clip}, ‖∂L/∂h_t‖ probed before and after {@code epochs} epochs. Its folder under {@link #reports} is
     * named after features, epochs and clipping, so running it again reads it back.
     */
    public static GradientStudy gradientStudy(LabFeatures features, int epochs, double clip) {
        PackedSequences s = features.sequences();
        Path dir = reports().resolve("gradient-study-" + s.params().tag() + "-" + s.fingerprint().substring(0, 8)
                + "-e" + epochs + "-clip" + clip);
        return GradientStudy.run(s, features.split(), epochs, clip, dir, TrainingListener.progress(new NotebookProgress()));
    }

    /** {@link #reproduce(LabDataset, int)} on the book's schedule (or the quick one in quick mode). */
    public static Reproduction reproduce(LabDataset data) { return reproduce(data, 0); }

    /**
     * The chapter's six models ({@link Reproduction}) on this dataset, set up for a notebook: {@code epochs} > 0
     * replaces the schedule by that many epochs per model; reports under {@link #reports}; the book's log lines as
     * text (the results table is left to {@link #show}); one live bar per training thread (two models train at
     * once), no console bar. Change anything else fluently, then {@code run()}; a finished run is read back.
     */
    public static Reproduction reproduce(LabDataset data, int epochs) {
        Reproduction r = Reproduction.book()
                .dataset(data.dataset().root())
                .quick(data.isQuick())
                .reports(reports())
                .progressBar(false)
                .log(System.out)
                .logResults(false)
                .listener(TrainingListener.progress(new NotebookProgress()));
        return epochs > 0 ? r.epochs(epochs) : r;
    }

    /**
     * The overfitting study ({@link org.lstmlab.experiment.OverfittingStudy}) of a reproduction on this dataset, set
     * up as {@link #reproduce(LabDataset, int)}; {@code run().overfitting()} holds its table and curves.
     */
    public static Reproduction overfitting(LabDataset data, int epochs) { return reproduce(data, epochs).overfitting(true); }

    /**
     * Shows a value in the running kernel and returns nothing, so a notebook calls it as a statement: tables as HTML
     * (a results table with its own formatting, a training history or an evaluation as their tables), charts as
     * images, a map of named values as each name then its value, anything else as text.
     */
    public static void show(Object value) {
        if (value instanceof ResultsTable results) {
            if (Display.inKernel()) Display.html(results.toHtml());
            else Display.text(results.toMarkdown());
        }
        else if (value instanceof History history) Display.show(history.table());
        else if (value instanceof Evaluation evaluation) Display.show(evaluation.perClass());
        else if (value instanceof Map<?, ?> named) named.forEach((name, v) -> {
            Display.text(String.valueOf(name));
            show(v);
        });
        else Display.show(value);
    }
}
