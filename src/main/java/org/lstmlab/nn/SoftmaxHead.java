package org.lstmlab.nn;

/**
 * Protocol §3.5: the linear head logits = out·Wo + bo (out after any dropout, protocol §9.3), softmax with max
 * subtraction, CE = −Σ y log(p + 1e-10), loss = mean over the batch, gradient to the logits (p − y)/B.
 */
public final class SoftmaxHead {
    static final double LOG_EPSILON = 1e-10;

    /** Loss, correct count, head gradients and the gradient sent down to the recurrent layer's output. */
    public record Backward(double loss, int correct, double[] dWo, double[] dbo, double[][] gOut) {}

    private SoftmaxHead() {}

    static double[][] logits(Parameters p, double[][] out) {
        return Mat.affine(out, p.wo, p.bo, p.config.classes());
    }

    /** Forward and backward through the head without dropout. */
    public static Backward backward(Parameters p, double[][] out, double[][] y) { return backward(p, out, y, Dropout.NONE); }

    /**
     * Forward and backward through the dropout layer (protocol §9.3) and the head; the gradient to out uses Wo as it
     * is (before any update) and the same dropout mask.
     */
    public static Backward backward(Parameters p, double[][] out, double[][] y, Dropout dropout) {
        int B = out.length, C = p.config.classes();
        double[][] dropped = dropout.apply(out);
        double[][] logits = logits(p, dropped);
        double[][] gLogits = new double[B][C];
        double loss = 0;
        int correct = 0;
        for (int r = 0; r < B; r++) {
            double[] prob = softmax(logits[r]);
            for (int k = 0; k < C; k++) {
                loss -= y[r][k] * Math.log(prob[k] + LOG_EPSILON);
                gLogits[r][k] = (prob[k] - y[r][k]) / B;
            }
            if (Argmax.of(logits[r]) == Argmax.of(y[r])) correct++;
        }
        double[] dWo = new double[p.wo.length], dbo = new double[p.bo.length];
        Mat.accumulate(dWo, dbo, dropped, gLogits);
        return new Backward(loss / B, correct, dWo, dbo, dropout.apply(Mat.timesTransposed(gLogits, p.wo, p.config.hidden())));
    }

    /** One-hot targets [B][classes]. */
    static double[][] oneHot(int[] labels, int classes) {
        double[][] y = new double[labels.length][classes];
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= classes)
                throw new IllegalArgumentException("label " + labels[r] + " of sample " + r + " outside 0.." + (classes - 1));
            y[r][labels[r]] = 1;
        }
        return y;
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : logits) max = Math.max(max, v);
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) sum += p[k] = Math.exp(logits[k] - max);
        for (int k = 0; k < p.length; k++) p[k] /= sum;
        return p;
    }
}
