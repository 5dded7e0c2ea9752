package org.lstmlab.nn;

import org.lstmlab.recipe.Recipe;
import java.util.Random;

/** A network with its parameters, its optimiser state (kept across training calls) and its recipe. */
public final class Model {
    private final ModelConfig config;
    private final Parameters params;
    private final AdamState adam;
    private Recipe recipe;
    private Parameters best;

    public Model(ModelConfig config, Parameters params, AdamState adam, Recipe recipe) {
        if (params.config != config && !params.config.equals(config))
            throw new IllegalArgumentException("parameters are for " + params.config + ", not " + config);
        this.config = config;
        this.params = params;
        this.adam = adam;
        this.recipe = recipe;
    }

    /** A fresh model initialised as protocol §4, Adam state zero. */
    public static Model init(ModelConfig config, Random rng, Recipe recipe) {
        Parameters p = Parameters.init(config, rng);
        return new Model(config, p, AdamState.zeros(p), recipe);
    }

    public ModelConfig config() { return config; }
    public Parameters params() { return params; }
    public AdamState adam() { return adam; }
    public Recipe recipe() { return recipe; }

    /** The best weights so far of a run under early stopping, kept until the run ends; null otherwise. */
    public Parameters best() { return best; }
    public void best(Parameters p) { this.best = p; }
    public void recipe(Recipe r) { this.recipe = r; }
}
