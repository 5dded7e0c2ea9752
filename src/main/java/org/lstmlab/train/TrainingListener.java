package org.lstmlab.train;

import org.lstmlab.data.Progress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events from a {@link Trainer}; every method has an empty default. {@link BookLog} prints the book's lines from
 * them, and {@link #progress} turns them into the {@link Progress} that the console and notebook bars draw.
 * Events arrive on the training thread, in order.
 */
public interface TrainingListener {

    /** A training call begins: {@code epochs} epochs of {@code batches} batches, the first numbered firstEpoch. */
    record Start(String modelName, int firstEpoch, int epochs, int batches, int batchSize, int report) {}

    /** A batch finished; runningLoss/runningAccuracy are this epoch's means so far. */
    record BatchDone(String modelName, int epoch, int runEpoch, int batch, int batches, double loss, double accuracy,
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

    /**
     * Each training call as one {@link Progress} task named after its model: done of epochs × batches, with the epoch
     * and the running cost and accuracy. Models may train at once on other threads.
     */
    static TrainingListener progress(Progress.Sink sink) {
        Map<String, Start> calls = new ConcurrentHashMap<>();
        return new TrainingListener() {
            @Override public void trainingStarted(Start s) {
                calls.put(s.modelName(), s);
                sink.update(new Progress(s.modelName(), 0, (long) s.epochs() * s.batches(), "epoch 1/" + s.epochs()));
            }

            @Override public void batchFinished(BatchDone b) {
                Start s = calls.get(b.modelName());
                int epoch = b.epoch() - s.firstEpoch() + 1;
                sink.update(new Progress(b.modelName(), (long) (epoch - 1) * b.batches() + b.batch(),
                        (long) s.epochs() * s.batches(), String.format(Locale.ROOT, "epoch %d/%d cost=%.3f accuracy=%.3f",
                        epoch, s.epochs(), b.runningLoss(), b.runningAccuracy())));
            }

            /** The end, also of a run stopped early: done = total = the batches that ran. */
            @Override public void trainingEnded(String model, History h, long seconds) {
                long done = (long) h.size() * calls.remove(model).batches();
                sink.update(new Progress(model, done, done, h.isEmpty() ? "" : String.format(Locale.ROOT,
                        "%d epochs in %d s, cost=%.3f accuracy=%.3f", h.size(), seconds, h.last().cost(),
                        h.last().trainAccuracy())));
            }
        };
    }

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
