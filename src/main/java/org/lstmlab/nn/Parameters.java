package org.lstmlab.nn;

import java.util.Arrays;
import java.util.Random;

/** The four tensors of a model, float64 master copies: W, b (recurrent layer) and Wo, bo (head). */
public final class Parameters {
    /** Names used in files, npz archives and ONNX initialisers. */
    public static final String[] NAMES = {"W", "b", "Wo", "bo"};
    /** Protocol §4: rand_std. */
    public static final double INIT_STD = 0.03;

    public final ModelConfig config;
    public final double[] w, b, wo, bo;

    public Parameters(ModelConfig config, double[] w, double[] b, double[] wo, double[] bo) {
        this.config = config;
        this.w = check("W", w, config.zWidth() * config.gateWidth());
        this.b = check("b", b, config.biasWidth());
        this.wo = check("Wo", wo, config.hidden() * config.classes());
        this.bo = check("bo", bo, config.classes());
    }

    public static Parameters zeros(ModelConfig c) {
        return new Parameters(c, new double[c.zWidth() * c.gateWidth()], new double[c.biasWidth()],
                new double[c.hidden() * c.classes()], new double[c.classes()]);
    }

    /**
     * Protocol §4: W ~ N(0, 0.03) drawn first, then Wo; biases 0 except the LSTM forget block (columns [0, H)) at 1.0.
     * The GRU follows by analogy: its update block z (also [0, H)) is the share of h_{t−1} kept, so it starts at 1.0.
     */
    public static Parameters init(ModelConfig c, Random rng) {
        Parameters p = zeros(c);
        for (int k = 0; k < p.w.length; k++) p.w[k] = rng.nextGaussian() * INIT_STD;
        for (int k = 0; k < p.wo.length; k++) p.wo[k] = rng.nextGaussian() * INIT_STD;
        if (c.cell() != CellType.RNN) Arrays.fill(p.b, 0, c.hidden(), 1.0);
        return p;
    }

    /** Protocol §9.1: weight decay acts on the weights W and Wo, never on the biases. k indexes {@link #NAMES}. */
    public static boolean decays(int k) { return k == 0 || k == 2; }

    /** The tensors in {@link #NAMES} order. */
    public double[][] tensors() { return new double[][] {w, b, wo, bo}; }

    public Parameters copy() {
        return new Parameters(config, w.clone(), b.clone(), wo.clone(), bo.clone());
    }

    private static double[] check(String name, double[] a, int n) {
        if (a.length != n) throw new IllegalArgumentException(name + " must have " + n + " values, got " + a.length);
        return a;
    }
}
