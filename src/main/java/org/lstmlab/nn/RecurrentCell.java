package org.lstmlab.nn;

/**
 * One recurrent layer of the reference engine, run over a whole batch: forward through steps 1..Tb (protocol §3),
 * then back through time (protocol §7). A cell keeps what backprop needs from its own forward pass, so make a new
 * one per batch.
 */
interface RecurrentCell {

    /** Runs t = 1..Tb from a zero state; x is time-major [Tb][B][F]. Returns each sample's output at step T_i. */
    double[][] forward(double[][][] x, int[] lengths);

    /**
     * Full BPTT for dL/d(output) = gOut [B][H], accumulating into dW and db (laid out like W and b).
     * If hiddenGradNorms is not null, entry t−1 receives ‖G_h‖ at step t, after injection.
     */
    void backward(double[][] gOut, int[] lengths, double[] dW, double[] db, double[] hiddenGradNorms);

    static RecurrentCell of(Parameters p) {
        return switch (p.config.cell()) {
            case RNN -> new RnnCell(p);
            case LSTM -> new LstmCell(p, false);
            case LSTM_STATE -> new LstmCell(p, true);
            case GRU -> new GruCell(p);
        };
    }

    /** Protocol §3.4: sample i's output is its per-step output at step T_i (0-based index T_i − 1). */
    static double[][] atLastValidStep(double[][][] perStep, int[] lengths) {
        double[][] out = new double[lengths.length][];
        for (int i = 0; i < lengths.length; i++) out[i] = perStep[lengths[i] - 1][i].clone();
        return out;
    }

    /** Protocol §7.1: adds sample i's output gradient into G at step T_i (0-based index t = T_i − 1). */
    static void inject(double[][] G, double[][] gOut, int[] lengths, int t) {
        for (int i = 0; i < lengths.length; i++)
            if (lengths[i] - 1 == t)
                for (int j = 0; j < G[i].length; j++) G[i][j] += gOut[i][j];
    }
}
