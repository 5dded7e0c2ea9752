package org.lstmlab.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The ceiling is measured on a real product: C = A·B against the triple loop, in double. */
class GemmCeilingTest {

    @Test
    void multiplyComputesTheProduct() {
        GemmCeiling g = new GemmCeiling(3);
        g.multiply();
        g.multiply(); // C += A·B, twice
        for (int i = 0; i < GemmCeiling.M; i++)
            for (int j = 0; j < GemmCeiling.N; j++) {
                double want = 0;
                for (int k = 0; k < GemmCeiling.K; k++)
                    want += (double) g.a[i * GemmCeiling.K + k] * g.packedB[GemmCeiling.packedIndex(k, j)];
                assertEquals(2 * want, g.c[i * GemmCeiling.N + j], 1e-4, "C[" + i + "][" + j + "]");
            }
    }
}
