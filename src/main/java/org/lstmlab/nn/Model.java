package org.lstmlab.nn;

import java.util.Random;

/** A network with its parameters and its optimiser state (kept across training calls). */
public final class Model {
    private final ModelConfig config;
    private final Parameters params;
    private final AdamState adam;
    private Parameters best;

    public Model(ModelConfig config, Parameters params, AdamState adam) {
        if (params.config != config && !params.config.equals(config))
            throw new IllegalArgumentException("parameters are for " + params.config + ", not " + config);
        this.config = config;
        this.params = params;
        this.adam = adam;
    }

    /** A fresh model initialised as protocol §4, Adam state zero. */
    public static Model init(ModelConfig config, Random rng) {
        Parameters p = Parameters.init(config, rng);
        return new Model(config, p, AdamState.zeros(p));
    }

    public ModelConfig config() { return config; }
    public Parameters params() { return params; }
    public AdamState adam() { return adam; }

    /** The best weights so far of a run under early stopping, kept until the run ends; null otherwise. */
    public Parameters best() { return best; }
    public void best(Parameters p) { this.best = p; }
}
