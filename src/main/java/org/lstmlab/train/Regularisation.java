package org.lstmlab.train;

import org.lstmlab.nn.Adam;
import org.lstmlab.nn.Parameters;
import java.util.Locale;

/**
 * The chapter-8 regularisers of a training run (protocol §9): the weight decays l2 and l1, added to W and Wo's update
 * after the Adam step, and dropout with keep probability keepProb between the recurrent output and the head.
 * {@link #NONE} is chapter 11's setting. {@code cost} says how the decays enter the reported cost:
 * {@link DecayCost#BOOK} adds Σw²/2 and Σ|w| without the decay factors, as the book does, so the printed cost is not
 * the function the update descends; {@link DecayCost#CORRECTED} multiplies each term by its decay.
 */
public record Regularisation(double l2, double l1, double keepProb, DecayCost cost) {
    public static final Regularisation NONE = new Regularisation(0, 0, 1, DecayCost.BOOK);

    /** How the decays enter the reported cost. */
    public enum DecayCost {
        BOOK, CORRECTED;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        @Override public String toString() { return id(); }
    }

    public Regularisation {
        if (!(l2 >= 0) || Double.isInfinite(l2)) throw new IllegalArgumentException("l2 decay must be >= 0 (0 = off), got " + l2);
        if (!(l1 >= 0) || Double.isInfinite(l1)) throw new IllegalArgumentException("l1 decay must be >= 0 (0 = off), got " + l1);
        if (!(keepProb > 0 && keepProb <= 1))
            throw new IllegalArgumentException("keep probability must be in (0, 1] (1 = no dropout), got " + keepProb);
        if (cost == null) throw new IllegalArgumentException("decay cost is required (book or corrected)");
    }

    public Regularisation withL2(double v) { return new Regularisation(v, l1, keepProb, cost); }
    public Regularisation withKeepProb(double v) { return new Regularisation(l2, l1, v, cost); }

    public boolean dropout() { return keepProb < 1; }

    /** The optimiser with these decays. */
    public Adam adam(Adam base) { return base.withDecay(l2, l1); }

    /**
     * Protocol §9.2: the term added to each training batch's loss at the weights before its update, summed over Wo,
     * then W (the book's collect_params order); biases never count.
     */
    public double cost(Parameters p) {
        if (l2 == 0 && l1 == 0) return 0;
        double squares = 0, absolutes = 0;
        for (double[] w : new double[][] {p.wo, p.w})
            for (double v : w) {
                squares += v * v;
                absolutes += Math.abs(v);
            }
        return cost == DecayCost.BOOK
                ? (l2 > 0 ? squares / 2 : 0) + (l1 > 0 ? absolutes : 0)
                : l2 * squares / 2 + l1 * absolutes;
    }

    /** The log's line on a corrected decay cost; null when the cost is the book's or there is no decay. */
    String costNote() {
        if (cost == DecayCost.BOOK || (l2 == 0 && l1 == 0)) return null;
        return "cost = cross-entropy + " + l2 + "·Σw²/2 + " + l1 + "·Σ|w| over W and Wo (corrected decay cost: "
                + "the book adds Σw²/2 and Σ|w| without the decays)";
    }
}
