package org.lstmlab.teach;

import org.lstmlab.nn.CellType;

/**
 * The example assignment's starting point: the LSTM's forward pass is given (the book's, protocol §3.3), and its
 * per-step values are left in fields named as in the equations; the student writes {@link #backward}.
 */
public abstract class LstmExercise implements StudentCell {
    private final BookCell book;
    protected final boolean useState;
    /** Per step t (0-based): z_t = [x_t, h_{t−1}] [T][B][F+H], the gates f, i, o, g and c_t, h_t, each [T][B][H]. */
    protected double[][][] z, f, i, o, g, c, h;
    /** W [F+H][4H] as given to forward, and each sample's length. */
    protected double[][] W;
    protected int[] lengths;

    /** useState: the head reads c at the last valid step (the chapter's third model) instead of h. */
    protected LstmExercise(boolean useState) {
        this.useState = useState;
        this.book = new BookCell(useState ? CellType.LSTM_STATE : CellType.LSTM);
    }

    @Override public final CellType type() { return book.type(); }

    @Override public final Forward forward(double[][][] x, int[] lengths, double[][] W, double[] b) {
        Forward out = book.forward(x, lengths, W, b);
        z = book.z; f = book.f; i = book.i; o = book.o; g = book.g; c = book.c; h = book.h;
        this.W = W;
        this.lengths = lengths;
        return out;
    }
}
