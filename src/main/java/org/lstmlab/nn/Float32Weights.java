package org.lstmlab.nn;

/** Float32 copies of the recurrent layer's W and b for one call of {@link Float32Engine}, shared read-only by its threads. */
final class Float32Weights {
    final int F, H, GH;
    /** W as padded rows: rows [0, F) act on x_t, rows [F, F+H) on h_{t−1}. */
    final float[][] w;
    /** b as one padded row; for the GRU its first three blocks, b_x = (b_z, b_r, b_n). */
    final float[] b;
    /** GRU: b_h = (0, 0, b_hn) as one padded row, added to h_{t−1}·W_h; else null. */
    final float[] bh;
    /** The recurrent rows transposed, [GH][H]: G_h(t−1) = G_a · W_hᵀ. */
    final float[][] whT;

    Float32Weights(Parameters p) {
        F = p.config.inputs();
        H = p.config.hidden();
        GH = p.config.gateWidth();
        w = new float[F + H][Kernels.paddedWidth(GH)];
        b = new float[Kernels.paddedWidth(GH)];
        whT = new float[GH][Kernels.paddedWidth(H)];
        for (int k = 0; k < F + H; k++)
            for (int j = 0; j < GH; j++) w[k][j] = (float) p.w[k * GH + j];
        for (int j = 0; j < GH; j++) b[j] = (float) p.b[j];
        bh = p.config.cell() == CellType.GRU ? new float[Kernels.paddedWidth(GH)] : null;
        if (bh != null) for (int j = 0; j < H; j++) bh[2 * H + j] = (float) p.b[GH + j];
        for (int j = 0; j < GH; j++)
            for (int k = 0; k < H; k++) whT[j][k] = w[F + k][j];
    }
}
