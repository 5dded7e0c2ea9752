package org.lstmlab.experiment;

import java.util.List;

/**
 * How many epochs a model trains, in phases that continue the same model with its Adam state (protocol §5.4).
 * The book: 10-ms models train 10 epochs reporting every 2, then 100 more reporting every 20; the 100-ms models
 * train 100 epochs reporting every 20.
 */
public record Schedule(List<Phase> phases) {

    /** One training call: epochs, and a log line every {@code report} epochs. */
    public record Phase(int epochs, int report) {
        public Phase {
            if (epochs <= 0) throw new IllegalArgumentException("a phase needs epochs > 0, got " + epochs);
            if (report < 0) throw new IllegalArgumentException("report interval must be >= 0, got " + report);
        }
    }

    public Schedule {
        if (phases.isEmpty()) throw new IllegalArgumentException("a schedule needs at least one phase");
        phases = List.copyOf(phases);
    }

    /** Protocol §5.4: windows of 10 ms or less get 10 + 100 epochs, longer windows 100. */
    public static Schedule book(int windowMs) {
        return windowMs <= 10 ? new Schedule(List.of(new Phase(10, 2), new Phase(100, 20)))
                : new Schedule(List.of(new Phase(100, 20)));
    }

    /** The quick run: the book's shape at a few epochs (2 + 4 for short windows, 6 for long ones). */
    public static Schedule quick(int windowMs) {
        return windowMs <= 10 ? new Schedule(List.of(new Phase(2, 1), new Phase(4, 2)))
                : new Schedule(List.of(new Phase(6, 2)));
    }

    /** One phase of the given epochs, reporting about five times. */
    public static Schedule of(int epochs) { return new Schedule(List.of(new Phase(epochs, Math.max(1, epochs / 5)))); }

    /** The same phases, each reporting every {@code every} epochs. */
    public Schedule reporting(int every) {
        return new Schedule(phases.stream().map(p -> new Phase(p.epochs(), every)).toList());
    }

    public int totalEpochs() { return epochsBefore(phases.size()); }

    /** Epochs trained before phase k starts. */
    public int epochsBefore(int k) { return phases.subList(0, k).stream().mapToInt(Phase::epochs).sum(); }
}
