package org.lstmlab.nn;

/** numpy's argmax, the one rule for a predicted class: the index of the first largest value (ties go to the lowest). */
public final class Argmax {
    private Argmax() {}

    public static int of(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
        return best;
    }

    public static int of(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
        return best;
    }
}
