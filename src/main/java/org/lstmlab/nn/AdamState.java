package org.lstmlab.nn;

import java.util.Arrays;

/** Per-tensor Adam moments s, t and step counter n (protocol §5.2), kept across training calls. */
public final class AdamState {
    public final double[][] s, t;
    public final int[] n;

    public AdamState(double[][] s, double[][] t, int[] n) {
        this.s = s;
        this.t = t;
        this.n = n;
    }

    /** Zero moments shaped like p's tensors, no steps taken. */
    public static AdamState zeros(Parameters p) {
        return new AdamState(Parameters.zeros(p.config).tensors(), Parameters.zeros(p.config).tensors(),
                new int[Parameters.NAMES.length]);
    }

    /**
     * Protocol §5.2 for each tensor: s = β1 s + (1-β1) g; t = β2 t + (1-β2) g²; n++; δ = ŝ / (sqrt(t̂) + ε).
     * Protocol §9.1 for the weights W and Wo only: δ += l2·θ + l1·sign(θ), with θ before this update (the moments
     * never see the decay). Then θ -= lr·δ. With clipping on, g is first scaled so that the global norm is at most
     * clipNorm.
     */
    public void update(Parameters p, Gradients g, Adam adam) {
        double scale = 1;
        if (adam.clipNorm() > 0) {
            double norm = g.norm();
            if (norm > adam.clipNorm()) scale = adam.clipNorm() / norm;
        }
        double[][] theta = p.tensors(), grad = g.tensors();
        for (int k = 0; k < theta.length; k++) {
            n[k]++;
            double c1 = 1 - Math.pow(adam.beta1(), n[k]), c2 = 1 - Math.pow(adam.beta2(), n[k]);
            double[] th = theta[k], gr = grad[k], sk = s[k], tk = t[k];
            boolean l2 = adam.l2() > 0 && Parameters.decays(k), l1 = adam.l1() > 0 && Parameters.decays(k);
            for (int j = 0; j < th.length; j++) {
                double gj = gr[j] * scale;
                sk[j] = adam.beta1() * sk[j] + (1 - adam.beta1()) * gj;
                tk[j] = adam.beta2() * tk[j] + (1 - adam.beta2()) * gj * gj;
                double delta = (sk[j] / c1) / (Math.sqrt(tk[j] / c2) + adam.epsilon());
                if (l2) delta += adam.l2() * th[j];
                if (l1) delta += adam.l1() * Math.signum(th[j]);
                th[j] -= adam.learningRate() * delta;
            }
        }
    }

    public AdamState copy() { return new AdamState(deepCopy(s), deepCopy(t), n.clone()); }

    private static double[][] deepCopy(double[][] tensors) {
        return Arrays.stream(tensors).map(double[]::clone).toArray(double[][]::new);
    }
}
