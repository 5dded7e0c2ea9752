package org.lstmlab.experiment;

import org.lstmlab.data.Progress;
import org.lstmlab.train.EpochRecord;
import org.lstmlab.train.History;
import org.lstmlab.train.TrainingListener;
import java.util.List;

/**
 * Live progress of a run whose models train concurrently: one bar over all remaining epochs, the caller's listeners
 * fed one event at a time, and each model's book log printed as one block when the model finishes (so the lines of
 * two models never interleave). Every model's trainer hears it, so its events pass one at a time.
 */
final class RunProgress implements TrainingListener {
    private final Reproduction r;
    private final Progress.Sink bar;
    private final TrainingListener listeners;
    private final int total;
    private int epochs;

    RunProgress(Reproduction r, int totalEpochs) {
        this.r = r;
        this.bar = r.progressBar && totalEpochs > 0 ? Progress.Sink.console() : Progress.Sink.NONE;
        this.listeners = TrainingListener.all(r.listeners);
        this.total = totalEpochs;
        bar.update(new Progress("training", 0, total, ""));
    }

    @Override public synchronized void trainingStarted(Start s) { listeners.trainingStarted(s); }
    @Override public synchronized void batchFinished(BatchDone b) { listeners.batchFinished(b); }
    @Override public synchronized void reported(Report rep) { listeners.reported(rep); }
    @Override public synchronized void trainingEnded(String n, History h, long s) { listeners.trainingEnded(n, h, s); }
    @Override public synchronized void tested(String n, double a, long s) { listeners.tested(n, a, s); }

    @Override public synchronized void epochFinished(EpochRecord e) {
        listeners.epochFinished(e);
        bar.update(new Progress("training", ++epochs, total, ""));
    }

    /** Prints a finished model's book log (or that it was read back from an earlier run). */
    synchronized void finished(String name, List<String> bookLines) {
        if (bookLines.isEmpty()) r.say("Model " + name + ": finished in an earlier run, read back");
        else bookLines.forEach(r::say);
    }

    /** Ends the bar, also after an early stop or a failure. */
    synchronized void close() {
        if (epochs < total) bar.update(new Progress("training", epochs, epochs, "stopped"));
    }
}
