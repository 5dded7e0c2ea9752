package org.lstmlab.teach;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.ReferenceEngine;

/**
 * The course's gradient check: loss and gradients of one batch given as numpy arrays (the layout of
 * {@link Problem#toNpz}), computed in float64 by {@link ReferenceEngine}. Output: loss, accuracy, dW, db, dWo, dbo
 * with the shapes of the inputs they belong to.
 */
public final class NpzGradients {
    private NpzGradients() {}

    public static NpzArrays compute(NpzArrays in, CellType cell) {
        Problem p = Problem.fromNpz(in, cell);
        Gradients g = new ReferenceEngine().gradients(p.parameters(), p.batch(), false);
        int FH = p.W().length, GH = p.W()[0].length, H = p.Wo().length, C = p.bo().length;
        return NpzArrays.create()
                .put("loss", g.loss())
                .put("accuracy", g.accuracy())
                .put("dW", g.dW(), FH, GH)
                .put("db", g.db(), p.b().length)
                .put("dWo", g.dWo(), H, C)
                .put("dbo", g.dbo(), C);
    }
}
