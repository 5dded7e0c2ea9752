package org.lstmlab.experiment;

import org.lstmlab.nn.CellType;
import java.util.Map;
import java.util.Optional;

/**
 * The book's published final results (protocol §6, ALZZA rnn_lstm_test): test accuracy and training seconds of the six
 * models at interval 10 ms. The 10-ms seconds are the +100-epoch run's (the book's table lists those). The book has
 * no GRU.
 */
public final class BookResults {
    public record Entry(double accuracy, double seconds) {}

    /** By "window cell" (10 and 100 ms; RNN, LSTM, LSTM_STATE), all at interval 10 ms. */
    private static final Map<String, Entry> BOOK = Map.of(
            "10 RNN", new Entry(0.374, 410),
            "10 LSTM", new Entry(0.486, 1569),
            "10 LSTM_STATE", new Entry(0.577, 1532),
            "100 RNN", new Entry(0.590, 387),
            "100 LSTM", new Entry(0.722, 1463),
            "100 LSTM_STATE", new Entry(0.758, 1459));

    private BookResults() {}

    /** The book's numbers for this model, if the book ran it. */
    public static Optional<Entry> of(int intervalMs, int windowMs, CellType cell) {
        return Optional.ofNullable(intervalMs == 10 ? BOOK.get(windowMs + " " + cell.name()) : null);
    }

    /** "RNN", "LSTM", "LSTM+state" or "GRU", the layer names of the results table. */
    public static String layer(CellType cell) {
        return switch (cell) {
            case RNN -> "RNN";
            case LSTM -> "LSTM";
            case LSTM_STATE -> "LSTM+state";
            case GRU -> "GRU";
        };
    }
}
