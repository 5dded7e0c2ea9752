package org.lstmlab.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both kernel paths' products against a plain triple loop, over widths that hit every register block and tail. */
class KernelsTest {

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"SCALAR", "VECTOR"})
    void productsMatchPlainLoops(KernelPath path) {
        Kernels k = Kernels.of(path);
        Random rng = new Random(7);
        for (int n : new int[] {1, 3, 16, 20, 33, 60, 80, 97, 130, 160, 200})
            for (int m : new int[] {1, 3, 4, 5, 6, 9, 130, 261})
                for (int depth : new int[] {1, 5, 8, 20, 23}) {
                    int a0 = 2, aCol = 3, b0 = 1, c0 = 4;
                    float[][] a = random(rng, a0 + Math.max(m, depth), aCol + Math.max(m, depth));
                    float[][] b = random(rng, b0 + Math.max(m, depth), n);
                    float[][] c = random(rng, c0 + Math.max(m, depth), n);
                    float[][] want = copy(c), got = copy(c);
                    k.multiply(a, a0, aCol, m, depth, b, b0, got, c0, n);
                    for (int i = 0; i < m; i++)
                        for (int kk = 0; kk < depth; kk++)
                            for (int j = 0; j < n; j++) want[c0 + i][j] += a[a0 + i][aCol + kk] * b[b0 + kk][j];
                    assertClose(want, got, "multiply n=" + n + " m=" + m + " depth=" + depth);

                    want = copy(c);
                    got = copy(c);
                    k.multiplyTransposed(a, a0, aCol, m, depth, b, b0, got, c0, n);
                    for (int i = 0; i < m; i++)
                        for (int kk = 0; kk < depth; kk++)
                            for (int j = 0; j < n; j++) want[c0 + kk][j] += a[a0 + i][aCol + kk] * b[b0 + i][j];
                    assertClose(want, got, "multiplyTransposed n=" + n + " m=" + m + " depth=" + depth);
                }
    }

    /** Rows padded as the engine pads them, pad columns zero. */
    private static float[][] random(Random rng, int rows, int width) {
        float[][] x = new float[rows][Kernels.paddedWidth(width)];
        for (float[] row : x)
            for (int j = 0; j < width; j++) row[j] = (float) rng.nextGaussian();
        return x;
    }

    private static float[][] copy(float[][] x) {
        float[][] y = new float[x.length][];
        for (int r = 0; r < x.length; r++) y[r] = x[r].clone();
        return y;
    }

    private static void assertClose(float[][] want, float[][] got, String what) {
        for (int r = 0; r < want.length; r++)
            for (int j = 0; j < want[r].length; j++)
                assertEquals(want[r][j], got[r][j], 1e-4 * Math.max(1, Math.abs(want[r][j])), what + " at " + r + "," + j);
    }
}
