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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One run of a {@link Reproduction}: builds a job per (feature set, cell, fold), trains them a few at a time (the
 * longest first, so the two cores finish together), runs the baselines and the gradient study, and assembles the
 * results table and the report; or, for the overfitting study, its runs alone.
 */
record RunExecution(Reproduction r, SoundDataset ds, Map<FeatureConfig, LoadResult> loaded, Path dir,
                    Supplier<Engine> engines) {

    RunReport execute(RunManifest manifest) {
        List<ModelJob> main = new ArrayList<>(), study = new ArrayList<>(), overfitting = new ArrayList<>();
        Map<FeatureConfig, Map<Integer, Split>> splits = new LinkedHashMap<>();
        // each feature set's first split: the book's, or the first UrbanSound8K test fold
        List<OverfittingStudy.FeatureSet> firsts = new ArrayList<>();
        for (Map.Entry<FeatureConfig, LoadResult> e : loaded.entrySet()) {
            FeatureConfig p = e.getKey();
            PackedSequences data = e.getValue().sequences();
            Map<Integer, Split> s = r.splits(ds.layout(), e.getValue());
            splits.put(p, s);
            Map.Entry<Integer, Split> first = s.entrySet().iterator().next();
            firsts.add(new OverfittingStudy.FeatureSet(data, first.getValue(), first.getKey()));
            for (CellType cell : r.overfitting ? List.<CellType>of() : r.models)
                s.forEach((fold, split) -> main.add(new ModelJob(Reproduction.modelName(cell, p, fold),
                        config(cell), data, split, schedule(p.windowMs()), fold, 0)));
        }
        if (r.gradientStudy && !r.overfitting) study.addAll(studyJobs(firsts));
        if (r.overfitting) overfitting.addAll(OverfittingStudy.jobs(firsts, r.quick, this::schedule, this::config));
        List<ModelJob> all = Stream.of(main, study, overfitting).flatMap(List::stream)
                .sorted(Comparator.comparingDouble(this::cost).reversed()).toList();

        RunProgress progress = new RunProgress(r, all.stream().mapToInt(j -> j.remainingEpochs(dir)).sum());
        // the models (longest first), then the baselines, r.parallel at a time
        Map<ModelJob, ModelResult> done = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (ModelJob j : all) tasks.add(() -> j.run(dir, engines, progress, (job, result, lines) -> {
            done.put(job, result);
            progress.finished(job.name, lines);
        }));
        List<BaselineJob> baselines = new ArrayList<>();
        if (r.baselines && !r.overfitting)
            splits.forEach((p, s) -> s.forEach((fold, split) -> {
                for (Baselines.Kind k : Baselines.Kind.values())
                    baselines.add(new BaselineJob(baselineName(k, p) + (fold > 0 ? "_fold" + fold : ""),
                            loaded.get(p).sequences(), k, split));
            }));
        Map<BaselineJob, Baselines.Result> baselinesDone = new ConcurrentHashMap<>();
        for (BaselineJob b : baselines)
            tasks.add(() -> baselinesDone.put(b, Baselines.run(b.kind, b.data, b.split, r.seed())));
        try {
            Parallel.forEach(tasks.size(), Math.max(1, r.parallel), i -> tasks.get(i).run());
        } finally {
            progress.close();
        }
        List<ModelResult> mainResults = main.stream().map(done::get).toList();
        List<ModelResult> studyResults = study.stream().map(done::get).toList();
        List<ModelResult> overfittingResults = overfitting.stream().flatMap(j -> j.withShadow().stream()).map(done::get).toList();
        ResultsTable table = r.overfitting ? ResultsTable.create() : table(mainResults, baselines, baselinesDone);
        RunManifest m = manifest.with("models", mainResults.stream().map(RunExecution::summary).toList())
                .with("baselines", baselineSummaries(baselines, baselinesDone))
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
    private List<ModelJob> studyJobs(List<OverfittingStudy.FeatureSet> firsts) {
        OverfittingStudy.FeatureSet s = firsts.stream().min(Comparator.comparingInt(f -> f.data().params().windowMs()))
                .orElseThrow();
        return GradientStudy.jobs(s.data(), s.split(), s.fold(),
                r.quick ? GradientStudy.QUICK_EPOCHS : GradientStudy.EPOCHS, GradientStudy.CLIP, this::config);
    }

    /** Relative cost: epochs x train clips x mean length x gate blocks. */
    private double cost(ModelJob j) {
        double meanLength = IntStream.of(j.split.train()).map(j.data::length).sum();
        return (double) j.schedule.totalEpochs() * meanLength * j.config.cell().gates();
    }

    /** A Tribuo baseline on one feature set's split, named as a model of that split would be. */
    private record BaselineJob(String name, PackedSequences data, Baselines.Kind kind, Split split) {}

    private static String baselineName(Baselines.Kind k, FeatureConfig p) {
        return k.id() + "_" + p.intervalMs() + "_" + p.windowMs();
    }

    private ResultsTable table(List<ModelResult> models, List<BaselineJob> baselines,
                               Map<BaselineJob, Baselines.Result> results) {
        Protocol protocol = Protocol.of(ds.layout());
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
                String name = baselineName(k, p);
                List<Baselines.Result> folds = baselines.stream()
                        .filter(b -> b.name.replaceAll("_fold\\d+$", "").equals(name)).map(results::get).toList();
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

    private static List<Map<String, Object>> baselineSummaries(List<BaselineJob> baselines,
                                                               Map<BaselineJob, Baselines.Result> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BaselineJob job : baselines) {
            Baselines.Result b = results.get(job);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", job.name);
            s.put("evaluation", b.evaluation().asMap());
            s.put("train_seconds", b.seconds());
            s.put("tribuo_provenance", b.provenance());
            out.add(s);
        }
        return out;
    }
}
