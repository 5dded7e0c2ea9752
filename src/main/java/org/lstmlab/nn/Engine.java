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

    /** Loss and gradients of the batch at the model's current parameters; nothing is updated. */
    Gradients gradients(Model model, Batch batch, boolean withHiddenGradNorms);

    /**
     * Forward, backward and one Adam update of every tensor (protocol §5.3). The default computes every gradient
     * from the pre-update weights, then updates: the head and the recurrent layer both backprop through the
     * old weights, as in the book.
     */
    default StepResult trainStep(Model model, Batch batch, Adam adam) {
        Gradients g = gradients(model, batch, false);
        model.adam().update(model.params(), g, adam);
        return new StepResult(g.loss(), g.accuracy());
    }

    /** Logits [size][classes]. */
    float[][] logits(Model model, Batch batch);

    @Override
    default void close() {}
}
