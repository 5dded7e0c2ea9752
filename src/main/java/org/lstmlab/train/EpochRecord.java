package org.lstmlab.train;

/**
 * One finished epoch. {@code epoch} counts every epoch the model has trained (1-based, continues across calls);
 * {@code runEpoch} is the epoch within its training call, the number the book prints (protocol §6: the book's +100 run
 * starts again at 1, so its first report reads "Epoch 20"). cost and trainAccuracy are the means of that epoch's
 * per-batch losses and accuracies; validationAccuracy is NaN on epochs without a report.
 * seconds is wall-clock time and is kept out of the deterministic serialisation.
 */
public record EpochRecord(int epoch, int runEpoch, double cost, double trainAccuracy, double validationAccuracy,
                          double seconds) {

    /** True on epochs that ran the validation pass (runEpoch % report == 0). */
    public boolean reported() { return !Double.isNaN(validationAccuracy); }
}
