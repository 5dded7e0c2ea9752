package org.lstmlab.nn;

import org.lstmlab.data.Batch;

/**
 * The float64 engine that follows the book step by step (protocol §3–§7). It favours reading over speed:
 * see {@link RnnCell}, {@link LstmCell} and {@link SoftmaxHead} for the equations.
 */
public final class ReferenceEngine implements Engine {

    @Override
    public EngineKind kind() { return EngineKind.REFERENCE; }

    @Override
    public Gradients gradients(Model model, Batch batch, Dropout dropout, boolean withHiddenGradNorms) {
        return gradients(model.params(), ReferenceBatch.of(batch, model.config().classes()), dropout, withHiddenGradNorms);
    }

    /** Forward, loss, and full BPTT of a float64 batch at the given parameters, without dropout. */
    public Gradients gradients(Parameters p, ReferenceBatch batch, boolean withHiddenGradNorms) {
        return gradients(p, batch, Dropout.NONE, withHiddenGradNorms);
    }

    /** Forward, dropout, loss, and full BPTT of a float64 batch at the given parameters. */
    public Gradients gradients(Parameters p, ReferenceBatch batch, Dropout dropout, boolean withHiddenGradNorms) {
        checkFeatures(p, batch);
        RecurrentCell cell = RecurrentCell.of(p);
        double[][] out = cell.forward(batch.timeMajor(), batch.lengths());
        SoftmaxHead.Backward head = SoftmaxHead.backward(p, out, batch.y(), dropout);
        double[] dW = new double[p.w.length], db = new double[p.b.length];
        double[] norms = withHiddenGradNorms ? new double[batch.steps()] : null;
        cell.backward(head.gOut(), batch.lengths(), dW, db, norms);
        return new Gradients(head.loss(), head.correct(), batch.size(), dW, db, head.dWo(), head.dbo(), norms);
    }

    @Override
    public float[][] logits(Model model, Batch batch) {
        double[][] logits = logits(model.params(), ReferenceBatch.of(batch, model.config().classes()));
        float[][] out = new float[logits.length][model.config().classes()];
        for (int r = 0; r < logits.length; r++)
            for (int k = 0; k < out[r].length; k++) out[r][k] = (float) logits[r][k];
        return out;
    }

    public double[][] logits(Parameters p, ReferenceBatch batch) {
        checkFeatures(p, batch);
        double[][] out = RecurrentCell.of(p).forward(batch.timeMajor(), batch.lengths());
        return SoftmaxHead.logits(p, out);
    }

    private static void checkFeatures(Parameters p, ReferenceBatch batch) {
        int f = batch.x()[0].length == 0 ? 0 : batch.x()[0][0].length;
        if (f != p.config.inputs())
            throw new IllegalArgumentException("batch has " + f + " features, the model expects " + p.config.inputs());
        if (batch.y()[0].length != p.config.classes())
            throw new IllegalArgumentException("y has " + batch.y()[0].length + " classes, the model has " + p.config.classes());
    }
}
