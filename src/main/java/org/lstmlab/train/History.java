package org.lstmlab.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What training produced, epoch by epoch, plus the optional ‖∂L/∂h_t‖ probes keyed by epoch (0 = before training)
 * and, under early stopping, the marks of the last such run: the epoch whose weights it kept ("best") and the epoch
 * after which it stopped ("stop"), each 0 when absent.
 * It has one stored form, its Tablesaw tables as CSV ({@link #toCsv()}, {@link #gradientNormsCsv()}), which model
 * files and report folders both write and read back. Apart from the seconds column the same seed gives the same
 * bytes ({@link #deterministicCsv()}).
 * gradientNorms: ‖∂L/∂h_t‖ for t = 1..T of the probe batch, by epoch in order; empty unless the trainer probed.
 * bestEpoch: the epoch whose weights early stopping kept, 0 without early stopping; stoppedAfter: the epoch after
 * which early stopping ended its run, 0 when no run stopped early.
 */
public record History(List<EpochRecord> epochs, Map<Integer, double[]> gradientNorms, int bestEpoch, int stoppedAfter) {
    static final String BEST = "best", STOP = "stop";

    public History {
        epochs = List.copyOf(epochs);
        gradientNorms = Collections.unmodifiableMap(new TreeMap<>(gradientNorms));
    }

    public History(List<EpochRecord> epochs, Map<Integer, double[]> gradientNorms) { this(epochs, gradientNorms, 0, 0); }

    public static History empty() { return new History(List.of(), Map.of()); }

    public int size() { return epochs.size(); }
    public boolean isEmpty() { return epochs.isEmpty(); }

    public EpochRecord last() {
        if (epochs.isEmpty()) throw new IllegalStateException("history is empty");
        return epochs.get(epochs.size() - 1);
    }

    /** The epochs that printed a book log line. */
    public List<EpochRecord> reports() { return epochs.stream().filter(EpochRecord::reported).toList(); }

    /** "best", "stop" or "" for an epoch. */
    public String mark(int epoch) { return epoch == bestEpoch ? BEST : epoch == stoppedAfter ? STOP : ""; }

    /** This history followed by a later one (e.g. the book's 10 epochs, then the +100); a later run's marks win. */
    public History then(History next) {
        List<EpochRecord> all = new ArrayList<>(epochs);
        all.addAll(next.epochs);
        Map<Integer, double[]> norms = new TreeMap<>(gradientNorms);
        norms.putAll(next.gradientNorms);
        boolean later = next.bestEpoch != 0 || next.stoppedAfter != 0;
        return new History(all, norms, later ? next.bestEpoch : bestEpoch, later ? next.stoppedAfter : stoppedAfter);
    }

    /** epoch, run_epoch, cost, train_accuracy, validation_accuracy (missing when not reported), seconds, mark. */
    public Table table() {
        return Table.create("history", IntColumn.create("epoch", epochs.stream().mapToInt(EpochRecord::epoch)),
                IntColumn.create("run_epoch", epochs.stream().mapToInt(EpochRecord::runEpoch)),
                DoubleColumn.create("cost", epochs.stream().mapToDouble(EpochRecord::cost)),
                DoubleColumn.create("train_accuracy", epochs.stream().mapToDouble(EpochRecord::trainAccuracy)),
                DoubleColumn.create("validation_accuracy", epochs.stream().mapToDouble(EpochRecord::validationAccuracy)),
                DoubleColumn.create("seconds", epochs.stream().mapToDouble(EpochRecord::seconds)),
                StringColumn.create("mark", epochs.stream().map(r -> mark(r.epoch()))));
    }

    /** Long format for plotting: epoch, step (1-based t), norm. */
    public Table gradientNormTable() {
        IntColumn epoch = IntColumn.create("epoch"), step = IntColumn.create("step");
        DoubleColumn norm = DoubleColumn.create("norm");
        gradientNorms.forEach((e, norms) -> {
            for (int t = 0; t < norms.length; t++) {
                epoch.append(e);
                step.append(t + 1);
                norm.append(norms[t]);
            }
        });
        return Table.create("gradient norms", epoch, step, norm);
    }

    /**
     * The stored form, the same in model files and report folders: {@link #table()} as CSV written by Tablesaw.
     * Doubles are written by {@link Double#toString(double)}, so they read back exactly; a missing validation
     * accuracy is an empty field.
     */
    public String toCsv() { return csv(table()); }

    /** {@link #toCsv()} without the wall-clock seconds: what the same seed reproduces byte for byte. */
    public String deterministicCsv() { return csv(table().removeColumns("seconds")); }

    /** {@link #gradientNormTable()} as CSV, written by Tablesaw. */
    public String gradientNormsCsv() { return csv(gradientNormTable()); }

    /** Reads back {@link #toCsv()} and {@link #gradientNormsCsv()}; an error names the table and what is wrong. */
    public static History fromCsv(String epochsCsv, String gradientNormsCsv) {
        Table t = read(epochsCsv, empty().table());
        List<EpochRecord> records = new ArrayList<>();
        int best = 0, stop = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            int epoch = t.intColumn(0).getInt(r);
            String mark = t.stringColumn(6).get(r);
            if (mark.equals(BEST)) best = epoch;
            else if (mark.equals(STOP)) stop = epoch;
            else if (!mark.isEmpty()) throw new IllegalArgumentException("history: unknown mark '" + mark + "' at epoch " + epoch);
            records.add(new EpochRecord(epoch, t.intColumn(1).getInt(r), t.doubleColumn(2).getDouble(r),
                    t.doubleColumn(3).getDouble(r), t.doubleColumn(4).getDouble(r), t.doubleColumn(5).getDouble(r)));
        }
        Table n = read(gradientNormsCsv, empty().gradientNormTable());
        Map<Integer, List<Double>> norms = new TreeMap<>();
        for (int r = 0; r < n.rowCount(); r++) {
            List<Double> steps = norms.computeIfAbsent(n.intColumn(0).getInt(r), e -> new ArrayList<>());
            if (n.intColumn(1).getInt(r) != steps.size() + 1)
                throw new IllegalArgumentException("gradient norms: row " + (r + 1) + " is step " + n.intColumn(1).getInt(r)
                        + " of epoch " + n.intColumn(0).getInt(r) + ", expected step " + (steps.size() + 1));
            steps.add(n.doubleColumn(2).getDouble(r));
        }
        Map<Integer, double[]> byEpoch = new TreeMap<>();
        norms.forEach((e, v) -> byEpoch.put(e, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return new History(records, byEpoch, best, stop);
    }

    private static String csv(Table t) {
        StringWriter out = new StringWriter();
        t.write().csv(CsvWriteOptions.builder(out).lineEnd("\n").build());
        return out.toString();
    }

    /** The table in csv, after checking that it has exactly the columns of shape; only validation and mark have gaps. */
    private static Table read(String csv, Table shape) {
        String what = shape.name(), header = csv.lines().findFirst().orElse("");
        String expected = String.join(",", shape.columnNames());
        if (!header.equals(expected))
            throw new IllegalArgumentException(what + ": expected the columns " + expected + ", found '" + header + "'");
        Table t;
        try {
            t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(csv)).tableName(what)
                    .columnTypes(shape.typeArray()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": not a readable CSV table (" + e.getMessage() + ")", e);
        }
        for (Column<?> c : t.columns())
            if (c.countMissing() > 0 && !c.name().equals("validation_accuracy") && !c.name().equals("mark"))
                throw new IllegalArgumentException(what + ": column " + c.name() + " has a missing value");
        return t;
    }

    @Override public String toString() { return toCsv(); }
}
