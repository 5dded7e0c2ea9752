package org.lstmlab.train;

import org.lstmlab.data.Batch;
import org.lstmlab.nn.Adam;
import org.lstmlab.nn.Dropout;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.StepResult;

/**
 * A trivially correct test engine: h is the first H features at each sequence's last valid step, the head is the
 * model's (Wo, bo) with softmax cross-entropy (protocol §3.5), after any dropout. Only the head learns; dW and db are
 * zero.
 * Lets the trainer be tested without the real recurrent engines.
 */
class LastStepLinearEngine implements Engine {
    int steps, logitCalls;

    @Override public EngineKind kind() { return EngineKind.REFERENCE; } // a stand-in: the recipe needs some kind

    @Override public Gradients gradients(Model model, Batch batch, Dropout dropout, boolean withNorms) {
        int H = model.config().hidden(), C = model.config().classes(), B = batch.size();
        double[] dWo = new double[H * C], dbo = new double[C], norms = withNorms ? new double[batch.steps()] : null;
        double[] p = new double[C];
        double loss = 0;
        int correct = 0;
        double[][] perStep = withNorms ? new double[batch.steps()][H] : null;
        double[][] hs = new double[B][];
        for (int i = 0; i < B; i++) hs[i] = hidden(model, batch, i);
        hs = dropout.apply(hs);
        for (int i = 0; i < B; i++) {
            double[] h = hs[i];
            double[] z = logits(model, h);
            int arg = 0;
            for (int c = 1; c < C; c++) if (z[c] > z[arg]) arg = c;
            if (arg == batch.labels()[i]) correct++;
            double max = z[arg], sum = 0;
            for (int c = 0; c < C; c++) sum += p[c] = Math.exp(z[c] - max);
            for (int c = 0; c < C; c++) p[c] /= sum;
            loss -= Math.log(p[batch.labels()[i]] + 1e-10);
            for (int c = 0; c < C; c++) {
                double g = (p[c] - (c == batch.labels()[i] ? 1 : 0)) / B;
                dbo[c] += g;
                for (int j = 0; j < H; j++) {
                    dWo[j * C + c] += h[j] * g;
                    if (withNorms) perStep[batch.lengths()[i] - 1][j] += model.params().wo[j * C + c] * g;
                }
            }
        }
        if (withNorms)
            for (int t = 0; t < norms.length; t++) {
                double s = 0;
                for (double v : perStep[t]) s += v * v;
                norms[t] = Math.sqrt(s);
            }
        return new Gradients(loss / B, correct, B, new double[model.params().w.length],
                new double[model.params().b.length], dWo, dbo, norms);
    }

    @Override public StepResult trainStep(Model model, Batch batch, Adam adam, Dropout dropout) {
        steps++;
        Gradients g = gradients(model, batch, dropout, false);
        model.adam().update(model.params(), g, adam);
        return new StepResult(g.loss(), g.accuracy());
    }

    @Override public float[][] logits(Model model, Batch batch) {
        logitCalls++;
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            double[] z = logits(model, hidden(model, batch, i));
            out[i] = new float[z.length];
            for (int c = 0; c < z.length; c++) out[i][c] = (float) z[c];
        }
        return out;
    }

    private static double[] hidden(Model model, Batch batch, int i) {
        double[] h = new double[model.config().hidden()];
        int off = batch.offset(i, batch.lengths()[i] - 1);
        for (int j = 0; j < h.length; j++) h[j] = batch.x()[off + j];
        return h;
    }

    private static double[] logits(Model model, double[] h) {
        int C = model.config().classes();
        double[] z = model.params().bo.clone();
        for (int j = 0; j < h.length; j++) for (int c = 0; c < C; c++) z[c] += h[j] * model.params().wo[j * C + c];
        return z;
    }
}
