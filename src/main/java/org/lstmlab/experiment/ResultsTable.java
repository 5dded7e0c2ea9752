package org.lstmlab.experiment;

import org.lstmlab.plot.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The chapter's results table, one row per model (the book's six, then any baselines): window, layer, test
 * accuracy and training seconds, with the book's accuracy and seconds beside them (missing where the book has none).
 * Held as a Tablesaw table; written as results.csv (raw numbers), results.md and results.html (formatted).
 */
public final class ResultsTable {
    public static final String MODEL = "model", INTERVAL = "interval_ms", WINDOW = "window_ms", LAYER = "layer",
            PROTOCOL = "protocol", ACCURACY = "test_accuracy", ACCURACY_STD = "accuracy_std", FOLDS = "folds",
            MACRO_F1 = "macro_f1", SECONDS = "train_seconds", EPOCHS = "epochs",
            BOOK_ACCURACY = "book_accuracy", BOOK_SECONDS = "book_seconds";
    public static final String CSV = "results.csv", MARKDOWN = "results.md", HTML = "results.html";

    /**
     * One model's result. accuracyStd is the spread over folds (NaN for a single split, folds = 1);
     * book values are NaN where the book has none.
     */
    public record Entry(String model, int intervalMs, int windowMs, String layer, String protocol, double accuracy,
                        double accuracyStd, int folds, double macroF1, double seconds, int epochs,
                        double bookAccuracy, double bookSeconds) {}

    private final Table table;

    private ResultsTable(Table table) { this.table = table; }

    public static ResultsTable create() {
        return new ResultsTable(Table.create("results",
                StringColumn.create(MODEL), IntColumn.create(INTERVAL), IntColumn.create(WINDOW),
                StringColumn.create(LAYER), StringColumn.create(PROTOCOL), DoubleColumn.create(ACCURACY),
                DoubleColumn.create(ACCURACY_STD), IntColumn.create(FOLDS), DoubleColumn.create(MACRO_F1),
                DoubleColumn.create(SECONDS), IntColumn.create(EPOCHS), DoubleColumn.create(BOOK_ACCURACY),
                DoubleColumn.create(BOOK_SECONDS)));
    }

    /** Appends e as a row, in column order; NaN is a missing number. */
    public ResultsTable add(Entry e) {
        Object[] values = {e.model(), e.intervalMs(), e.windowMs(), e.layer(), e.protocol(), e.accuracy(), e.accuracyStd(),
                e.folds(), e.macroF1(), e.seconds(), e.epochs(), e.bookAccuracy(), e.bookSeconds()};
        for (int k = 0; k < values.length; k++) table.column(k).appendObj(values[k]);
        return this;
    }

    public Table table() { return table; }

    public int rowCount() { return table.rowCount(); }

    /** The rows back as entries (a missing number is NaN, as Tablesaw stores it). */
    public List<Entry> entries() {
        return table.stream().map(r -> new Entry(r.getString(MODEL), r.getInt(INTERVAL), r.getInt(WINDOW),
                r.getString(LAYER), r.getString(PROTOCOL), r.getDouble(ACCURACY), r.getDouble(ACCURACY_STD),
                r.getInt(FOLDS), r.getDouble(MACRO_F1), r.getDouble(SECONDS), r.getInt(EPOCHS),
                r.getDouble(BOOK_ACCURACY), r.getDouble(BOOK_SECONDS))).toList();
    }

    /** "10 ms LSTM"-style labels, one per row, for charts; a baseline goes by its short name ("10 ms logreg"). */
    public List<String> labels() {
        return entries().stream().map(e -> e.windowMs() + " ms " + (e.epochs() > 0 ? e.layer() : e.model().replaceFirst("_.*", ""))).toList();
    }

    /** One number per row (missing as NaN), in row order. */
    public double[] column(java.util.function.ToDoubleFunction<Entry> value) {
        return entries().stream().mapToDouble(value).toArray();
    }

    /** Writes results.csv, results.md and results.html into dir. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            table.write().csv(dir.resolve(CSV).toFile());
            Files.writeString(dir.resolve(MARKDOWN), toMarkdown());
            Files.writeString(dir.resolve(HTML), toHtml());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results table into " + dir + ": " + e.getMessage(), e);
        }
    }

    public static ResultsTable read(Path csv) {
        try {
            Table t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).tableName("results")
                    .columnTypes(create().table.typeArray()));
            if (!t.columnNames().equals(create().table.columnNames()))
                throw new IllegalArgumentException("columns " + t.columnNames() + " are not " + create().table.columnNames());
            return new ResultsTable(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(csv + ": not a results table (" + e.getMessage() + ")", e);
        }
    }

    private static final String[] SHOWN = {"Model", "Window", "Layer", "Test accuracy", "Macro-F1", "Train secs",
            "Book accuracy", "Book secs", "Protocol"};

    /** A row's cells under {@link #SHOWN}, as text. */
    private static List<String> cells(Entry e) {
        return List.of(e.model(), e.intervalMs() + "/" + e.windowMs() + " ms", e.layer(),
                percent(e.accuracy()) + (e.folds() > 1 ? " ± " + percent(e.accuracyStd()) + " (" + e.folds() + " folds)" : ""),
                fixed3(e.macroF1()), seconds(e.seconds()), percent(e.bookAccuracy()), seconds(e.bookSeconds()),
                e.protocol());
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", SHOWN)).append(" |\n|");
        sb.append("---|".repeat(SHOWN.length)).append('\n');
        for (Entry e : entries())
            sb.append(cells(e).stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n")));
        return sb.toString();
    }

    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table class=\"lstm-lab-results\">\n<thead><tr>");
        for (String h : SHOWN) sb.append("<th>").append(Html.escape(h)).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        for (Entry e : entries()) {
            sb.append("<tr>");
            for (String c : cells(e)) sb.append("<td>").append(Html.escape(c)).append("</td>");
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    private static String percent(double v) { return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v); }

    private static String fixed3(double v) { return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v); }

    private static String seconds(double v) { return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.0f", v); }

    @Override public String toString() { return toMarkdown(); }
}
