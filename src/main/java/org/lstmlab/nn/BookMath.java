package org.lstmlab.nn;

/** The book's numerically stable activations (protocol §3.3) and their derivatives taken from the outputs. */
final class BookMath {
    private BookMath() {}

    /** σ(x) = exp(−max(−x, 0)) / (1 + exp(−|x|)). */
    static double sigmoid(double x) { return Math.exp(-Math.max(-x, 0)) / (1 + Math.exp(-Math.abs(x))); }

    /** tanh(x) = 2σ(2x) − 1. */
    static double tanh(double x) { return 2 * sigmoid(2 * x) - 1; }

    static double relu(double x) { return Math.max(x, 0); }

    /** σ' from the output y: y(1 − y). */
    static double sigmoidDerivative(double y) { return y * (1 - y); }

    /** tanh' from the output y: (1 + y)(1 − y). */
    static double tanhDerivative(double y) { return (1 + y) * (1 - y); }

    /** ReLU' from the output: sign(h), 1 if h > 0 else 0. */
    static double reluDerivative(double h) { return h > 0 ? 1 : 0; }
}
