package org.lstmlab.nn;

/**
 * Loss and gradients of one batch, float64, laid out like {@link Parameters}.
 * {@code correct} counts rows whose argmax(logits) equals the label (before any update).
 * {@code hiddenGradNorms}, when requested, holds ||dL/dh_t|| for t = 1..Tb (the batch's steps), else null.
 */
public record Gradients(double loss, int correct, int batchSize,
                        double[] dW, double[] db, double[] dWo, double[] dbo,
                        double[] hiddenGradNorms) {

    public double accuracy() { return (double) correct / batchSize; }

    /** The tensors in {@link Parameters#NAMES} order. */
    public double[][] tensors() { return new double[][] {dW, db, dWo, dbo}; }

    /** Global L2 norm over all four tensors. */
    public double norm() {
        double s = 0;
        for (double[] t : tensors()) for (double v : t) s += v * v;
        return Math.sqrt(s);
    }
}
