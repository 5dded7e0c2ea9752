package org.lstmlab.nn;

/**
 * Adam hyper-parameters (protocol §5.2) plus optional global gradient-norm clipping (0 = off, the book's setting).
 * The update itself lives in {@link AdamState}.
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double clipNorm) {

    public Adam {
        if (!(learningRate > 0) || Double.isInfinite(learningRate))
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        if (!(clipNorm >= 0)) throw new IllegalArgumentException("clip norm must be >= 0 (0 = off), got " + clipNorm);
    }

    /** lr 0.001, β1 0.9, β2 0.999, ε 1e-8, no clipping. */
    public static Adam book() { return new Adam(0.001, 0.9, 0.999, 1e-8, 0); }

    public Adam withLearningRate(double lr) { return new Adam(lr, beta1, beta2, epsilon, clipNorm); }

    public Adam withClipNorm(double clip) { return new Adam(learningRate, beta1, beta2, epsilon, clip); }
}
