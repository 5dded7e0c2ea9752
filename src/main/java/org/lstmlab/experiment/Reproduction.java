package org.lstmlab.experiment;

import org.lstmlab.data.DatasetLayout;
import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.Progress;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.Split;
import org.lstmlab.data.Splits;
import org.lstmlab.data.synth.SyntheticPreset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureMode;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.plot.ChartExport;
import org.lstmlab.plot.Charts;
import org.lstmlab.train.BookLog;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The chapter's experiment, end to end: the six models (RNN, LSTM, LSTM-state at windows 10 and 100 ms, interval
 * 10, hidden 20) on the book's schedule, the book's log lines, Tribuo metrics and baselines, the results table beside
 * the book's, and the report folder reports/&lt;run-id&gt;/ with charts. One line in a notebook:
 * <pre>
 * RunReport r = Reproduction.book().quick(true).run();
 * </pre>
 * Re-running the same configuration continues an interrupted run: finished models are read back, a model in
 * progress restarts from its last checkpoint. Independent models train {@link #parallel} at a time, one thread each.
 */
public final class Reproduction {
    Path dataset;
    DatasetLayout layout;
    List<FeatureConfig> features = List.of(FeatureConfig.book(10, 10), FeatureConfig.book(10, 100));
    EngineKind engine = EngineKind.AUTO;
    /** Models train side by side ({@link #parallel}), so by default each engine gets one thread. */
    int threads = 1;
    Integer epochs;
    boolean quick;
    /** Cell, epochs and report come from {@link #models} and the schedule; seed also draws the splits and baselines. */
    TrainConfig training = TrainConfig.book();
    /** The book's three; the GRU trains only when asked for. */
    Set<CellType> models = EnumSet.of(CellType.RNN, CellType.LSTM, CellType.LSTM_STATE);
    int[] folds = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Path reports = Path.of("reports");
    String runId;
    int parallel = 2;
    boolean baselines = true, gradientStudy = true, progressBar = true, logResults = true, overfitting;
    PrintStream log = System.out;
    Charts charts = Charts.english();
    int chartDpi = ChartExport.SCREEN_DPI;
    final List<TrainingListener> listeners = new ArrayList<>();

    private Reproduction() {}

    /** The book's experiment with its defaults: the embedded book-sized dataset, book features, all six models. */
    public static Reproduction book() { return new Reproduction(); }

    /** A finished (or partly finished) run, read back from its folder without training. */
    public static RunReport load(Path runDir) { return RunReport.load(runDir); }

    /** The dataset root (Kaggle or UrbanSound8K layout, or a folder holding kaggle/ and urbansound8k/). */
    public Reproduction dataset(Path root) { this.dataset = root; return this; }
    public Reproduction layout(DatasetLayout l) { this.layout = l; return this; }
    /** The feature settings, one set of models each (default the book's 10-10 and 10-100). */
    public Reproduction features(List<FeatureConfig> f) {
        if (f.isEmpty()) throw new IllegalArgumentException("a reproduction needs at least one feature setting");
        this.features = List.copyOf(f);
        return this;
    }
    /** Windows in ms at the book's 10 ms hop, in this run's mode. */
    public Reproduction windows(int... ms) {
        return features(Arrays.stream(ms).mapToObj(w -> config(mode(), 10, w)).toList());
    }
    public Reproduction mode(FeatureMode m) {
        return features(features.stream().map(p -> config(m, p.intervalMs(), p.windowMs())).toList());
    }
    public Reproduction engine(EngineKind e) { this.engine = e; return this; }
    /** Threads of each model's engine (default 1: models train {@link #parallel} at a time). */
    public Reproduction threads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        this.threads = n;
        return this;
    }
    /** One phase of this many epochs for every model instead of the book's schedule. */
    public Reproduction epochs(int n) { this.epochs = n; return this; }
    /** Few epochs on the small preset (when no dataset is given). */
    public Reproduction quick(boolean q) { this.quick = q; return this; }
    public Reproduction seed(long s) { this.training = training.withSeed(s); return this; }
    /** Hidden size, batch size, learning rate, clipping and seed of every model. */
    public Reproduction training(TrainConfig c) { this.training = c; return this; }
    public Reproduction models(CellType... cells) { this.models = EnumSet.copyOf(Arrays.asList(cells)); return this; }
    /** UrbanSound8K only: the test folds to run (default all ten). */
    public Reproduction folds(int... f) { this.folds = f.clone(); return this; }
    /** The folder that holds run folders (default reports/). */
    public Reproduction reports(Path dir) { this.reports = dir; return this; }
    /** The run folder's name; default derived from the configuration, so the same command resumes. */
    public Reproduction runId(String id) { this.runId = id; return this; }
    /** Models trained at the same time, one thread each (default 2). */
    public Reproduction parallel(int n) { this.parallel = n; return this; }
    public Reproduction baselines(boolean on) { this.baselines = on; return this; }
    /** RNN vs LSTM ‖∂L/∂h_t‖, with and without clipping, on short extra runs. */
    public Reproduction gradientStudy(boolean on) { this.gradientStudy = on; return this; }
    /**
     * The overfitting study ({@link OverfittingStudy}) instead of the chapter's models, baselines and gradient study:
     * its table goes to overfitting.{csv,md,html}, its curves to charts/overfitting-curves.
     */
    public Reproduction overfitting(boolean on) { this.overfitting = on; return this; }
    public Reproduction progressBar(boolean on) { this.progressBar = on; return this; }
    /** The charts' language and font, and their PNG resolution (default English, 72 dpi). */
    public Reproduction charts(Charts style, int dpi) { this.charts = style; this.chartDpi = dpi; return this; }
    /** Where the book's log lines and the summary go (default System.out; null = silent). */
    public Reproduction log(PrintStream out) { this.log = out; return this; }
    /** Whether the log ends with the results table as Markdown (default on; a notebook shows it as HTML instead). */
    public Reproduction logResults(boolean on) { this.logResults = on; return this; }
    /** Receives every model's training events (from worker threads, serialised). */
    public Reproduction listener(TrainingListener l) { this.listeners.add(l); return this; }

    /** Trains what is not finished yet, then writes the report folder; returns the report. */
    public RunReport run() {
        long start = System.nanoTime();
        SoundDataset ds = open(resolveDataset());
        DatasetLayout lay = ds.layout();
        Map<FeatureConfig, LoadResult> loaded = new LinkedHashMap<>();
        for (FeatureConfig p : features) {
            say("loading features " + p.tag() + " (" + p.mode().id() + ") from " + ds.root());
            LoadResult r = ds.load(p, progressBar ? LoadConfig.defaults() : LoadConfig.defaults().progress(Progress.Sink.NONE));
            StringBuilder skipped = new StringBuilder();
            r.skips().counts().forEach((reason, n) -> skipped.append(skipped.length() == 0 ? "" : ", ").append(reason.rule()).append(' ').append(n));
            say("  " + r.sequences().size() + " clips kept, " + r.skips().total() + " skipped (" + skipped + ")"
                    + (r.fromCache() ? ", from cache" : ""));
            loaded.put(p, r);
        }
        String id = runId != null ? runId : defaultRunId(ds);
        Path dir = reports.resolve(id);
        // engine_threads stands beside config, not in it: config() also names the run folder, which must not change
        RunManifest manifest = RunManifest.create(id).with("status", "running").with("config", config())
                .with("engine_threads", threads)
                .with("seeds", seeds(loaded)).with("data", dataMap(ds, loaded)).with("protocol", Protocol.of(lay).label());
        manifest.write(dir);
        RunReport report = new RunExecution(this, ds, loaded, dir, () -> Engines.open(engine, threads)).execute(manifest);
        double wall = (System.nanoTime() - start) / 1e9;
        report = report.withManifest(report.manifest().with("status", "finished").with("wall_seconds", wall));
        report.save(charts, chartDpi);
        if (logResults) {
            say("");
            say(overfitting ? report.overfitting().toMarkdown() : report.results().toMarkdown());
        }
        say(String.format(Locale.ROOT, "report written to %s (%.1f s wall time)", dir, wall));
        return report;
    }

    private static FeatureConfig config(FeatureMode m, int interval, int window) {
        return m == FeatureMode.BOOK ? FeatureConfig.book(interval, window) : FeatureConfig.corrected(interval, window);
    }

    FeatureMode mode() { return features.get(0).mode(); }

    long seed() { return training.seed(); }

    /** The given dataset, else the embedded synthetic one (book-sized, or small when quick), generated if missing. */
    Path resolveDataset() {
        if (dataset != null) {
            checkDataset(dataset);
            return dataset;
        }
        SyntheticPreset preset = SyntheticPreset.forQuick(quick);
        try {
            return SyntheticUrbanSounds.ensureDefault(Path.of(""), preset, SyntheticUrbanSounds.DEFAULT_SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the embedded dataset in " + preset.defaultFolder() + ": " + e.getMessage(), e);
        }
    }

    static final String EXPECTED = "expected a Kaggle-layout dataset (train.csv or Train.csv with columns ID,Class, "
            + "and Train/<ID>.wav) or an UrbanSound8K one (metadata/UrbanSound8K.csv and audio/fold1..10/*.wav); "
            + "datasets/README.md says where to get the data and how to lay it out";

    /** A missing or empty dataset folder fails here, before anything else, saying what belongs there. */
    static void checkDataset(Path root) {
        if (!Files.isDirectory(root))
            throw new IllegalArgumentException("dataset " + root + " does not exist (or is not a folder): " + EXPECTED);
        try (Stream<Path> s = Files.list(root)) {
            if (s.findAny().isEmpty()) throw new IllegalArgumentException("dataset " + root + " is empty: " + EXPECTED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dataset " + root + ": " + e.getMessage(), e);
        }
    }

    private SoundDataset open(Path root) {
        try {
            DatasetLayout l = layout != null ? layout : DatasetLayout.detect(root);
            return SoundDataset.open(l.datasetRoot(root), l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open dataset " + root + ": " + e.getMessage(), e);
        }
    }

    /** e.g. synthetic-book-kaggle-book-s1234-3f9a01c2: readable, and the same for the same configuration. */
    private String defaultRunId(SoundDataset ds) {
        Path name = ds.root().toAbsolutePath().normalize();
        String data = name.getParent() != null && ds.root().getFileName().toString().equals(ds.layout().folder())
                ? name.getParent().getFileName() + "-" + ds.layout().folder() : String.valueOf(name.getFileName());
        Map<String, Object> key = new LinkedHashMap<>(config());
        key.put("fingerprint", ds.fingerprint());
        String hash = Integer.toHexString(key.toString().hashCode());
        return (data + "-" + mode().id() + (quick ? "-quick" : "") + "-s" + seed() + "-" + hash).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The options, as recorded in the manifest. */
    Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", features.stream().map(FeatureConfig::asMap).toList());
        m.put("engine", engine.id());
        m.put("quick", quick);
        m.put("epochs", epochs == null ? "book schedule" : epochs);
        m.put("seed", seed());
        m.put("models", models.stream().map(CellType::bookName).toList());
        m.put("hidden", training.hidden());
        m.put("batch_size", training.batchSize());
        m.put("learning_rate", training.learningRate());
        m.put("clip_norm", training.clipNorm());
        m.put("regularisation", training.regularisation());
        m.put("folds", Arrays.stream(folds).boxed().toList());
        m.put("parallel", parallel);
        m.put("baselines", baselines);
        m.put("gradient_study", gradientStudy);
        m.put("overfitting_study", overfitting);
        return m;
    }

    private static Map<String, Object> dataMap(SoundDataset ds, Map<FeatureConfig, LoadResult> loaded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", ds.root().toAbsolutePath().normalize().toString());
        m.put("layout", ds.layout().name().toLowerCase(Locale.ROOT));
        m.put("fingerprint", ds.fingerprint());
        m.put("synthetic", SyntheticUrbanSounds.isSynthetic(ds.root()));
        m.put("clips", ds.clips().size());
        m.put("classes", ds.classNames());
        List<Map<String, Object>> sets = new ArrayList<>();
        loaded.forEach((p, r) -> {
            Map<String, Object> s = new LinkedHashMap<>(p.asMap());
            s.put("kept", r.sequences().size());
            s.put("skipped", r.skips().total());
            Map<String, Integer> reasons = new LinkedHashMap<>();
            r.skips().counts().forEach((reason, n) -> reasons.put(reason.rule(), n));
            s.put("skipped_by_rule", reasons);
            s.put("max_steps", r.sequences().maxSteps());
            s.put("fingerprint", r.sequences().fingerprint());
            sets.add(s);
        });
        m.put("feature_sets", sets);
        return m;
    }

    private Map<String, Object> seeds(Map<FeatureConfig, LoadResult> loaded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("training", seed());
        Map<String, Object> splitSeeds = new LinkedHashMap<>();
        for (FeatureConfig p : loaded.keySet()) splitSeeds.put(p.tag(), splitSeed(p.windowMs()));
        m.put("book_splits", splitSeeds);
        m.put("fold_splits", "seed + test fold");
        m.put("baselines", seed());
        if (dataset == null) m.put("synthetic_dataset", SyntheticUrbanSounds.DEFAULT_SEED);
        return m;
    }

    void say(String line) { if (log != null) log.println(line); }

    static String modelName(CellType cell, FeatureConfig p, int fold) {
        return BookLog.modelName(cell, p) + (fold > 0 ? "_fold" + fold : "");
    }

    /** The splits of one feature set: the book's single split, or one per UrbanSound8K test fold. */
    Map<Integer, Split> splits(DatasetLayout lay, LoadResult r) {
        Map<Integer, Split> m = new LinkedHashMap<>();
        if (lay == DatasetLayout.URBANSOUND8K) for (int f : folds) m.put(f, Splits.folds(r.folds(), r.groups(), f, seed() + f));
        else m.put(0, Splits.book(r.sequences().size(), splitSeed(r.sequences().params().windowMs())));
        return m;
    }

    /** Protocol §8.6: each window's dataset draws its own split. */
    long splitSeed(int window) { return seed() + window; }
}
