package org.lstmlab.nn;

import java.util.Locale;

/**
 * The chapter's three recurrent layers, and the GRU beside them (not in the book); {@link #bookName()} is the name used
 * in the book's model names. docs/cells.md has every cell's equations.
 */
public enum CellType {
    /** Plain RNN, h = relu([x, h] W + b). */
    RNN("basic", 1, 1),
    /** LSTM; the classifier reads h at the last valid step. */
    LSTM("lstm", 4, 4),
    /** LSTM whose classifier reads the cell state c at the last valid step (book: use_state=True). */
    LSTM_STATE("state", 4, 4),
    /** GRU with r applied to the recurrent part of the candidate (linear_before_reset = 1); the classifier reads h. */
    GRU("gru", 3, 4);

    private final String bookName;
    private final int gates, biasBlocks;

    CellType(String bookName, int gates, int biasBlocks) {
        this.bookName = bookName;
        this.gates = gates;
        this.biasBlocks = biasBlocks;
    }

    /** "basic", "lstm", "state" as in the book's us_basic_10_10, or "gru". */
    public String bookName() { return bookName; }

    /** Column blocks in W: 1 for the RNN, 4 (f, i, o, g) for the LSTM, 3 (z, r, n) for the GRU. */
    public int gates() { return gates; }

    /** Blocks in b: one per gate, and for the GRU a fourth, b_hn, added to h·W_hn inside the reset. */
    public int biasBlocks() { return biasBlocks; }

    public boolean isLstm() { return gates == 4; }

    /** "rnn", "lstm", "state" or "gru": the id the CLI's --cell and recipes use. */
    @Override public String toString() { return this == LSTM_STATE ? "state" : name().toLowerCase(Locale.ROOT); }

    /** Accepts rnn/basic, lstm, state/lstm-state/lstm_state, gru, case-insensitive. */
    public static CellType parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "rnn": case "basic": return RNN;
            case "lstm": return LSTM;
            case "state": case "lstm-state": return LSTM_STATE;
            case "gru": return GRU;
            default: throw new IllegalArgumentException("unknown cell '" + s + "': expected rnn, lstm, state or gru");
        }
    }
}
