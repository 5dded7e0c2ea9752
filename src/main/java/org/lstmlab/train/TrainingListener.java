package org.lstmlab.train;

import java.util.List;

/**
 * Progress events from a {@link Trainer}; every method has an empty default. The CLI draws a console progress bar
 * from them, the notebooks an in-place HTML bar, and {@link BookLog} prints the book's lines.
 * Events arrive on the training thread, in order.
 */
public interface TrainingListener {

    /** A training call begins: {@code epochs} epochs of {@code batches} batches, the first numbered firstEpoch. */
    record Start(String modelName, int firstEpoch, int epochs, int batches, int batchSize, int report) {}

    /** A batch finished; runningLoss/runningAccuracy are this epoch's means so far. */
    record BatchDone(int epoch, int runEpoch, int batch, int batches, double loss, double accuracy,
                     double runningLoss, double runningAccuracy) {}

    /** A report epoch finished: t1 = whole seconds since the previous report (or start), t2 = since start. */
    record Report(String modelName, EpochRecord epoch, long secondsSinceLast, long secondsTotal) {}

    default void trainingStarted(Start start) {}

    default void batchFinished(BatchDone batch) {}

    /** ‖∂L/∂h_t‖ of the probe batch after global epoch {@code epoch} (0 = before training); sent before epochFinished. */
    default void gradientsProbed(int epoch, double[] norms) {}

    default void epochFinished(EpochRecord epoch) {}

    default void reported(Report report) {}

    /** Always sent at the end of a call, with the call's history and int(now) - int(start) seconds. */
    default void trainingEnded(String modelName, History history, long seconds) {}

    /**
     * A line of the project's own about a finished call (a corrected decay cost, an early stop), sent after
     * trainingEnded so that the book's lines come first.
     */
    default void noted(String modelName, String note) {}

    /** A test pass over the whole test split finished. */
    default void tested(String modelName, double accuracy, long seconds) {}

    /** One listener that forwards every event to each of {@code listeners}, in order. */
    static TrainingListener all(List<TrainingListener> listeners) {
        List<TrainingListener> ls = List.copyOf(listeners);
        return new TrainingListener() {
            @Override public void trainingStarted(Start s) { ls.forEach(l -> l.trainingStarted(s)); }
            @Override public void batchFinished(BatchDone b) { ls.forEach(l -> l.batchFinished(b)); }
            @Override public void gradientsProbed(int e, double[] n) { ls.forEach(l -> l.gradientsProbed(e, n)); }
            @Override public void epochFinished(EpochRecord e) { ls.forEach(l -> l.epochFinished(e)); }
            @Override public void reported(Report r) { ls.forEach(l -> l.reported(r)); }
            @Override public void trainingEnded(String n, History h, long s) { ls.forEach(l -> l.trainingEnded(n, h, s)); }
            @Override public void noted(String n, String note) { ls.forEach(l -> l.noted(n, note)); }
            @Override public void tested(String n, double a, long s) { ls.forEach(l -> l.tested(n, a, s)); }
        };
    }
}
