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
                row[b] /= len;   // the mean
                row[f + b] = Math.sqrt(Math.max(0, row[f + b] / len - row[b] * row[b]));
            }
        }
        return out;
    }

    /** Trains the baseline on split.train() (validation is not needed) and evaluates it on split.test(). */
    public static Result run(Kind kind, PackedSequences data, Split split, long seed) {
        TRIBUO_LOG.setLevel(Level.WARNING);
        double[][] x = standardised(pooled(data), split.train(), kind == Kind.RANDOM_FOREST ? FOREST_STEP : 0);
        List<String> names = data.classNames();
        MutableDataset<Label> train = dataset(x, data, split.train(), "train");
        MutableDataset<Label> test = dataset(x, data, split.test(), "test");
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

    /**
     * x standardised with the mean and (population) standard deviation of the given rows, column by column (a
     * constant column gets std 1); step > 0 rounds each value to a multiple of step within ±4.
     */
    private static double[][] standardised(double[][] x, int[] rows, double step) {
        int d = x[0].length;
        double[] mean = new double[d], std = new double[d];
        for (int i : rows) for (int j = 0; j < d; j++) mean[j] += x[i][j] / rows.length;
        for (int i : rows) for (int j = 0; j < d; j++) std[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / rows.length;
        for (int j = 0; j < d; j++) std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1;
        double[][] z = new double[x.length][d];
        for (int i = 0; i < x.length; i++)
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / std[j];
                if (step > 0) z[i][j] = Math.max(-4, Math.min(4, Math.round(z[i][j] / step) * step));
            }
        return z;
    }

    /** The given rows of x as Tribuo examples, named as {@link #featureNames} says. */
    private static MutableDataset<Label> dataset(double[][] x, PackedSequences data, int[] rows, String part) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(
                "pooled band mean/std, " + part + ", " + data.params().tag() + ", data " + data.fingerprint(), factory), factory);
        String[] featureNames = featureNames(data.features());
        for (int i : rows)
            ds.add(new ArrayExample<>(new Label(data.classNames().get(data.label(i))), featureNames, x[i]));
        return ds;
    }

    /** mean_000, mean_001, ..., then std_000, std_001, ...: the columns of {@link #pooled}. */
    private static String[] featureNames(int bands) {
        return IntStream.range(0, 2 * bands).mapToObj(k -> String.format(k < bands ? "mean_%03d" : "std_%03d", k % bands))
                .toArray(String[]::new);
    }
}
