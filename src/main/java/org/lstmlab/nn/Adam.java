package org.lstmlab.nn;

/**
 * Adam hyper-parameters (protocol §5.2), optional global gradient-norm clipping (0 = off, the book's setting) and
 * the chapter-8 weight decays l2 and l1 (protocol §9.1; 0 = off, the chapter's setting). The update itself lives in
 * {@link AdamState}.
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double clipNorm, double l2, double l1) {

    public Adam {
        if (!(learningRate > 0) || Double.isInfinite(learningRate))
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        if (!(clipNorm >= 0)) throw new IllegalArgumentException("clip norm must be >= 0 (0 = off), got " + clipNorm);
        if (!(l2 >= 0) || Double.isInfinite(l2)) throw new IllegalArgumentException("l2 decay must be >= 0 (0 = off), got " + l2);
        if (!(l1 >= 0) || Double.isInfinite(l1)) throw new IllegalArgumentException("l1 decay must be >= 0 (0 = off), got " + l1);
    }

    /** lr 0.001, β1 0.9, β2 0.999, ε 1e-8, no clipping, no decay. */
    public static Adam book() { return new Adam(0.001, 0.9, 0.999, 1e-8, 0, 0, 0); }

    public Adam withLearningRate(double lr) { return new Adam(lr, beta1, beta2, epsilon, clipNorm, l2, l1); }

    public Adam withClipNorm(double clip) { return new Adam(learningRate, beta1, beta2, epsilon, clip, l2, l1); }

    public Adam withDecay(double l2Decay, double l1Decay) { return new Adam(learningRate, beta1, beta2, epsilon, clipNorm, l2Decay, l1Decay); }
}
