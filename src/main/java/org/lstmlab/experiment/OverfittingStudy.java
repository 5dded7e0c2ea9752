package org.lstmlab.experiment;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.nn.CellType;
import org.lstmlab.plot.ChartGrid;
import org.lstmlab.plot.Charts;
import org.lstmlab.plot.HtmlTable;
import org.lstmlab.train.EarlyStopping;
import org.lstmlab.train.Regularisation;
import org.lstmlab.train.TrainConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Overfitting, the LSTM's main risk on small data, and the book's remedies: the LSTM-state model on the longest
 * window with no remedy, the chapter-8 L2 decay, dropout, both, and early stopping; beside them the chapter's other
 * recurrent variants without remedy at every window. Each model trains the book's schedule, validating every
 * {@link #REPORT} epochs for the curves. The table sets the final weights' accuracy on the whole training split
 * (without dropout) against the test accuracy; the gap is their difference. The remedies' strengths are the book's
 * own, not tuned here: l2_decay 0.1 from its chapter-8 test, keep_prob 0.5 from its chapter-10 dropout after a
 * recurrent layer (protocol §9).
 */
public record OverfittingStudy(List<ModelResult> runs) {
    public static final double L2 = 0.1, KEEP_PROB = 0.5;
    static final int REPORT = 5, PATIENCE = 20, QUICK_REPORT = 1, QUICK_PATIENCE = 2;
    static final String PREFIX = "overfit_", FILE = "overfitting";
    /** The variants trained beside the LSTM-state model, without remedy, at every window. */
    static final List<CellType> VARIANTS = List.of(CellType.LSTM, CellType.GRU);

    /** What a run does against overfitting; its id is part of the run's name. */
    public enum Remedy {
        NONE("none", "no remedy"), L2("l2", "L2 " + OverfittingStudy.L2), DROPOUT("dropout", "dropout, keep " + KEEP_PROB),
        BOTH("l2-dropout", "L2 " + OverfittingStudy.L2 + " + dropout " + KEEP_PROB), EARLY("early", "early stopping");

        final String id, label;

        Remedy(String id, String label) {
            this.id = id;
            this.label = label;
        }

        TrainConfig apply(TrainConfig c, boolean quick) {
            Regularisation l2 = Regularisation.NONE.withL2(OverfittingStudy.L2), drop = Regularisation.NONE.withKeepProb(KEEP_PROB);
            return switch (this) {
                case NONE -> c;
                case L2 -> c.withRegularisation(l2);
                case DROPOUT -> c.withRegularisation(drop);
                case BOTH -> c.withRegularisation(l2.withKeepProb(KEEP_PROB));
                case EARLY -> c.withEarlyStopping(new EarlyStopping(quick ? QUICK_PATIENCE : PATIENCE, EarlyStopping.Monitor.ACCURACY));
            };
        }

        static Remedy ofRun(String name) {
            String id = name.substring(PREFIX.length(), name.indexOf('_', PREFIX.length()));
            for (Remedy r : values()) if (r.id.equals(id)) return r;
            throw new IllegalArgumentException("run " + name + " names no remedy of the overfitting study");
        }
    }

    /** Runs in a fixed order: the LSTM-state remedies first, then the variants by cell and window. */
    public OverfittingStudy {
        runs = runs.stream().sorted(Comparator.comparing((ModelResult m) -> m.cell() != CellType.LSTM_STATE)
                .thenComparing(ModelResult::cell).thenComparingInt(ModelResult::windowMs)
                .thenComparing(m -> Remedy.ofRun(m.name()))).toList();
    }

    /** One feature set's data, split and fold, as a run folder holds them. */
    record FeatureSet(PackedSequences data, Split split, int fold) {}

    /**
     * The study's jobs: the remedies on the longest window's LSTM-state model, the variants on every window. Early
     * stopping takes the no-remedy run's very steps until it stops, so on a one-phase schedule it is read off that run
     * (the no-remedy job's shadow) instead of trained again.
     */
    static List<ModelJob> jobs(List<FeatureSet> sets, boolean quick, Function<Integer, Schedule> schedule,
                               Function<CellType, TrainConfig> config) {
        FeatureSet longest = sets.stream().max(Comparator.comparingInt(s -> s.data().params().windowMs())).orElseThrow();
        List<ModelJob> jobs = new ArrayList<>();
        for (Remedy r : Remedy.values()) if (r != Remedy.EARLY) jobs.add(job(longest, CellType.LSTM_STATE, r, quick, schedule, config));
        ModelJob early = job(longest, CellType.LSTM_STATE, Remedy.EARLY, quick, schedule, config);
        if (early.schedule.phases().size() == 1) jobs.set(0, jobs.get(0).shadowing(early));
        else jobs.add(early);
        for (CellType cell : VARIANTS) for (FeatureSet s : sets) jobs.add(job(s, cell, Remedy.NONE, quick, schedule, config));
        return jobs;
    }

    private static ModelJob job(FeatureSet s, CellType cell, Remedy r, boolean quick, Function<Integer, Schedule> schedule,
                                Function<CellType, TrainConfig> config) {
        var p = s.data().params();
        String name = PREFIX + r.id + "_" + cell.bookName() + "_" + p.intervalMs() + "_" + p.windowMs();
        return new ModelJob(name, r.apply(config.apply(cell), quick), s.data(), s.split(),
                schedule.apply(p.windowMs()).reporting(quick ? QUICK_REPORT : REPORT), s.fold(), 0);
    }

    static boolean isRun(String name) { return name.startsWith(PREFIX); }

    private static String model(ModelResult m) { return BookResults.layer(m.cell()) + " " + m.windowMs() + " ms"; }

    /**
     * remedy, model, epochs, kept epoch (early stopping), train accuracy, test accuracy, their gap, and the training
     * seconds (so the GRU's cost beside the LSTM's on the same steps shows in the study itself).
     */
    public Table table() {
        Table t = Table.create("overfitting", StringColumn.create("remedy"), StringColumn.create("model"),
                IntColumn.create("epochs"), IntColumn.create("kept_epoch"), DoubleColumn.create("train_accuracy"),
                DoubleColumn.create("test_accuracy"), DoubleColumn.create("gap"), IntColumn.create("train_seconds"));
        for (ModelResult m : runs) {
            t.stringColumn("remedy").append(Remedy.ofRun(m.name()).label);
            t.stringColumn("model").append(model(m));
            t.intColumn("epochs").append(m.epochs());
            int kept = m.history().bestEpoch();
            if (kept > 0) t.intColumn("kept_epoch").append(kept);
            else t.intColumn("kept_epoch").appendMissing();
            t.doubleColumn("train_accuracy").append(m.trainAccuracy());
            t.doubleColumn("test_accuracy").append(m.testAccuracy());
            t.doubleColumn("gap").append(m.trainAccuracy() - m.testAccuracy());
            t.intColumn("train_seconds").append((int) Math.round(m.seconds()));
        }
        return t;
    }

    /** The table in Markdown, accuracies at three decimals. */
    public String toMarkdown() {
        Table t = table();
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", t.columnNames())).append(" |\n|")
                .append("---|".repeat(t.columnCount())).append('\n');
        for (Row r : t) {
            sb.append('|');
            for (String c : t.columnNames())
                sb.append(' ').append(r.isMissing(c) ? "—" : t.column(c) instanceof DoubleColumn
                        ? String.format(Locale.ROOT, "%.3f", r.getDouble(c)) : String.valueOf(r.getObject(c))).append(" |");
            sb.append('\n');
        }
        return sb.toString();
    }

    /** overfitting.csv (raw numbers), overfitting.md and overfitting.html into a run folder. */
    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            table().write().csv(dir.resolve(FILE + ".csv").toFile());
            Files.writeString(dir.resolve(FILE + ".md"), toMarkdown());
            Files.writeString(dir.resolve(FILE + ".html"), HtmlTable.of(table(), runs.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the overfitting table into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Each run's train and validation accuracy by epoch (and cost), the kept epoch marked, three panels to a row. */
    public ChartGrid chart() { return chart(Charts.english()); }

    /** As {@link #chart()}, labelled in the language of style. */
    public ChartGrid chart(Charts style) {
        Map<String, Table> curves = new LinkedHashMap<>();
        for (ModelResult m : runs) curves.put(model(m) + ", " + Remedy.ofRun(m.name()).label, m.history().table());
        return style.learningCurves(curves);
    }
}
