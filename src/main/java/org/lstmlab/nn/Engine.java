package org.lstmlab.nn;

import org.lstmlab.data.Batch;

/**
 * A backend that computes one minibatch at a time. The Java engines and the ONNX Runtime engine implement it,
 * so switching engine is one argument.
 */
public interface Engine extends AutoCloseable {

    EngineKind kind();

    /** The threads a batch is split across; a history is reproducible only with the same engine and threads. */
    default int threads() { return 1; }

    /**
     * Loss and gradients of the batch at the model's current parameters, with this dropout mask between the
     * recurrent output and the head (protocol §9.3); nothing is updated.
     */
    Gradients gradients(Model model, Batch batch, Dropout dropout, boolean withHiddenGradNorms);

    /** Loss and gradients without dropout. */
    default Gradients gradients(Model model, Batch batch, boolean withHiddenGradNorms) {
        return gradients(model, batch, Dropout.NONE, withHiddenGradNorms);
    }

    /**
     * Forward, backward and one Adam update of every tensor, decays included (protocol §5.3, §9). The default
     * computes every gradient from the pre-update weights, then updates: the head and the recurrent layer both
     * backprop through the old weights, as in the book.
     */
    default StepResult trainStep(Model model, Batch batch, Adam adam, Dropout dropout) {
        Gradients g = gradients(model, batch, dropout, false);
        model.adam().update(model.params(), g, adam);
        return new StepResult(g.loss(), g.accuracy());
    }

    /** A training step without dropout. */
    default StepResult trainStep(Model model, Batch batch, Adam adam) { return trainStep(model, batch, adam, Dropout.NONE); }

    /** Logits [size][classes]. */
    float[][] logits(Model model, Batch batch);

    @Override
    default void close() {}
}
