package org.lstmlab.experiment;

import org.lstmlab.data.LoadResult;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Parallel;
import org.lstmlab.data.SoundDataset;
import org.lstmlab.data.Split;
import org.lstmlab.eval.Baselines;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Engine;
import org.lstmlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of a {@link Reproduction}: builds a job per (feature set, cell, fold), trains them a few at a time (the
 * longest first, so the two cores finish together), runs the baselines and the gradient study, and assembles the
 * results table and the report; or, for the overfitting study, its runs alone.
 */
final class RunExecution {
    private final Reproduction r;
    private final SoundDataset ds;
    private final Map<FeatureConfig, LoadResult> loaded;
    private final java.nio.file.Path dir;
    private final Supplier<Engine> engines;
    private final Protocol protocol;

    RunExecution(Reproduction r, SoundDataset ds, Map<FeatureConfig, LoadResult> loaded, java.nio.file.Path dir,
                 Supplier<Engine> engines) {
        this.r = r;
        this.ds = ds;
        this.loaded = loaded;
        this.dir = dir;
        this.engines = engines;
        this.protocol = Protocol.of(ds.layout());
    }

    RunReport execute(RunManifest manifest) {
        List<ModelJob> main = new ArrayList<>(), study = new ArrayList<>(), overfitting = new ArrayList<>();
        Map<FeatureConfig, Map<Integer, Split>> splits = new LinkedHashMap<>();
        for (Map.Entry<FeatureConfig, LoadResult> e : loaded.entrySet()) {
            FeatureConfig p = e.getKey();
            PackedSequences data = e.getValue().sequences();
            Map<Integer, Split> s = r.splits(ds.layout(), e.getValue());
            splits.put(p, s);
            for (CellType cell : r.overfitting ? List.<CellType>of() : r.models)
                s.forEach((fold, split) -> main.add(new ModelJob(Reproduction.modelName(cell, p, fold),
                        config(cell), data, split, schedule(p.windowMs()), fold, 0)));
        }
        if (r.gradientStudy && !r.overfitting) study.addAll(studyJobs(splits));
        if (r.overfitting) overfitting.addAll(OverfittingStudy.jobs(featureSets(splits), r.quick, this::schedule, this::config));
        List<ModelJob> all = new ArrayList<>(main);
        all.addAll(study);
        all.addAll(overfitting);
        all.sort(Comparator.comparingDouble(this::cost).reversed());

        RunProgress progress = new RunProgress(r, all.stream().mapToInt(j -> j.remainingEpochs(dir)).sum());
        // the models (longest first), then the baselines, r.parallel at a time
        Map<ModelJob, ModelResult> done = new java.util.concurrent.ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (ModelJob j : all) tasks.add(() -> j.run(dir, engines, progress.forModel(j.name), (job, result, lines) -> {
            done.put(job, result);
            progress.finished(job.name, lines);
        }));
        List<String> baselineNames = new ArrayList<>();
        List<Supplier<Baselines.Result>> baselines = new ArrayList<>();
        if (r.baselines && !r.overfitting)
            splits.forEach((p, s) -> s.forEach((fold, split) -> {
                for (Baselines.Kind k : Baselines.Kind.values()) {
                    baselineNames.add(k.id() + "_" + p.intervalMs() + "_" + p.windowMs() + (fold > 0 ? "_fold" + fold : ""));
                    baselines.add(() -> Baselines.run(k, loaded.get(p).sequences(), split, r.seed()));
                }
            }));
        Baselines.Result[] baselineResult = new Baselines.Result[baselines.size()];
        for (int b = 0; b < baselines.size(); b++) {
            int k = b;
            tasks.add(() -> baselineResult[k] = baselines.get(k).get());
        }
        try {
            Parallel.forEach(tasks.size(), Math.max(1, r.parallel), i -> tasks.get(i).run());
        } finally {
            progress.close();
        }
        List<Baselines.Result> baselineResults = List.of(baselineResult);
        List<ModelResult> mainResults = main.stream().map(done::get).toList();
        List<ModelResult> studyResults = study.stream().map(done::get).toList();
        List<ModelResult> overfittingResults = overfitting.stream().flatMap(j -> j.withShadow().stream()).map(done::get).toList();
        ResultsTable table = r.overfitting ? ResultsTable.create() : table(mainResults, baselineResults, baselineNames);
        RunManifest m = manifest.with("models", mainResults.stream().map(RunExecution::summary).toList())
                .with("baselines", baselineSummaries(baselineResults, baselineNames))
                .with("overfitting_study", overfittingResults.stream().map(RunExecution::summary).toList());
        return new RunReport(dir, m, table, mainResults, new GradientStudy(studyResults),
                new OverfittingStudy(overfittingResults), ExampleClip.of(ds, loaded));
    }

    private TrainConfig config(CellType cell) {
        return r.training.withCell(cell);
    }

    Schedule schedule(int window) {
        if (r.epochs != null) return Schedule.of(r.epochs);
        return r.quick ? Schedule.quick(window) : Schedule.book(window);
    }

    /** The gradient study on the shortest window's first split. */
    private List<ModelJob> studyJobs(Map<FeatureConfig, Map<Integer, Split>> splits) {
        FeatureConfig p = splits.keySet().stream().min(Comparator.comparingInt(FeatureConfig::windowMs)).orElseThrow();
        Map.Entry<Integer, Split> first = splits.get(p).entrySet().iterator().next();
        return GradientStudy.jobs(loaded.get(p).sequences(), first.getValue(), first.getKey(),
                r.quick ? GradientStudy.QUICK_EPOCHS : GradientStudy.EPOCHS, GradientStudy.CLIP, this::config);
    }

    /** The first split of each feature set (the book's split, or the first UrbanSound8K test fold). */
    private List<OverfittingStudy.FeatureSet> featureSets(Map<FeatureConfig, Map<Integer, Split>> splits) {
        List<OverfittingStudy.FeatureSet> sets = new ArrayList<>();
        splits.forEach((p, s) -> {
            Map.Entry<Integer, Split> first = s.entrySet().iterator().next();
            sets.add(new OverfittingStudy.FeatureSet(loaded.get(p).sequences(), first.getValue(), first.getKey()));
        });
        return sets;
    }

    /** Relative cost: epochs x train clips x mean length x gate blocks. */
    private double cost(ModelJob j) {
        double meanLength = 0;
        for (int i : j.split.train()) meanLength += j.data.length(i);
        return (double) j.schedule.totalEpochs() * meanLength * j.config.cell().gates();
    }

    private ResultsTable table(List<ModelResult> models, List<Baselines.Result> baselines, List<String> baselineNames) {
        ResultsTable t = ResultsTable.create();
        for (FeatureConfig p : loaded.keySet())
            for (CellType cell : r.models) {
                List<ModelResult> folds = models.stream().filter(m -> m.cell() == cell && m.windowMs() == p.windowMs()
                        && m.intervalMs() == p.intervalMs()).toList();
                BookResults.Entry book = BookResults.of(p.intervalMs(), p.windowMs(), cell).orElse(new BookResults.Entry(Double.NaN, Double.NaN));
                t.add(new ResultsTable.Entry(Reproduction.modelName(cell, p, 0), p.intervalMs(), p.windowMs(),
                        BookResults.layer(cell), protocol.label(), mean(folds, ModelResult::testAccuracy),
                        std(folds, ModelResult::testAccuracy), folds.size(), mean(folds, m -> m.evaluation().macroF1()),
                        mean(folds, ModelResult::seconds), folds.get(0).epochs(), book.accuracy(), book.seconds()));
            }
        for (FeatureConfig p : loaded.keySet())
            for (Baselines.Kind k : Baselines.Kind.values()) {
                List<Baselines.Result> folds = new ArrayList<>();
                String name = k.id() + "_" + p.intervalMs() + "_" + p.windowMs();
                for (int i = 0; i < baselines.size(); i++)
                    if (baselineNames.get(i).replaceAll("_fold\\d+$", "").equals(name)) folds.add(baselines.get(i));
                if (folds.isEmpty()) continue;
                t.add(new ResultsTable.Entry(name, p.intervalMs(), p.windowMs(),
                        k.layer(), protocol.label(), mean(folds, b -> b.evaluation().accuracy()),
                        std(folds, b -> b.evaluation().accuracy()), folds.size(), mean(folds, b -> b.evaluation().macroF1()),
                        mean(folds, Baselines.Result::seconds), 0, Double.NaN, Double.NaN));
            }
        return t;
    }

    static <T> double mean(List<T> xs, java.util.function.ToDoubleFunction<T> f) {
        return xs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** Sample standard deviation over folds; NaN for a single split. */
    static <T> double std(List<T> xs, java.util.function.ToDoubleFunction<T> f) {
        if (xs.size() < 2) return Double.NaN;
        double m = mean(xs, f), s = 0;
        for (T x : xs) s += (f.applyAsDouble(x) - m) * (f.applyAsDouble(x) - m);
        return Math.sqrt(s / (xs.size() - 1));
    }

    private static Map<String, Object> summary(ModelResult m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", m.name());
        s.put("fold", m.fold());
        s.put("epochs", m.epochs());
        s.put("test_accuracy", m.testAccuracy());
        s.put("macro_f1", m.evaluation().macroF1());
        s.put("train_seconds", m.seconds());
        s.put("model_file", "models/" + m.name() + ".model");
        return s;
    }

    private static List<Map<String, Object>> baselineSummaries(List<Baselines.Result> results, List<String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Baselines.Result b = results.get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", names.get(i));
            s.put("evaluation", b.evaluation().asMap());
            s.put("train_seconds", b.seconds());
            s.put("tribuo_provenance", b.provenance());
            out.add(s);
        }
        return out;
    }
}
