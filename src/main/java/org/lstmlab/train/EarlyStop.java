package org.lstmlab.train;

import org.lstmlab.nn.Model;

/**
 * One run's early stopping: the best report so far, whose weights the model keeps in {@link Model#best()} until the
 * run ends. Its state lives in the model (weights) and in the recipe's run entry (epoch and value), so a run resumed
 * from a checkpoint continues it exactly.
 */
final class EarlyStop {
    private final EarlyStopping rule;
    private final Model model;
    private int bestEpoch;
    private double bestValue = Double.NaN;

    private EarlyStop(EarlyStopping rule, Model model) {
        this.rule = rule;
        this.model = model;
    }

    /** The run's state so far, from its recipe entry (empty at the start of a run). */
    static EarlyStop of(EarlyStopping rule, Model model, Recipe.Run run) {
        EarlyStop s = new EarlyStop(rule, model);
        if (run.bestEpoch() > 0) {
            s.bestEpoch = run.bestEpoch();
            s.bestValue = run.bestValue();
        }
        return s;
    }

    /** A report's validation result; true when the run should stop after this epoch. */
    boolean report(int epoch, double accuracy, double loss) {
        double value = rule.monitor() == EarlyStopping.Monitor.ACCURACY ? accuracy : loss;
        if (rule.monitor().improves(value, bestValue)) {
            bestEpoch = epoch;
            bestValue = value;
            model.best(model.params().copy());
            return false;
        }
        return bestEpoch > 0 && epoch - bestEpoch >= rule.patience();
    }

    /** Ends the run: the best report's weights replace the current ones (Adam's state stays as it is). */
    void end() {
        if (model.best() != null) {
            double[][] to = model.params().tensors(), from = model.best().tensors();
            for (int k = 0; k < to.length; k++) System.arraycopy(from[k], 0, to[k], 0, to[k].length);
        }
        model.best(null);
    }

    /** The best report so far (0: none yet), and its value; the recipe's run entry keeps both. */
    int bestEpoch() { return bestEpoch; }
    double bestValue() { return bestValue; }

    /** The log's line after the book's lines; epochs are the run's, as the book numbers them. */
    String note(int firstEpoch, int stoppedAfter) {
        String metric = "validation " + rule.monitor().id() + " " + BookLog.f53(bestValue).trim();
        int best = bestEpoch - firstEpoch + 1;
        if (bestEpoch == 0) return "early stopping: no report, the last weights are kept";
        if (stoppedAfter == 0) return "early stopping: " + metric + " at epoch " + best + " was the best; the weights of epoch " + best + " are kept";
        return "early stop after epoch " + (stoppedAfter - firstEpoch + 1) + ": " + metric + " at epoch " + best
                + " not bettered in " + rule.patience() + " epochs; the weights of epoch " + best + " are kept";
    }

    /** The marks of the model's last run, once it has ended: {kept epoch, stopped-after epoch}, 0 when absent. */
    static int[] marks(Recipe.Run run) {
        return run == null ? new int[2] : new int[] {run.keptEpoch(), run.stoppedAfter()};
    }
}
