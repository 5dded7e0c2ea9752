package org.lstmlab.nn;

import java.util.Locale;

/** The chapter's three recurrent layers; {@link #bookName()} is the name used in the book's model names. */
public enum CellType {
    /** Plain RNN, h = relu([x, h] W + b). */
    RNN("basic", 1),
    /** LSTM; the classifier reads h at the last valid step. */
    LSTM("lstm", 4),
    /** LSTM whose classifier reads the cell state c at the last valid step (book: use_state=True). */
    LSTM_STATE("state", 4);

    private final String bookName;
    private final int gates;

    CellType(String bookName, int gates) {
        this.bookName = bookName;
        this.gates = gates;
    }

    /** "basic", "lstm" or "state", as in the book's us_basic_10_10. */
    public String bookName() { return bookName; }

    /** Column blocks in W: 1 for the RNN, 4 (f, i, o, g) for the LSTM. */
    public int gates() { return gates; }

    public boolean isLstm() { return gates == 4; }

    /** Accepts rnn/basic, lstm, state/lstm-state/lstm_state, case-insensitive. */
    public static CellType parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "rnn": case "basic": return RNN;
            case "lstm": return LSTM;
            case "state": case "lstm-state": return LSTM_STATE;
            default: throw new IllegalArgumentException("unknown cell '" + s + "': expected rnn, lstm or state");
        }
    }
}
