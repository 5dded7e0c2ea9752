package org.lstmlab.train;

import java.util.Locale;

/**
 * Early stopping, an addition beside the book: at each report the trainer compares the validation accuracy (or loss)
 * with the best so far; a run stops after a report that finds no improvement for {@code patience} epochs, and ends
 * with the weights of its best report. {@link #NONE} (patience 0) is the book's: every planned epoch, last weights.
 */
public record EarlyStopping(int patience, Monitor monitor) {
    public static final EarlyStopping NONE = new EarlyStopping(0, Monitor.ACCURACY);

    /** What a report's validation pass is judged by. */
    public enum Monitor {
        /** Validation accuracy; higher is better. */
        ACCURACY,
        /** Validation cross-entropy with log(p + 1e-10), as the training loss (protocol §3.5); lower is better. */
        LOSS;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        @Override public String toString() { return id(); }

        /** True when {@code value} beats {@code best} (any number beats NaN, the start). */
        boolean improves(double value, double best) {
            if (Double.isNaN(best)) return !Double.isNaN(value);
            return this == ACCURACY ? value > best : value < best;
        }
    }

    public EarlyStopping {
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0 epochs (0 = off), got " + patience);
        if (monitor == null) throw new IllegalArgumentException("monitor is required (accuracy or loss)");
    }

    public boolean on() { return patience > 0; }
}
