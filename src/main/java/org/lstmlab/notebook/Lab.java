package org.lstmlab.notebook;

import org.lstmlab.eval.Evaluation;
import org.lstmlab.experiment.Reproduction;
import org.lstmlab.teach.CellCheck;
import org.lstmlab.teach.StudentCell;
import org.lstmlab.experiment.ResultsTable;
import org.lstmlab.train.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * One-line notebook steps over the toolkit: {@code Lab.dataset()}, {@code data.features(10, 100)},
 * {@code Lab.train(features.lstm()).epochs(10)}, {@code Lab.show(x)}. It only delegates to the stage packages.
 *
 * <p>Notebook parameters read environment variables first (as d2l-java reads MAX_EPOCH), so CI can run every
 * notebook in quick mode without editing it: {@code LSTMLAB_QUICK=1}, {@code LSTMLAB_DATA=<folder>},
 * {@code LSTMLAB_EPOCHS=<n>}, {@code LSTMLAB_REPORTS=<folder>} (where a reproduction's run folders go).
 */
public final class Lab {

    public static final String QUICK = "LSTMLAB_QUICK", DATA = "LSTMLAB_DATA", EPOCHS = "LSTMLAB_EPOCHS",
            REPORTS = "LSTMLAB_REPORTS";

    /** Where parameters come from; tests swap in a map. */
    static Function<String, String> environment = System::getenv;

    private Lab() {}

    /** The environment variable {@code name} if set and not blank, else {@code fallback}. */
    public static String param(String name, String fallback) {
        return param(name, fallback, s -> s);
    }

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

    /** The embedded synthetic dataset, or the folder in LSTMLAB_DATA when set; quick mode when LSTMLAB_QUICK is. */
    public static LabDataset dataset() {
        return dataset(param(DATA, ""));
    }

    /** A dataset folder in either layout (Kaggle train.csv + Train/, or UrbanSound8K); blank = the embedded one. */
    public static LabDataset dataset(String folder) {
        return new LabDataset(folder == null || folder.isBlank() ? null : root().resolve(folder), param(QUICK, false));
    }

    /** A fresh model for these features, ready to {@link LabModel#epochs train}. */
    public static LabModel train(LabFeatures.Setup setup) {
        return new LabModel(setup);
    }

    /**
     * The chapter's six models ({@link Reproduction}) on this dataset, set up for a notebook: reports under the
     * project's reports/ (or LSTMLAB_REPORTS, relative to the project), the book's log lines as text, one live bar
     * per training thread (two models train at once), no console bar. Change anything else fluently, then {@code run()}; a finished run is read back, not retrained.
     */
    public static Reproduction reproduce(LabDataset data) {
        return Reproduction.book()
                .dataset(data.dataset().root())
                .quick(data.isQuick())
                .reports(root().resolve(param(REPORTS, "reports")))
                .progressBar(false)
                .log(System.out)
                .listener(NotebookProgress.parallel());
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
     * Shows a value in the running kernel: tables as HTML (a results table with its own formatting, a training
     * history or an evaluation as their tables), charts as images, anything else as text. Returns its display id.
     */
    public static String show(Object value) {
        if (value instanceof ResultsTable results) return Display.html(results.toHtml());
        if (value instanceof History history) return Display.show(history.table());
        if (value instanceof Evaluation evaluation) return Display.show(evaluation.perClass());
        return Display.show(value);
    }
}
