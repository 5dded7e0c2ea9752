package org.lstmlab.eval;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Non-sequential baselines trained with Tribuo on pooled features: each band's mean and standard deviation over a
 * clip's valid steps (2 x 100 = 200 numbers per clip, order lost). They show what the recurrent models add over
 * "which frequencies, how steady". Features are standardised with the training set's statistics, as SGD needs.
 */
public final class Baselines {
    /** Kept so the Tribuo training loggers can be quietened for the JVM's lifetime (loggers are weakly held). */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    public enum Kind {
        LOGISTIC_REGRESSION("logreg", "logistic regression (pooled)"),
        RANDOM_FOREST("forest", "random forest (pooled)");

        private final String id, layer;

        Kind(String id, String layer) {
            this.id = id;
            this.layer = layer;
        }

        /** Short name used in model names and file names. */
        public String id() { return id; }

        /** The layer column of the results table. */
        public String layer() { return layer; }
    }

    /** A baseline's test metrics, its training seconds and Tribuo's provenance of the trained model. */
    public record Result(Kind kind, Evaluation evaluation, double seconds, Map<String, Object> provenance) {}

    /** Trees in the forest; Tribuo's CART is slow on dense data, so fewer than the usual 100 to fit the time budget. */
    public static final int FOREST_TREES = 30;
    /** The forest sees standardised features rounded to this step (clipped at ±4 sd): Tribuo's CART cost grows with
     *  the distinct values per feature, and a quarter of a standard deviation loses little for a tree. */
    static final double FOREST_STEP = 0.25;

    private Baselines() {}

    /** [clip][2F]: per-band mean over the valid steps, then per-band (population) standard deviation. */
    public static double[][] pooled(PackedSequences data) {
        int f = data.features();
        double[][] out = new double[data.size()][2 * f];
        for (int i = 0; i < data.size(); i++) {
            int len = data.length(i);
            double[] row = out[i];
            for (int t = 0; t < len; t++)
                for (int b = 0; b < f; b++) {
                    double v = data.value(i, t, b);
                    row[b] += v;
                    row[f + b] += v * v;
                }
            for (int b = 0; b < f; b++) {
                double mean = row[b] / len;
                row[b] = mean;
                row[f + b] = Math.sqrt(Math.max(0, row[f + b] / len - mean * mean));
            }
        }
        return out;
    }

    /** Trains the baseline on split.train() (validation is not needed) and evaluates it on split.test(). */
    public static Result run(Kind kind, PackedSequences data, Split split, long seed) {
        TRIBUO_LOG.setLevel(Level.WARNING);
        double[][] x = pooled(data);
        double[][] scale = standardisation(x, split.train());
        List<String> names = data.classNames();
        String[] featureNames = featureNames(data.features());
        double step = kind == Kind.RANDOM_FOREST ? FOREST_STEP : 0;
        MutableDataset<Label> train = dataset(x, scale, step, data, split.train(), featureNames, "train");
        MutableDataset<Label> test = dataset(x, scale, step, data, split.test(), featureNames, "test");
        long start = System.nanoTime();
        Model<Label> model = trainer(kind, seed).train(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Prediction<Label>> predictions = model.predict(test);
        int[] actual = Arrays.stream(split.test()).map(data::label).toArray();
        int[] predicted = predictions.stream().mapToInt(p -> names.indexOf(p.getOutput().getLabel())).toArray();
        return new Result(kind, Evaluation.of(names, actual, predicted), seconds,
                ProvenanceUtil.convertToMap(model.getProvenance()));
    }

    static Trainer<Label> trainer(Kind kind, long seed) {
        return switch (kind) {
            case LOGISTIC_REGRESSION -> new LogisticRegressionTrainer();
            // sqrt(200)/200 of the features per split, the usual forest choice; unlimited depth.
            case RANDOM_FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(Integer.MAX_VALUE, 0.07f, seed), new VotingCombiner(), FOREST_TREES, seed);
        };
    }

    /** {mean, std} per column over the given rows; a constant column gets std 1. */
    private static double[][] standardisation(double[][] x, int[] rows) {
        int d = x[0].length;
        double[] mean = new double[d], std = new double[d];
        for (int i : rows) for (int j = 0; j < d; j++) mean[j] += x[i][j] / rows.length;
        for (int i : rows) for (int j = 0; j < d; j++) std[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / rows.length;
        for (int j = 0; j < d; j++) std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1;
        return new double[][] {mean, std};
    }

    /** Standardised examples of the given rows; step > 0 rounds each value to a multiple of step within ±4. */
    private static MutableDataset<Label> dataset(double[][] x, double[][] scale, double step, PackedSequences data,
                                                 int[] rows, String[] featureNames, String part) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(
                "pooled band mean/std, " + part + ", " + data.params().tag() + ", data " + data.fingerprint(), factory), factory);
        for (int i : rows) {
            double[] v = new double[featureNames.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = (x[i][j] - scale[0][j]) / scale[1][j];
                if (step > 0) v[j] = Math.max(-4, Math.min(4, Math.round(v[j] / step) * step));
            }
            ds.add(new ArrayExample<>(new Label(data.classNames().get(data.label(i))), featureNames, v));
        }
        return ds;
    }

    /** mean_000, mean_001, ..., then std_000, std_001, ...: the columns of {@link #pooled}. */
    private static String[] featureNames(int bands) {
        return IntStream.range(0, 2 * bands).mapToObj(k -> String.format(k < bands ? "mean_%03d" : "std_%03d", k % bands))
                .toArray(String[]::new);
    }
}
