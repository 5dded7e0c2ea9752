package org.lstmlab.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both kernel paths' products against a plain triple loop, over widths that hit every register block and tail; the
 * vector LSTM kernels against the plain order of operations, bit for bit, on saturated gates and flushed values.
 */
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

    /**
     * Rows as training on the book's unscaled features produces them: gates saturated at σ's floor or at 1, states
     * and gradients from 2^-70 to 2^5 and zero; G_c carried in is zero or at least FLUSH (it comes flushed from the
     * later step). The vector kernel must give the scalar kernel's floats exactly.
     */
    @Test
    void vectorLstmBackwardGivesThePlainKernelsFloats() {
        Kernels vector = Kernels.of(KernelPath.VECTOR), plain = Kernels.of(KernelPath.SCALAR);
        Random rng = new Random(11);
        int tinyOutputs = 0;
        for (int H : new int[] {16, 20, 37}) {
            for (int trial = 0; trial < 3000; trial++) {
                float[] act = new float[Kernels.paddedWidth(4 * H)], tanhC = new float[Kernels.paddedWidth(H)];
                float[] cPrev = new float[Kernels.paddedWidth(H)], gH = new float[Kernels.paddedWidth(H)];
                float[] gC = new float[Kernels.paddedWidth(H)];
                for (int j = 0; j < 3 * H; j++) act[j] = gate(rng);
                for (int j = 3 * H; j < 4 * H; j++) act[j] = 2 * gate(rng) - 1;
                for (int j = 0; j < H; j++) {
                    tanhC[j] = 2 * gate(rng) - 1;
                    cPrev[j] = magnitude(rng, -70, 7);
                    gH[j] = magnitude(rng, -70, 5);
                    float carried = magnitude(rng, -50, 5);
                    gC[j] = Math.abs(carried) < Kernels.FLUSH ? 0f : carried;
                }
                float[] wantPrev = new float[gC.length], gotPrev = new float[gC.length];
                float[] wantA = new float[act.length], gotA = new float[act.length];
                plain.lstmBackward(act, tanhC, cPrev, gH, gC, wantPrev, wantA, H);
                vector.lstmBackward(act, tanhC, cPrev, gH, gC, gotPrev, gotA, H);
                for (int j = 0; j < H; j++)
                    assertEquals(Float.floatToRawIntBits(wantPrev[j]), Float.floatToRawIntBits(gotPrev[j]),
                            "G_c(t-1) at H=" + H + " lane " + j + ": " + wantPrev[j] + " vs " + gotPrev[j]);
                for (int j = 0; j < 4 * H; j++) {
                    assertEquals(Float.floatToRawIntBits(wantA[j]), Float.floatToRawIntBits(gotA[j]),
                            "G_a at H=" + H + " lane " + j + ": " + wantA[j] + " vs " + gotA[j]);
                    if (wantA[j] != 0 && Math.abs(wantA[j]) < 0x1p10f * Kernels.FLUSH) tinyOutputs++;
                }
            }
        }
        assertTrue(tinyOutputs > 100, "the rows reach the flush threshold's neighbourhood: " + tinyOutputs);
    }

    /** The vector forward's c and h against the plain formulas on the gates it computed itself. */
    @Test
    void vectorLstmForwardCellAndOutputAreThePlainFormulas() {
        Kernels vector = Kernels.of(KernelPath.VECTOR);
        Random rng = new Random(13);
        int saturated = 0;
        for (int H : new int[] {16, 20, 37}) {
            for (int trial = 0; trial < 3000; trial++) {
                float[] a = new float[Kernels.paddedWidth(4 * H)], cPrev = new float[Kernels.paddedWidth(H)];
                for (int j = 0; j < 4 * H; j++) a[j] = magnitude(rng, -20, 10); // up to ±1024, as unscaled features give
                for (int j = 0; j < H; j++) cPrev[j] = magnitude(rng, -70, 7);
                float[] act = new float[a.length], c = new float[cPrev.length], tanhC = new float[cPrev.length];
                float[] h = new float[cPrev.length + 3];
                vector.lstmForward(a, cPrev, act, c, tanhC, h, 3, H);
                for (int j = 0; j < H; j++) {
                    float f = act[j], i = act[H + j], o = act[2 * H + j], g = act[3 * H + j];
                    if (Math.min(f, Math.min(i, o)) < 2 * Kernels.FLUSH) saturated++;
                    assertEquals(Float.floatToRawIntBits(ScalarKernels.flush(f * cPrev[j] + i * g)),
                            Float.floatToRawIntBits(c[j]), "c at H=" + H + " lane " + j);
                    assertEquals(Float.floatToRawIntBits(ScalarKernels.flush(o * tanhC[j])),
                            Float.floatToRawIntBits(h[3 + j]), "h at H=" + H + " lane " + j);
                }
            }
        }
        assertTrue(saturated > 1000, "gates saturated at σ's floor: " + saturated);
    }

    /** A gate value: σ's floor, 1 − 2^-24, exactly 1/2, near the floor, or uniform in (0, 1). */
    private static float gate(Random rng) {
        return switch (rng.nextInt(6)) {
            case 0 -> (float) Math.exp(-Kernels.SATURATED);
            case 1 -> 1f - 0x1p-24f;
            case 2 -> 0.5f;
            case 3 -> (float) Math.exp(-Kernels.SATURATED * rng.nextDouble());
            default -> rng.nextFloat();
        };
    }

    /** ± 2^e with e uniform in [lo, hi), or zero one time in eight. */
    private static float magnitude(Random rng, int lo, int hi) {
        if (rng.nextInt(8) == 0) return 0f;
        float x = (float) Math.pow(2, lo + (hi - lo) * rng.nextDouble());
        return rng.nextBoolean() ? x : -x;
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
