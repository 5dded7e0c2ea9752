package org.lstmlab.experiment;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.plot.Charts;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.TrainingListener;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Why the LSTM beats the plain RNN on long sequences: the RNN and the LSTM on one feature set, each without and with
 * gradient-norm clipping, record ‖∂L/∂h_t‖ for every step t of a fixed probe batch before training (epoch 0) and
 * after it. A reproduction runs it beside the chapter's models; a notebook runs it alone ({@link #run}).
 */
public record GradientStudy(List<ModelResult> runs) {
    /** The clipped runs' maximum gradient norm, and the study's epochs in a reproduction. */
    public static final double CLIP = 1.0;
    static final int EPOCHS = 2, QUICK_EPOCHS = 1;

    /** Runs in a fixed order (cell, then clipping), however they were found. */
    public GradientStudy {
        runs = runs.stream().sorted(Comparator.comparing(ModelResult::cell).thenComparingDouble(ModelResult::clipNorm)).toList();
    }

    /** The four runs as jobs of one run folder: RNN and LSTM, unclipped then clipped at {@code clip}. */
    static List<ModelJob> jobs(PackedSequences data, Split split, int fold, int epochs, double clip,
                               Function<CellType, TrainConfig> config) {
        List<ModelJob> jobs = new ArrayList<>();
        String tag = data.params().intervalMs() + "_" + data.params().windowMs();
        for (CellType cell : new CellType[] {CellType.RNN, CellType.LSTM})
            for (double c : new double[] {0, clip})
                jobs.add(new ModelJob("gradstudy_" + cell.bookName() + "_" + tag + (c > 0 ? "_clip" + c : "_noclip"),
                        config.apply(cell).withClipNorm(c), data, split, new Schedule(List.of(new Schedule.Phase(epochs, 0))),
                        fold, epochs));
        return jobs;
    }

    /**
     * Runs the study alone on the book's configuration: each run trains {@code epochs} epochs on the split's training
     * part. Results go to {@code dir} as a reproduction's do, so a finished study is read back, not retrained.
     */
    public static GradientStudy run(PackedSequences data, Split split, int epochs, double clip, Path dir,
                                    TrainingListener progress) {
        List<ModelResult> runs = new ArrayList<>();
        for (ModelJob job : jobs(data, split, 0, epochs, clip, TrainConfig::book))
            job.run(dir, () -> Engines.open(EngineKind.AUTO), progress, (j, result, lines) -> runs.add(result));
        return new GradientStudy(runs);
    }

    /**
     * One line per curve: each cell untrained (clipping changes only the updates, so one line serves both), then
     * every run after its last epoch.
     */
    public Map<String, double[]> norms() { return norms(Charts.english()); }

    /** As {@link #norms()}, labelled in the language of style. */
    public Map<String, double[]> norms(Charts style) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (ModelResult m : runs)
            if (m.clipNorm() == 0 && m.gradientNorms().containsKey(0))
                out.put(style.text("gradients.untrained", BookResults.layer(m.cell())), m.gradientNorms().get(0));
        for (ModelResult m : runs)
            if (lastEpoch(m) > 0) out.put(label(m, style), m.gradientNorms().get(lastEpoch(m)));
        return out;
    }

    /** The last probed epoch of a run (0 when it only has the untrained probe or none). */
    public static int lastEpoch(ModelResult m) { return m.gradientNorms().keySet().stream().max(Integer::compare).orElse(0); }

    /** "RNN, no clipping, after 2 epochs", "LSTM, clipped at 1.0, after 1 epoch": a run after its last epoch. */
    public static String label(ModelResult m, Charts style) {
        int last = lastEpoch(m);
        String layer = BookResults.layer(m.cell()), after = style.text(last == 1 ? "gradients.epoch" : "gradients.epochs", last);
        return m.clipNorm() > 0 ? style.text("gradients.clipped", layer, Double.toString(m.clipNorm()), after)
                : style.text("gradients.plain", layer, after);
    }

    /** log10 ‖∂L/∂h_t‖ against t, one line per curve of {@link #norms}. */
    public XYChart chart() { return chart(Charts.english()); }

    /** As {@link #chart()}, labelled in the language of style. */
    public XYChart chart(Charts style) {
        return style.gradientNorms(style.text("gradients.title",
                runs.isEmpty() ? "" : runs.get(0).intervalMs() + "-" + runs.get(0).windowMs()), norms(style));
    }

    /**
     * How much of the loss's signal reaches the first step: ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ over the probe batch's steps (far
     * below 1: it vanishes on its way back; far above: it explodes). Norms in scientific notation, since they span
     * decades.
     */
    public Table ratios() {
        Table t = Table.create("gradient reaching step 1", StringColumn.create("run"), IntColumn.create("steps"),
                StringColumn.create("‖∂L/∂h_T‖"), StringColumn.create("‖∂L/∂h_1‖"), DoubleColumn.create("log10 ratio"));
        norms().forEach((run, g) -> {
            int last = g.length - 1;
            while (last > 0 && g[last] == 0) last--;   // steps past the batch's longest sequence carry nothing
            t.stringColumn(0).append(run);
            t.intColumn(1).append(last + 1);
            t.stringColumn(2).append(String.format(Locale.ROOT, "%.2e", g[last]));
            t.stringColumn(3).append(String.format(Locale.ROOT, "%.2e", g[0]));
            t.doubleColumn(4).append(Math.log10(g[0] / g[last]));
        });
        return t;
    }
}
