package org.lstmlab.nn;

/**
 * A backend that computes one minibatch at a time. The Java engines and the ONNX Runtime engine implement it,
 * so switching engine is one argument.
 */
public interface Engine extends AutoCloseable {

    /** Short name for logs and recipes: "java-reference", "java-fast", "ort", ... */
    String name();

    /** Loss and gradients of the batch at the model's current parameters; nothing is updated. */
    Gradients gradients(Model model, Batch batch, boolean withHiddenGradNorms);

    /** Forward, backward and one Adam update of every tensor (spec §5.3). */
    StepResult trainStep(Model model, Batch batch, Adam adam);

    /** Logits [size][classes]. */
    float[][] logits(Model model, Batch batch);

    @Override
    default void close() {}
}
