package org.lstmlab.report;

import org.lstmlab.eval.Evaluation;
import org.lstmlab.experiment.GradientStudy;
import org.lstmlab.experiment.ModelResult;
import org.lstmlab.experiment.Protocol;
import org.lstmlab.experiment.ResultsTable;
import org.lstmlab.experiment.RunReport;
import org.lstmlab.recipe.Json;
import org.lstmlab.train.EpochRecord;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.lstmlab.report.Findings.number;
import static org.lstmlab.report.Findings.percent;

/**
 * The report's blocks in a lab report's usual order: 1 overview, 2 results (2.1 small window, 2.2 large window, a block per
 * model with its log lines), 3-1 the gradient study, 3-2 the conclusion; then what such reports lack (per-class F1,
 * confusion matrices, baselines, the other charts, an overfitting study when the run has one) and the recipe and
 * manifest in an appendix. charts holds the chart names the run folder has.
 */
final class Sections {
    /** An overfitting study's table, shown as section 4.5 when the run folder has it. */
    static final String OVERFITTING = "overfitting.csv";

    private final RunReport run;
    private final Lang lang;
    private final Set<String> charts;
    private final Findings findings;
    private final List<Block> out = new ArrayList<>();

    Sections(RunReport run, Lang lang, Set<String> charts) {
        this.run = run;
        this.lang = lang;
        this.charts = charts;
        this.findings = new Findings(lang, run.results().entries());
    }

    List<Block> build() {
        overview();
        results();
        gradients();
        conclusion();
        beyond();
        appendix();
        return out;
    }

    private void heading(int level, String key, Object... args) { out.add(new Block.Heading(level, lang.text(key, args))); }

    private void para(String key, Object... args) { out.add(new Block.Para(lang.text(key, args))); }

    private void figure(String chart, String caption, boolean half) {
        if (charts.contains(chart)) out.add(new Block.Figure(chart, caption, half));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o) { return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(); }

    private Map<String, Object> config() { return map(run.manifest().get("config")); }

    private Map<String, Object> data() { return map(run.manifest().get("data")); }

    boolean synthetic() {
        return Boolean.TRUE.equals(data().get("synthetic")) || map(run.manifest().get("seeds")).containsKey("synthetic_dataset");
    }

    boolean quick() { return Boolean.TRUE.equals(config().get("quick")); }

    private void overview() {
        heading(1, "h.overview");
        Map<String, Object> c = config(), d = data();
        List<String> layers = findings.windows().isEmpty() ? List.of()
                : run.results().entries().stream().filter(e -> e.epochs() > 0).map(ResultsTable.Entry::layer).distinct().toList();
        String schedule = quick() ? lang.text("overview.schedule.quick", epochsOf(run.models()))
                : c.get("epochs") instanceof Number n ? lang.text("overview.schedule.fixed", n)
                : lang.text("overview.schedule.book", epochsOf(run.models()));
        List<Map<String, Object>> features = c.get("features") instanceof List<?> l ? l.stream().map(this::map).toList() : List.of();
        para("overview.ran", String.join(", ", layers), distinct(features, "window_ms"), distinct(features, "interval_ms"),
                c.getOrDefault("hidden", "?"), distinct(features, "mode"), c.getOrDefault("engine", "?"),
                c.getOrDefault("seed", "?"), schedule);
        List<Object> sets = d.get("feature_sets") instanceof List<?> l ? new ArrayList<>(l) : List.of();
        para("overview.data", d.getOrDefault("clips", "?"), d.get("classes") instanceof List<?> l ? l.size() : "?",
                d.getOrDefault("layout", "?"), Path.of(String.valueOf(d.getOrDefault("root", "?"))).getFileName(),
                joined(sets.stream().map(s -> map(s).get("kept")).distinct().toList()),
                joined(sets.stream().map(s -> map(s).get("skipped")).distinct().toList()));
        out.add(new Block.Para(synthetic() ? lang.text("overview.synthetic")
                : lang.text("overview.real", Path.of(String.valueOf(d.getOrDefault("root", "?"))).getFileName())));
        String protocol = String.valueOf(run.manifest().get("protocol"));
        for (Protocol p : Protocol.values()) if (p.label().equals(protocol)) protocol = lang.text("protocol." + p.name());
        para("overview.protocol", protocol);
        para("overview.study");
    }

    /** "10 + 100 (10 ms), 100 (100 ms)": each window's phases, as the models' histories show them. */
    private static String epochsOf(List<ModelResult> models) {
        return models.stream().map(ModelResult::windowMs).distinct().sorted()
                .map(w -> phases(models.stream().filter(m -> m.windowMs() == w).findFirst().orElseThrow()) + " (" + w + " ms)")
                .collect(Collectors.joining(", "));
    }

    /** A model's training calls by their lengths, e.g. "10 + 100": a new call numbers its epochs from 1 again. */
    static String phases(ModelResult m) {
        List<Integer> lengths = new ArrayList<>();
        int previous = Integer.MAX_VALUE;
        for (EpochRecord e : m.history().epochs()) {
            if (e.runEpoch() <= previous) lengths.add(0);
            lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + 1);
            previous = e.runEpoch();
        }
        return String.join(" + ", lengths.stream().map(String::valueOf).toList());
    }

    /** "10, 100": one key's distinct values over the feature settings, "?" when the manifest has none. */
    private static String distinct(List<Map<String, Object>> settings, String key) {
        List<?> values = settings.stream().map(m -> m.get(key)).filter(java.util.Objects::nonNull).distinct().toList();
        return values.isEmpty() ? "?" : joined(values);
    }

    private static String joined(Object list) {
        return list instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(list);
    }

    private void results() {
        heading(1, "h.results");
        List<Integer> windows = findings.windows();
        if (windows.isEmpty()) para("results.none");   // e.g. a run of the overfitting study alone
        int model = 0;
        for (int k = 0; k < windows.size(); k++) {
            int w = windows.get(k);
            String key = windows.size() == 1 ? "h.window.other" : k == 0 ? "h.window.small" : k == windows.size() - 1 ? "h.window.large" : "h.window.other";
            heading(2, key, k + 1, w);
            for (ResultsTable.Entry e : run.results().entries())
                if (e.epochs() > 0 && e.windowMs() == w) out.add(modelBlock(++model, e));
        }
    }

    private Block.Model modelBlock(int number, ResultsTable.Entry e) {
        List<ModelResult> folds = run.models().stream().filter(m -> m.name().replaceAll("_fold\\d+$", "").equals(e.model()))
                .sorted(Comparator.comparingInt(ModelResult::fold)).toList();
        String epochs = folds.isEmpty() ? Integer.toString(e.epochs()) : phases(folds.get(0));
        if (epochs.contains("+")) epochs = e.epochs() + " (" + epochs + ")";
        String conditions = String.join("\n", lang.text("cond.layer", lang.has("layer." + e.layer()) ? lang.text("layer." + e.layer()) : e.layer()),
                lang.text("cond.epochs", epochs), lang.text("cond.interval", e.intervalMs()), lang.text("cond.window", e.windowMs()));
        String accuracy = percent(e.accuracy()) + (e.folds() > 1 ? " ± " + percent(e.accuracyStd()) : "");
        List<String> log = folds.isEmpty() ? List.of() : log(folds.get(0).name());
        if (folds.size() > 1) log.add(lang.text("fold.note", folds.get(0).fold(), folds.size()));
        return new Block.Model(lang.text("h.model", number, e.model()), lang.text("col.item"), lang.text("col.content"),
                List.of(List.of(lang.text("row.conditions"), conditions), List.of(lang.text("row.accuracy"), accuracy),
                        List.of(lang.text("row.time"), number(e.seconds(), 1) + " s")), lang.text("row.log"), log);
    }

    /** The model's book log lines as training printed them (models/NAME.log), without trailing blank lines. */
    private List<String> log(String model) {
        Path file = run.dir().resolve("models").resolve(model + ".log");
        try {
            List<String> lines = Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void gradients() {
        heading(1, "h.analysis");
        heading(2, "h.gradients");
        para("gradients.intro");
        org.lstmlab.plot.Charts words = org.lstmlab.plot.Charts.of(lang.locale(), null);
        List<ModelResult> runs = run.gradientStudy().runs();
        List<Findings.Gradient> gs = Findings.gradients(runs, m -> GradientStudy.label(m, words));
        if (gs.isEmpty()) {
            para("gradients.none");
            return;
        }
        double clip = runs.stream().mapToDouble(ModelResult::clipNorm).max().orElse(0);
        para("gradients.method", GradientStudy.lastEpoch(runs.get(0)), runs.get(0).windowMs(), number(clip, 1));
        out.add(findings.gradientTable(gs));
        out.add(new Block.Items(findings.gradientFindings(gs)));
        figure("gradient-norms", lang.text("grad.caption"), false);
    }

    private void conclusion() {
        heading(1, "h.conclusion");
        para("summary.intro");
        out.add(findings.summary());
        para("summary.speedup", Findings.BOOK_EPOCHS);
        out.add(new Block.Items(findings.conclusions(synthetic(), quick())));
        figure("accuracy", lang.text("caption.accuracy"), false);
        figure("training-time", lang.text("caption.training-time"), false);
    }

    private void beyond() {
        heading(1, "h.beyond");
        Map<String, Evaluation> confusions = run.confusions();
        if (!confusions.isEmpty()) {
            heading(2, "h.f1");
            para("f1.intro");
            out.add(f1(confusions));
            heading(2, "h.confusion");
            confusions.keySet().forEach(m -> figure("confusion-" + m, lang.text("confusion.caption", m), true));
        }
        List<ResultsTable.Entry> baselines = run.results().entries().stream().filter(e -> e.epochs() == 0).toList();
        if (!baselines.isEmpty()) {
            heading(2, "h.baselines");
            para("baselines.intro");
            List<List<String>> rows = baselines.stream().map(e -> List.of(e.model(), Integer.toString(e.windowMs()), e.layer(),
                    number(100 * e.accuracy(), 1), number(e.macroF1(), 3), number(e.seconds(), 1))).toList();
            out.add(new Block.Table(List.of(lang.text("base.col.model"), lang.text("base.col.window"), lang.text("base.col.kind"),
                    lang.text("base.col.acc"), lang.text("base.col.f1"), lang.text("base.col.sec")), rows, Set.of(1, 3, 4, 5)));
        }
        heading(2, "h.curves");
        for (String c : List.of("learning-curves", "spectrogram", "spectra-book-vs-corrected")) figure(c, lang.text("caption." + c), false);
        Path study = run.dir().resolve(OVERFITTING);
        heading(2, "h.overfitting");
        if (!Files.isRegularFile(study)) para("overfitting.none");
        else {
            para("overfitting.intro");
            Table t = Table.read().csv(study.toFile());
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < t.columnCount(); c++)   // fractions to three decimals, as the report prints them elsewhere
                    row.add(t.column(c).isMissing(r) ? "—" : t.column(c) instanceof tech.tablesaw.api.DoubleColumn d ? number(d.getDouble(r), 3) : t.getString(r, c));
                rows.add(row);
            }
            out.add(new Block.Table(t.columnNames(), rows, Set.of()));
            charts.stream().filter(c -> c.startsWith("overfitting")).sorted()
                    .forEach(c -> figure(c, lang.has("caption." + c) ? lang.text("caption." + c) : c, false));
        }
    }

    /** Rows: classes, then macro-F1; columns: the models. */
    private Block.Table f1(Map<String, Evaluation> confusions) {
        List<String> header = new ArrayList<>(List.of(lang.text("f1.col.class")));
        List<Evaluation> evals = new ArrayList<>(confusions.values());
        for (String m : confusions.keySet()) header.add(shortName(m));
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = evals.get(0).classNames();
        for (int c = 0; c < classes.size(); c++) {
            List<String> row = new ArrayList<>(List.of(classes.get(c)));
            for (Evaluation e : evals) row.add(number(e.f1(c), 2));
            rows.add(row);
        }
        List<String> macro = new ArrayList<>(List.of(lang.text("f1.macro")));
        for (Evaluation e : evals) macro.add(number(e.macroF1(), 3));
        rows.add(macro);
        return new Block.Table(header, rows, IntStream.range(1, header.size()).boxed().collect(Collectors.toSet()));
    }

    /** "LSTM+state 100" for us_state_10_100, from the results table. */
    private String shortName(String model) {
        return run.results().entries().stream().filter(e -> e.model().equals(model)).findFirst()
                .map(e -> e.layer() + " " + e.windowMs()).orElse(model);
    }

    private void appendix() {
        heading(1, "h.appendix");
        para("appendix.intro");
        @SuppressWarnings("unchecked")   // a deep copy, so eliding the baselines' provenance leaves the run's manifest as it is
        Map<String, Object> manifest = Json.read(Json.write(run.manifest().entries()), java.util.LinkedHashMap.class);
        List<List<String>> rows = new ArrayList<>();
        for (String key : List.of("run_id", "created", "git_commit", "status", "protocol", "wall_seconds", "config", "seeds", "versions", "machine"))
            if (manifest.containsKey(key)) rows.add(List.of(key, compact(manifest.get(key))));
        out.add(new Block.Table(List.of(lang.text("app.col.key"), lang.text("app.col.value")), rows, Set.of()));
        if (manifest.get("baselines") instanceof List<?> bs)
            for (Object b : bs) for (String key : List.of("evaluation", "tribuo_provenance")) if (map(b).containsKey(key)) map(b).put(key, lang.text("app.elided"));
        out.add(new Block.Pre(Json.write(manifest)));
    }

    /** key=value pairs of a map (nested maps in braces), lists in brackets, a plain value as it is. */
    private static String compact(Object v) {
        String s = nested(v);
        return v instanceof Map<?, ?> ? s.substring(1, s.length() - 1) : s;
    }

    private static String nested(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + "=" + nested(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        return v instanceof List<?> l ? "[" + String.join(", ", l.stream().map(Sections::nested).toList()) + "]" : String.valueOf(v);
    }
}
