package org.lstmlab.teach;

/**
 * What a student implements: the chapter's recurrent layer, one step at a time over a padded batch, forward and
 * then backward through time (protocol §3.2–§3.4, §7). Shapes are the book's numpy ones: x [B][T][F] with each
 * sample's length in lengths [B] (steps past a length are padding), W [F+H][G·H] over z_t = [x_t, h_{t−1}] with gate
 * blocks f, i, o, g for the LSTM (G = 4) or one block for the RNN (G = 1), b [G·H].
 */
public interface StudentCell {

    /** Every step's h (and c, for the LSTM; null for the RNN), each [T][B][H], and the layer's output [B][H]. */
    record Forward(double[][][] h, double[][][] c, double[][] output) {}

    /** dW [F+H][G·H], db [G·H], and every step's G_h [T][B][H]: dL/dh_t after the output gradient is injected. */
    record Backward(double[][] dW, double[] db, double[][][] gradH) {}

    /** Which of the chapter's layers this is: RNN, LSTM or LSTM_STATE (the head reads c). */
    org.lstmlab.nn.CellType type();

    /**
     * Runs t = 1..T from a zero state. The output is each sample's h at its last valid step (c for the LSTM whose
     * head reads the state).
     */
    Forward forward(double[][][] x, int[] lengths, double[][] W, double[] b);

    /** Back through time from gOut = dL/d(output) [B][H], using what {@link #forward} kept. */
    Backward backward(double[][] gOut);
}
