package org.lstmlab.eval;

import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.ConfusionMetrics;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.impl.ArrayExample;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Classification metrics computed by Tribuo: per-class precision, recall and F1, macro-F1 and the confusion matrix.
 * Built from predicted and true class indices (the recurrent models, the baselines, ONNX Runtime) or from saved
 * confusion counts; the numbers always come from Tribuo's {@link ConfusionMatrix} and {@link ConfusionMetrics}, the
 * project's one confusion matrix.
 */
public record Evaluation(List<String> classNames, ConfusionMatrix<Label> matrix) {
    public Evaluation {
        classNames = List.copyOf(classNames);
    }

    /** Metrics of predicted against actual class indices into classNames. */
    public static Evaluation of(List<String> classNames, int[] actual, int[] predicted) {
        if (actual.length != predicted.length)
            throw new IllegalArgumentException(actual.length + " true labels but " + predicted.length + " predictions");
        return of(classNames, IntStream.range(0, actual.length)
                .mapToObj(k -> prediction(classNames, actual[k], predicted[k])).toList());
    }

    /** Rebuilds the metrics from confusion counts, counts[actual][predicted] (e.g. when a report is reloaded). */
    public static Evaluation fromConfusion(List<String> classNames, int[][] counts) {
        List<Prediction<Label>> predictions = new ArrayList<>();
        for (int a = 0; a < counts.length; a++)
            for (int p = 0; p < counts[a].length; p++)
                for (int r = 0; r < counts[a][p]; r++) predictions.add(prediction(classNames, a, p));
        return of(classNames, predictions);
    }

    private static Evaluation of(List<String> classNames, List<Prediction<Label>> predictions) {
        return new Evaluation(classNames, new LabelConfusionMatrix(domain(classNames), predictions));
    }

    /** Tribuo's record of one sample: the predicted class as output, the actual one as the example's label. */
    private static Prediction<Label> prediction(List<String> classNames, int actual, int predicted) {
        Label output = new Label(name(classNames, predicted));
        return new Prediction<>(output, 0, new ArrayExample<>(new Label(name(classNames, actual))));
    }

    /** Tribuo's output domain with the ids in classNames order. */
    static ImmutableOutputInfo<Label> domain(List<String> classNames) {
        Map<Label, Integer> ids = new LinkedHashMap<>();
        for (int c = 0; c < classNames.size(); c++) ids.put(new Label(classNames.get(c)), c);
        return new LabelFactory().constructInfoForExternalModel(ids);
    }

    private static String name(List<String> classNames, int c) {
        if (c < 0 || c >= classNames.size())
            throw new IllegalArgumentException("class index " + c + " outside 0.." + (classNames.size() - 1));
        return classNames.get(c);
    }

    /** Class c's Tribuo label. */
    private Label label(int c) { return new Label(classNames.get(c)); }

    public int size() { return (int) Math.round(matrix.support()); }

    public double accuracy() { return ConfusionMetrics.accuracy(MetricTarget.microAverageTarget(), matrix); }

    public double precision(int c) { return ConfusionMetrics.precision(new MetricTarget<>(label(c)), matrix); }

    public double recall(int c) { return ConfusionMetrics.recall(new MetricTarget<>(label(c)), matrix); }

    public double f1(int c) { return ConfusionMetrics.f1(new MetricTarget<>(label(c)), matrix); }

    public int support(int c) { return (int) Math.round(matrix.support(label(c))); }

    /** Unweighted mean of the per-class F1 over all classes (Tribuo's macro average). */
    public double macroF1() { return ConfusionMetrics.f1(MetricTarget.macroAverageTarget(), matrix); }

    /** counts[actual][predicted], in classNames order. */
    public int[][] confusion() {
        int k = classNames.size();
        int[][] m = new int[k][k];
        for (int a = 0; a < k; a++)
            for (int p = 0; p < k; p++) m[a][p] = (int) Math.round(matrix.confusion(label(p), label(a)));
        return m;
    }

    /** The metrics of this set's samples and other's together (the same classes), e.g. over folds. */
    public Evaluation plus(Evaluation other) {
        int[][] sum = confusion(), more = other.confusion();
        for (int a = 0; a < sum.length; a++) for (int p = 0; p < sum.length; p++) sum[a][p] += more[a][p];
        return fromConfusion(classNames, sum);
    }

    /** class, precision, recall, f1, support: one row per class. */
    public Table perClass() {
        return Table.create("per-class metrics", StringColumn.create("class", classNames),
                DoubleColumn.create("precision", eachClass(this::precision)), DoubleColumn.create("recall", eachClass(this::recall)),
                DoubleColumn.create("f1", eachClass(this::f1)),
                IntColumn.create("support", IntStream.range(0, classNames.size()).map(this::support).toArray()));
    }

    private double[] eachClass(IntToDoubleFunction metric) {
        return IntStream.range(0, classNames.size()).mapToDouble(metric).toArray();
    }

    /** JSON-friendly summary: accuracy, macro-F1, per-class metrics and the confusion matrix. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy());
        m.put("macro_f1", macroF1());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", classNames.get(c));
            row.put("precision", precision(c));
            row.put("recall", recall(c));
            row.put("f1", f1(c));
            row.put("support", support(c));
            rows.add(row);
        }
        m.put("per_class", rows);
        m.put("class_names", classNames);
        m.put("confusion", confusion());
        return m;
    }
}
