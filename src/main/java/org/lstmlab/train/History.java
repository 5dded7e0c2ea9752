package org.lstmlab.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What training produced, epoch by epoch, plus the optional ‖∂L/∂h_t‖ probes keyed by epoch (0 = before training)
 * and, under early stopping, the marks of the last such run: the epoch whose weights it kept ("best") and the epoch
 * after which it stopped ("stop"), each 0 when absent.
 * {@link #toCsv()} is deterministic: the same seed gives the same bytes; wall-clock seconds live in
 * {@link #secondsCsv()} only. Doubles are written with {@link Double#toString(double)}, which round-trips exactly.
 */
public final class History {
    static final String HEADER = "epoch,run_epoch,cost,train_accuracy,validation_accuracy,mark";
    /** The header before early stopping; such histories still load. */
    private static final String UNMARKED = "epoch,run_epoch,cost,train_accuracy,validation_accuracy";
    static final String BEST = "best", STOP = "stop";
    private final List<EpochRecord> epochs;
    private final TreeMap<Integer, double[]> gradientNorms;
    private final int bestEpoch, stoppedAfter;

    public History(List<EpochRecord> epochs, Map<Integer, double[]> gradientNorms) { this(epochs, gradientNorms, 0, 0); }

    public History(List<EpochRecord> epochs, Map<Integer, double[]> gradientNorms, int bestEpoch, int stoppedAfter) {
        this.epochs = List.copyOf(epochs);
        this.gradientNorms = new TreeMap<>(gradientNorms);
        this.bestEpoch = bestEpoch;
        this.stoppedAfter = stoppedAfter;
    }

    public static History empty() { return new History(List.of(), Map.of()); }

    public List<EpochRecord> epochs() { return epochs; }
    public int size() { return epochs.size(); }
    public boolean isEmpty() { return epochs.isEmpty(); }

    public EpochRecord last() {
        if (epochs.isEmpty()) throw new IllegalStateException("history is empty");
        return epochs.get(epochs.size() - 1);
    }

    /** The epochs that printed a book log line. */
    public List<EpochRecord> reports() { return epochs.stream().filter(EpochRecord::reported).toList(); }

    /** The epoch whose weights early stopping kept; 0 without early stopping. */
    public int bestEpoch() { return bestEpoch; }

    /** The epoch after which early stopping ended its run; 0 when no run stopped early. */
    public int stoppedAfter() { return stoppedAfter; }

    /** "best", "stop" or "" for an epoch. */
    public String mark(int epoch) { return epoch == bestEpoch ? BEST : epoch == stoppedAfter ? STOP : ""; }

    /** ‖∂L/∂h_t‖ for t = 1..T of the probe batch, by epoch; empty unless the trainer was asked to probe. */
    public Map<Integer, double[]> gradientNorms() { return Collections.unmodifiableMap(gradientNorms); }

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
        IntColumn epoch = IntColumn.create("epoch"), run = IntColumn.create("run_epoch");
        DoubleColumn cost = DoubleColumn.create("cost"), train = DoubleColumn.create("train_accuracy"),
                val = DoubleColumn.create("validation_accuracy"), secs = DoubleColumn.create("seconds");
        StringColumn mark = StringColumn.create("mark");
        for (EpochRecord r : epochs) {
            epoch.append(r.epoch());
            run.append(r.runEpoch());
            cost.append(r.cost());
            train.append(r.trainAccuracy());
            val.append(r.validationAccuracy());
            secs.append(r.seconds());
            mark.append(mark(r.epoch()));
        }
        return Table.create("history", epoch, run, cost, train, val, secs, mark);
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

    /** The deterministic part of the per-epoch record, one line per epoch after a header. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : epochs)
            sb.append(r.epoch()).append(',').append(r.runEpoch()).append(',').append(r.cost()).append(',')
                    .append(r.trainAccuracy()).append(',').append(r.validationAccuracy()).append(',').append(mark(r.epoch()))
                    .append('\n');
        return sb.toString();
    }

    /** epoch,seconds: wall-clock, never byte-identical across runs. */
    public String secondsCsv() {
        StringBuilder sb = new StringBuilder("epoch,seconds\n");
        for (EpochRecord r : epochs) sb.append(r.epoch()).append(',').append(r.seconds()).append('\n');
        return sb.toString();
    }

    /** epoch,norm_1,...,norm_T per probed epoch; deterministic. */
    public String gradientNormsCsv() {
        StringBuilder sb = new StringBuilder("epoch,norms\n");
        gradientNorms.forEach((e, norms) -> {
            sb.append(e);
            for (double v : norms) sb.append(',').append(v);
            sb.append('\n');
        });
        return sb.toString();
    }

    /** Reads back {@link #toCsv()}, {@link #secondsCsv()} and {@link #gradientNormsCsv()}. */
    public static History fromCsv(String csv, String secondsCsv, String gradientNormsCsv) {
        boolean marked = csv.startsWith(HEADER);
        List<String> lines = dataLines(csv, marked ? HEADER : UNMARKED), secs = dataLines(secondsCsv, "epoch,seconds");
        if (secs.size() != lines.size())
            throw new IllegalArgumentException("history has " + lines.size() + " epochs but " + secs.size() + " timings");
        List<EpochRecord> records = new ArrayList<>();
        int best = 0, stop = 0;
        for (int k = 0; k < lines.size(); k++) {
            String[] f = fields(lines.get(k), marked ? 6 : 5);
            if (marked && f[5].equals(BEST)) best = Integer.parseInt(f[0]);
            else if (marked && f[5].equals(STOP)) stop = Integer.parseInt(f[0]);
            else if (marked && !f[5].isEmpty()) throw new IllegalArgumentException("unknown mark '" + f[5] + "' in '" + lines.get(k) + "'");
            String[] s = fields(secs.get(k), 2);
            if (!s[0].equals(f[0])) throw new IllegalArgumentException("timing line " + (k + 2) + " is for epoch " + s[0] + ", not " + f[0]);
            records.add(new EpochRecord(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(s[1])));
        }
        Map<Integer, double[]> norms = new TreeMap<>();
        for (String line : dataLines(gradientNormsCsv, "epoch,norms")) {
            String[] f = line.split(",");
            double[] v = new double[f.length - 1];
            for (int t = 0; t < v.length; t++) v[t] = Double.parseDouble(f[t + 1]);
            norms.put(Integer.parseInt(f[0]), v);
        }
        return new History(records, norms, best, stop);
    }

    private static List<String> dataLines(String csv, String header) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        if (lines.isEmpty() || !lines.get(0).equals(header))
            throw new IllegalArgumentException("expected a CSV starting with '" + header + "'");
        return lines.subList(1, lines.size());
    }

    private static String[] fields(String line, int n) {
        String[] f = line.split(",", -1);
        if (f.length != n) throw new IllegalArgumentException("expected " + n + " fields in '" + line + "'");
        return f;
    }

    @Override public String toString() { return toCsv(); }
}
