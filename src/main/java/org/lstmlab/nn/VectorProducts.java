package org.lstmlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products of {@link VectorKernels}, as register blocks of 4 output rows × 5, 2 or 1 vectors, of
 * 5 rows × 4 vectors for products three to four vectors wide, and of 8 rows × 2 vectors for products at most two
 * vectors wide (the RNN's H = 20): per step of the inner loop a block loads its vectors of B once and broadcasts one
 * scalar of A per row, so bigger blocks do more FMAs per load. The LSTM's gate width 4H = 80 is exactly one 5-vector
 * block at 16 lanes, the GRU's 3H = 60 one 4-vector block; its blocks take 5 rows (the book's batch of 10 in two),
 * since 4 rows × 4 vectors left it bound by loads and loop overhead (35% of the GEMM ceiling against the LSTM's 52%
 * on one thread). The rows* and columns* blocks differ only in
 * where those scalars come from (along a row of A, or across columns of it), which Java cannot abstract without
 * losing the registers. Blocks may run into the rows' padding (see {@link Kernels#paddedWidth}).
 */
final class VectorProducts {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows per pass of multiplyTransposed, so that the slice stays in cache. */
    private static final int CHUNK = 128;

    private VectorProducts() {}

    /** See {@link Kernels#multiply}. */
    static void multiply(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0,
                         float[][] c, int c0, int n) {
        float[] spare = null;
        int i = 0;
        if (n <= 2 * L)
            for (; i + 8 <= m; i += 8) rows8x2(a, a0 + i, aCol, depth, b, b0, c, c0 + i);
        else if (n > 3 * L && n <= 4 * L)
            for (; i + 5 <= m; i += 5) rows5x4(a, a0 + i, aCol, depth, b, b0, c, c0 + i);
        for (; i < m; i += 4) {
            int rows = Math.min(4, m - i);
            if (rows == 1) {
                row(a[a0 + i], aCol, depth, b, b0, c[c0 + i], n);
                break;
            }
            // 2 or 3 rows still go through a 4-row block, the missing rows repeating row 1 into a spare output:
            // the wasted FMAs cost less than the same rows done one at a time.
            if (rows < 4 && spare == null) spare = new float[c[c0 + i].length];
            float[] x0 = a[a0 + i], x1 = a[a0 + i + 1], y0 = c[c0 + i], y1 = c[c0 + i + 1];
            float[] x2 = rows > 2 ? a[a0 + i + 2] : x1, y2 = rows > 2 ? c[c0 + i + 2] : spare;
            float[] x3 = rows > 3 ? a[a0 + i + 3] : x1, y3 = rows > 3 ? c[c0 + i + 3] : spare;
            for (int j = 0; j < n; ) {
                int left = n - j;
                if (left > 4 * L) {
                    rows4x5(x0, x1, x2, x3, aCol, depth, b, b0, y0, y1, y2, y3, j);
                    j += 5 * L;
                } else if (left > L) {
                    rows4x2(x0, x1, x2, x3, aCol, depth, b, b0, y0, y1, y2, y3, j);
                    j += 2 * L;
                } else {
                    rows4x1(x0, x1, x2, x3, aCol, depth, b, b0, y0, y1, y2, y3, j);
                    j += L;
                }
            }
        }
    }

    /** See {@link Kernels#multiplyTransposed}. The same blocks as {@link #multiply}, with A read down its columns. */
    static void multiplyTransposed(float[][] a, int a0, int aCol, int m, int depth, float[][] b, int b0,
                                   float[][] c, int c0, int n) {
        for (int from = 0; from < m; from += CHUNK) {
            int to = Math.min(m, from + CHUNK);
            int k = 0;
            if (n <= 2 * L)
                for (; k + 8 <= depth; k += 8) columns8x2(a, a0, aCol + k, from, to, b, b0, c, c0 + k);
            else if (n > 3 * L && n <= 4 * L)
                for (; k + 5 <= depth; k += 5) columns5x4(a, a0, aCol + k, from, to, b, b0, c, c0 + k);
            for (; k + 4 <= depth; k += 4) {
                float[] y0 = c[c0 + k], y1 = c[c0 + k + 1], y2 = c[c0 + k + 2], y3 = c[c0 + k + 3];
                int col = aCol + k;
                for (int j = 0; j < n; ) {
                    int left = n - j;
                    if (left > 4 * L) {
                        columns4x5(a, a0, col, from, to, b, b0, y0, y1, y2, y3, j);
                        j += 5 * L;
                    } else if (left > L) {
                        columns4x2(a, a0, col, from, to, b, b0, y0, y1, y2, y3, j);
                        j += 2 * L;
                    } else {
                        columns4x1(a, a0, col, from, to, b, b0, y0, y1, y2, y3, j);
                        j += L;
                    }
                }
            }
            for (; k < depth; k++)
                for (int j = 0; j < n; j += L) {
                    float[] y = c[c0 + k];
                    FloatVector s = FloatVector.fromArray(S, y, j);
                    for (int i = from; i < to; i++)
                        s = FloatVector.fromArray(S, b[b0 + i], j).fma(FloatVector.broadcast(S, a[a0 + i][aCol + k]), s);
                    s.intoArray(y, j);
                }
        }
    }

    /** y[0..n) += Σ_k x[aCol+k] · b[b0+k], with 4 interleaved sums so that the FMAs need not wait on each other. */
    private static void row(float[] x, int aCol, int depth, float[][] b, int b0, float[] y, int n) {
        for (int j = 0; j < n; j += L) {
            FloatVector s0 = FloatVector.fromArray(S, y, j), s1 = FloatVector.zero(S);
            FloatVector s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
            int k = 0;
            for (; k + 4 <= depth; k += 4) {
                int at = aCol + k;
                s0 = FloatVector.fromArray(S, b[b0 + k], j).fma(FloatVector.broadcast(S, x[at]), s0);
                s1 = FloatVector.fromArray(S, b[b0 + k + 1], j).fma(FloatVector.broadcast(S, x[at + 1]), s1);
                s2 = FloatVector.fromArray(S, b[b0 + k + 2], j).fma(FloatVector.broadcast(S, x[at + 2]), s2);
                s3 = FloatVector.fromArray(S, b[b0 + k + 3], j).fma(FloatVector.broadcast(S, x[at + 3]), s3);
            }
            for (; k < depth; k++)
                s0 = FloatVector.fromArray(S, b[b0 + k], j).fma(FloatVector.broadcast(S, x[aCol + k]), s0);
            s0.add(s1).add(s2.add(s3)).intoArray(y, j);
        }
    }

    /** y0..y3[j, j + 5L) += Σ_k x0..x3[aCol+k] · b[b0+k][j, j + 5L). */
    private static void rows4x5(float[] x0, float[] x1, float[] x2, float[] x3, int aCol, int depth, float[][] b,
                                int b0, float[] y0, float[] y1, float[] y2, float[] y3, int j) {
        int j1 = j + L, j2 = j + 2 * L, j3 = j + 3 * L, j4 = j + 4 * L;
        FloatVector p0 = FloatVector.fromArray(S, y0, j), p1 = FloatVector.fromArray(S, y1, j);
        FloatVector p2 = FloatVector.fromArray(S, y2, j), p3 = FloatVector.fromArray(S, y3, j);
        FloatVector q0 = FloatVector.fromArray(S, y0, j1), q1 = FloatVector.fromArray(S, y1, j1);
        FloatVector q2 = FloatVector.fromArray(S, y2, j1), q3 = FloatVector.fromArray(S, y3, j1);
        FloatVector r0 = FloatVector.fromArray(S, y0, j2), r1 = FloatVector.fromArray(S, y1, j2);
        FloatVector r2 = FloatVector.fromArray(S, y2, j2), r3 = FloatVector.fromArray(S, y3, j2);
        FloatVector s0 = FloatVector.fromArray(S, y0, j3), s1 = FloatVector.fromArray(S, y1, j3);
        FloatVector s2 = FloatVector.fromArray(S, y2, j3), s3 = FloatVector.fromArray(S, y3, j3);
        FloatVector t0 = FloatVector.fromArray(S, y0, j4), t1 = FloatVector.fromArray(S, y1, j4);
        FloatVector t2 = FloatVector.fromArray(S, y2, j4), t3 = FloatVector.fromArray(S, y3, j4);
        for (int k = 0; k < depth; k++) {
            float[] bk = b[b0 + k];
            int at = aCol + k;
            FloatVector e0 = FloatVector.broadcast(S, x0[at]), e1 = FloatVector.broadcast(S, x1[at]);
            FloatVector e2 = FloatVector.broadcast(S, x2[at]), e3 = FloatVector.broadcast(S, x3[at]);
            FloatVector w = FloatVector.fromArray(S, bk, j);
            p0 = w.fma(e0, p0); p1 = w.fma(e1, p1); p2 = w.fma(e2, p2); p3 = w.fma(e3, p3);
            w = FloatVector.fromArray(S, bk, j1);
            q0 = w.fma(e0, q0); q1 = w.fma(e1, q1); q2 = w.fma(e2, q2); q3 = w.fma(e3, q3);
            w = FloatVector.fromArray(S, bk, j2);
            r0 = w.fma(e0, r0); r1 = w.fma(e1, r1); r2 = w.fma(e2, r2); r3 = w.fma(e3, r3);
            w = FloatVector.fromArray(S, bk, j3);
            s0 = w.fma(e0, s0); s1 = w.fma(e1, s1); s2 = w.fma(e2, s2); s3 = w.fma(e3, s3);
            w = FloatVector.fromArray(S, bk, j4);
            t0 = w.fma(e0, t0); t1 = w.fma(e1, t1); t2 = w.fma(e2, t2); t3 = w.fma(e3, t3);
        }
        p0.intoArray(y0, j); p1.intoArray(y1, j); p2.intoArray(y2, j); p3.intoArray(y3, j);
        q0.intoArray(y0, j1); q1.intoArray(y1, j1); q2.intoArray(y2, j1); q3.intoArray(y3, j1);
        r0.intoArray(y0, j2); r1.intoArray(y1, j2); r2.intoArray(y2, j2); r3.intoArray(y3, j2);
        s0.intoArray(y0, j3); s1.intoArray(y1, j3); s2.intoArray(y2, j3); s3.intoArray(y3, j3);
        t0.intoArray(y0, j4); t1.intoArray(y1, j4); t2.intoArray(y2, j4); t3.intoArray(y3, j4);
    }

    /** y0..y3[j, j + 2L) += Σ_k x0..x3[aCol+k] · b[b0+k][j, j + 2L). */
    private static void rows4x2(float[] x0, float[] x1, float[] x2, float[] x3, int aCol, int depth, float[][] b,
                                int b0, float[] y0, float[] y1, float[] y2, float[] y3, int j) {
        int j1 = j + L;
        FloatVector p0 = FloatVector.fromArray(S, y0, j), p1 = FloatVector.fromArray(S, y1, j);
        FloatVector p2 = FloatVector.fromArray(S, y2, j), p3 = FloatVector.fromArray(S, y3, j);
        FloatVector q0 = FloatVector.fromArray(S, y0, j1), q1 = FloatVector.fromArray(S, y1, j1);
        FloatVector q2 = FloatVector.fromArray(S, y2, j1), q3 = FloatVector.fromArray(S, y3, j1);
        for (int k = 0; k < depth; k++) {
            float[] bk = b[b0 + k];
            int at = aCol + k;
            FloatVector e0 = FloatVector.broadcast(S, x0[at]), e1 = FloatVector.broadcast(S, x1[at]);
            FloatVector e2 = FloatVector.broadcast(S, x2[at]), e3 = FloatVector.broadcast(S, x3[at]);
            FloatVector w = FloatVector.fromArray(S, bk, j);
            p0 = w.fma(e0, p0); p1 = w.fma(e1, p1); p2 = w.fma(e2, p2); p3 = w.fma(e3, p3);
            w = FloatVector.fromArray(S, bk, j1);
            q0 = w.fma(e0, q0); q1 = w.fma(e1, q1); q2 = w.fma(e2, q2); q3 = w.fma(e3, q3);
        }
        p0.intoArray(y0, j); p1.intoArray(y1, j); p2.intoArray(y2, j); p3.intoArray(y3, j);
        q0.intoArray(y0, j1); q1.intoArray(y1, j1); q2.intoArray(y2, j1); q3.intoArray(y3, j1);
    }

    /** y0..y3[j, j + L) += Σ_k x0..x3[aCol+k] · b[b0+k][j, j + L). */
    private static void rows4x1(float[] x0, float[] x1, float[] x2, float[] x3, int aCol, int depth, float[][] b,
                                int b0, float[] y0, float[] y1, float[] y2, float[] y3, int j) {
        FloatVector p0 = FloatVector.fromArray(S, y0, j), p1 = FloatVector.fromArray(S, y1, j);
        FloatVector p2 = FloatVector.fromArray(S, y2, j), p3 = FloatVector.fromArray(S, y3, j);
        for (int k = 0; k < depth; k++) {
            int at = aCol + k;
            FloatVector w = FloatVector.fromArray(S, b[b0 + k], j);
            p0 = w.fma(FloatVector.broadcast(S, x0[at]), p0);
            p1 = w.fma(FloatVector.broadcast(S, x1[at]), p1);
            p2 = w.fma(FloatVector.broadcast(S, x2[at]), p2);
            p3 = w.fma(FloatVector.broadcast(S, x3[at]), p3);
        }
        p0.intoArray(y0, j); p1.intoArray(y1, j); p2.intoArray(y2, j); p3.intoArray(y3, j);
    }

    /** y0..y3[j, j + 5L) += Σ_{i in [from, to)} a[a0+i][col..col+4) ⊗ b[b0+i][j, j + 5L). */
    private static void columns4x5(float[][] a, int a0, int col, int from, int to, float[][] b, int b0,
                                   float[] y0, float[] y1, float[] y2, float[] y3, int j) {
        int j1 = j + L, j2 = j + 2 * L, j3 = j + 3 * L, j4 = j + 4 * L;
        FloatVector p0 = FloatVector.fromArray(S, y0, j), p1 = FloatVector.fromArray(S, y1, j);
        FloatVector p2 = FloatVector.fromArray(S, y2, j), p3 = FloatVector.fromArray(S, y3, j);
        FloatVector q0 = FloatVector.fromArray(S, y0, j1), q1 = FloatVector.fromArray(S, y1, j1);
        FloatVector q2 = FloatVector.fromArray(S, y2, j1), q3 = FloatVector.fromArray(S, y3, j1);
        FloatVector r0 = FloatVector.fromArray(S, y0, j2), r1 = FloatVector.fromArray(S, y1, j2);
        FloatVector r2 = FloatVector.fromArray(S, y2, j2), r3 = FloatVector.fromArray(S, y3, j2);
        FloatVector s0 = FloatVector.fromArray(S, y0, j3), s1 = FloatVector.fromArray(S, y1, j3);
        FloatVector s2 = FloatVector.fromArray(S, y2, j3), s3 = FloatVector.fromArray(S, y3, j3);
        FloatVector t0 = FloatVector.fromArray(S, y0, j4), t1 = FloatVector.fromArray(S, y1, j4);
        FloatVector t2 = FloatVector.fromArray(S, y2, j4), t3 = FloatVector.fromArray(S, y3, j4);
        for (int i = from; i < to; i++) {
            float[] x = a[a0 + i], bi = b[b0 + i];
            FloatVector e0 = FloatVector.broadcast(S, x[col]), e1 = FloatVector.broadcast(S, x[col + 1]);
            FloatVector e2 = FloatVector.broadcast(S, x[col + 2]), e3 = FloatVector.broadcast(S, x[col + 3]);
            FloatVector w = FloatVector.fromArray(S, bi, j);
            p0 = w.fma(e0, p0); p1 = w.fma(e1, p1); p2 = w.fma(e2, p2); p3 = w.fma(e3, p3);
            w = FloatVector.fromArray(S, bi, j1);
            q0 = w.fma(e0, q0); q1 = w.fma(e1, q1); q2 = w.fma(e2, q2); q3 = w.fma(e3, q3);
            w = FloatVector.fromArray(S, bi, j2);
            r0 = w.fma(e0, r0); r1 = w.fma(e1, r1); r2 = w.fma(e2, r2); r3 = w.fma(e3, r3);
            w = FloatVector.fromArray(S, bi, j3);
            s0 = w.fma(e0, s0); s1 = w.fma(e1, s1); s2 = w.fma(e2, s2); s3 = w.fma(e3, s3);
            w = FloatVector.fromArray(S, bi, j4);
            t0 = w.fma(e0, t0); t1 = w.fma(e1, t1); t2 = w.fma(e2, t2); t3 = w.fma(e3, t3);
        }
        p0.intoArray(y0, j); p1.intoArray(y1, j); p2.intoArray(y2, j); p3.intoArray(y3, j);
        q0.intoArray(y0, j1); q1.intoArray(y1, j1); q2.intoArray(y2, j1); q3.intoArray(y3, j1);
        r0.intoArray(y0, j2); r1.intoArray(y1, j2); r2.intoArray(y2, j2); r3.intoArray(y3, j2);
        s0.intoArray(y0, j3); s1.intoArray(y1, j3); s2.intoArray(y2, j3); s3.intoArray(y3, j3);
        t0.intoArray(y0, j4); t1.intoArray(y1, j4); t2.intoArray(y2, j4); t3.intoArray(y3, j4);
    }

    /** y0..y3[j, j + 2L) += Σ_{i in [from, to)} a[a0+i][col..col+4) ⊗ b[b0+i][j, j + 2L). */
    private static void columns4x2(float[][] a, int a0, int col, int from, int to, float[][] b, int b0,
                                   float[] y0, float[] y1, float[] y2, float[] y3, int j) {
        int j1 = j + L;
        FloatVector p0 = FloatVector.fromArray(S, y0, j), p1 = FloatVector.fromArray(S, y1, j);
        FloatVector p2 = FloatVector.fromArray(S, y2, j), p3 = FloatVector.fromArray(S, y3, j);
        FloatVector q0 = FloatVector.fromArray(S, y0, j1), q1 = FloatVector.fromArray(S, y1, j1);
        FloatVector q2 = FloatVector.fromArray(S, y2, j1), q3 = FloatVector.fromArray(S, y3, j1);
        for (int i = from; i < to; i++) {
            float[] x = a[a0 + i], bi = b[b0 + i];
            FloatVector e0 = FloatVector.broadcast(S, x[col]), e1 = FloatVector.broadcast(S, x[col + 1]);
            FloatVector e2 = FloatVector.broadcast(S, x[col + 2]), e3 = FloatVector.broadcast(S, x[col + 3]);
            FloatVector w = FloatVector.fromArray(S, bi, j);
            p0 = w.fma(e0, p0); p1 = w.fma(e1, p1); p2 = w.fma(e2, p2); p3 = w.fma(e3, p3);
            w = FloatVector.fromArray(S, bi, j1);
            q0 = w.fma(e0, q0); q1 = w.fma(e1, q1); q2 = w.fma(e2, q2); q3 = w.fma(e3, q3);
        }
        p0.intoArray(y0, j); p1.intoArray(y1, j); p2.intoArray(y2, j); p3.intoArray(y3, j);
        q0.intoArray(y0, j1); q1.intoArray(y1, j1); q2.intoArray(y2, j1); q3.intoArray(y3, j1);
    }

    /** y0..y3[j, j + L) += Σ_{i in [from, to)} a[a0+i][col..col+4) ⊗ b[b0+i][j, j + L). */
    private static void columns4x1(float[][] a, int a0, int col, int from, int to, float[][] b, int b0,
                                   float[] y0, float[] y1, float[] y2, float[] y3, int j) {
        FloatVector p0 = FloatVector.fromArray(S, y0, j), p1 = FloatVector.fromArray(S, y1, j);
        FloatVector p2 = FloatVector.fromArray(S, y2, j), p3 = FloatVector.fromArray(S, y3, j);
        for (int i = from; i < to; i++) {
            float[] x = a[a0 + i];
            FloatVector w = FloatVector.fromArray(S, b[b0 + i], j);
            p0 = w.fma(FloatVector.broadcast(S, x[col]), p0);
            p1 = w.fma(FloatVector.broadcast(S, x[col + 1]), p1);
            p2 = w.fma(FloatVector.broadcast(S, x[col + 2]), p2);
            p3 = w.fma(FloatVector.broadcast(S, x[col + 3]), p3);
        }
        p0.intoArray(y0, j); p1.intoArray(y1, j); p2.intoArray(y2, j); p3.intoArray(y3, j);
    }

    /** c[cRow..cRow+5)[0, 4L) += a[aRow..aRow+5)[aCol..aCol+depth) · b[b0..b0+depth)[0, 4L). */
    private static void rows5x4(float[][] a, int aRow, int aCol, int depth, float[][] b, int b0, float[][] c, int cRow) {
        float[] x0 = a[aRow], x1 = a[aRow + 1], x2 = a[aRow + 2], x3 = a[aRow + 3], x4 = a[aRow + 4];
        float[] y0 = c[cRow], y1 = c[cRow + 1], y2 = c[cRow + 2], y3 = c[cRow + 3], y4 = c[cRow + 4];
        int j1 = L, j2 = 2 * L, j3 = 3 * L;
        FloatVector p0 = FloatVector.fromArray(S, y0, 0), p1 = FloatVector.fromArray(S, y1, 0);
        FloatVector p2 = FloatVector.fromArray(S, y2, 0), p3 = FloatVector.fromArray(S, y3, 0);
        FloatVector p4 = FloatVector.fromArray(S, y4, 0);
        FloatVector q0 = FloatVector.fromArray(S, y0, j1), q1 = FloatVector.fromArray(S, y1, j1);
        FloatVector q2 = FloatVector.fromArray(S, y2, j1), q3 = FloatVector.fromArray(S, y3, j1);
        FloatVector q4 = FloatVector.fromArray(S, y4, j1);
        FloatVector r0 = FloatVector.fromArray(S, y0, j2), r1 = FloatVector.fromArray(S, y1, j2);
        FloatVector r2 = FloatVector.fromArray(S, y2, j2), r3 = FloatVector.fromArray(S, y3, j2);
        FloatVector r4 = FloatVector.fromArray(S, y4, j2);
        FloatVector s0 = FloatVector.fromArray(S, y0, j3), s1 = FloatVector.fromArray(S, y1, j3);
        FloatVector s2 = FloatVector.fromArray(S, y2, j3), s3 = FloatVector.fromArray(S, y3, j3);
        FloatVector s4 = FloatVector.fromArray(S, y4, j3);
        for (int k = 0; k < depth; k++) {
            float[] bk = b[b0 + k];
            int at = aCol + k;
            FloatVector e0 = FloatVector.broadcast(S, x0[at]), e1 = FloatVector.broadcast(S, x1[at]);
            FloatVector e2 = FloatVector.broadcast(S, x2[at]), e3 = FloatVector.broadcast(S, x3[at]);
            FloatVector e4 = FloatVector.broadcast(S, x4[at]);
            FloatVector w = FloatVector.fromArray(S, bk, 0);
            p0 = w.fma(e0, p0); p1 = w.fma(e1, p1); p2 = w.fma(e2, p2); p3 = w.fma(e3, p3); p4 = w.fma(e4, p4);
            w = FloatVector.fromArray(S, bk, j1);
            q0 = w.fma(e0, q0); q1 = w.fma(e1, q1); q2 = w.fma(e2, q2); q3 = w.fma(e3, q3); q4 = w.fma(e4, q4);
            w = FloatVector.fromArray(S, bk, j2);
            r0 = w.fma(e0, r0); r1 = w.fma(e1, r1); r2 = w.fma(e2, r2); r3 = w.fma(e3, r3); r4 = w.fma(e4, r4);
            w = FloatVector.fromArray(S, bk, j3);
            s0 = w.fma(e0, s0); s1 = w.fma(e1, s1); s2 = w.fma(e2, s2); s3 = w.fma(e3, s3); s4 = w.fma(e4, s4);
        }
        p0.intoArray(y0, 0); p1.intoArray(y1, 0); p2.intoArray(y2, 0); p3.intoArray(y3, 0); p4.intoArray(y4, 0);
        q0.intoArray(y0, j1); q1.intoArray(y1, j1); q2.intoArray(y2, j1); q3.intoArray(y3, j1); q4.intoArray(y4, j1);
        r0.intoArray(y0, j2); r1.intoArray(y1, j2); r2.intoArray(y2, j2); r3.intoArray(y3, j2); r4.intoArray(y4, j2);
        s0.intoArray(y0, j3); s1.intoArray(y1, j3); s2.intoArray(y2, j3); s3.intoArray(y3, j3); s4.intoArray(y4, j3);
    }

    /** c[cRow..cRow+5)[0, 4L) += Σ_{i in [from, to)} a[a0+i][col..col+5) ⊗ b[b0+i][0, 4L). */
    private static void columns5x4(float[][] a, int a0, int col, int from, int to, float[][] b, int b0,
                                   float[][] c, int cRow) {
        float[] y0 = c[cRow], y1 = c[cRow + 1], y2 = c[cRow + 2], y3 = c[cRow + 3], y4 = c[cRow + 4];
        int j1 = L, j2 = 2 * L, j3 = 3 * L;
        FloatVector p0 = FloatVector.fromArray(S, y0, 0), p1 = FloatVector.fromArray(S, y1, 0);
        FloatVector p2 = FloatVector.fromArray(S, y2, 0), p3 = FloatVector.fromArray(S, y3, 0);
        FloatVector p4 = FloatVector.fromArray(S, y4, 0);
        FloatVector q0 = FloatVector.fromArray(S, y0, j1), q1 = FloatVector.fromArray(S, y1, j1);
        FloatVector q2 = FloatVector.fromArray(S, y2, j1), q3 = FloatVector.fromArray(S, y3, j1);
        FloatVector q4 = FloatVector.fromArray(S, y4, j1);
        FloatVector r0 = FloatVector.fromArray(S, y0, j2), r1 = FloatVector.fromArray(S, y1, j2);
        FloatVector r2 = FloatVector.fromArray(S, y2, j2), r3 = FloatVector.fromArray(S, y3, j2);
        FloatVector r4 = FloatVector.fromArray(S, y4, j2);
        FloatVector s0 = FloatVector.fromArray(S, y0, j3), s1 = FloatVector.fromArray(S, y1, j3);
        FloatVector s2 = FloatVector.fromArray(S, y2, j3), s3 = FloatVector.fromArray(S, y3, j3);
        FloatVector s4 = FloatVector.fromArray(S, y4, j3);
        for (int i = from; i < to; i++) {
            float[] x = a[a0 + i], bi = b[b0 + i];
            FloatVector e0 = FloatVector.broadcast(S, x[col]), e1 = FloatVector.broadcast(S, x[col + 1]);
            FloatVector e2 = FloatVector.broadcast(S, x[col + 2]), e3 = FloatVector.broadcast(S, x[col + 3]);
            FloatVector e4 = FloatVector.broadcast(S, x[col + 4]);
            FloatVector w = FloatVector.fromArray(S, bi, 0);
            p0 = w.fma(e0, p0); p1 = w.fma(e1, p1); p2 = w.fma(e2, p2); p3 = w.fma(e3, p3); p4 = w.fma(e4, p4);
            w = FloatVector.fromArray(S, bi, j1);
            q0 = w.fma(e0, q0); q1 = w.fma(e1, q1); q2 = w.fma(e2, q2); q3 = w.fma(e3, q3); q4 = w.fma(e4, q4);
            w = FloatVector.fromArray(S, bi, j2);
            r0 = w.fma(e0, r0); r1 = w.fma(e1, r1); r2 = w.fma(e2, r2); r3 = w.fma(e3, r3); r4 = w.fma(e4, r4);
            w = FloatVector.fromArray(S, bi, j3);
            s0 = w.fma(e0, s0); s1 = w.fma(e1, s1); s2 = w.fma(e2, s2); s3 = w.fma(e3, s3); s4 = w.fma(e4, s4);
        }
        p0.intoArray(y0, 0); p1.intoArray(y1, 0); p2.intoArray(y2, 0); p3.intoArray(y3, 0); p4.intoArray(y4, 0);
        q0.intoArray(y0, j1); q1.intoArray(y1, j1); q2.intoArray(y2, j1); q3.intoArray(y3, j1); q4.intoArray(y4, j1);
        r0.intoArray(y0, j2); r1.intoArray(y1, j2); r2.intoArray(y2, j2); r3.intoArray(y3, j2); r4.intoArray(y4, j2);
        s0.intoArray(y0, j3); s1.intoArray(y1, j3); s2.intoArray(y2, j3); s3.intoArray(y3, j3); s4.intoArray(y4, j3);
    }

    /**
     * c[cRow..cRow+8)[0, 2L) += Σ_{i in [from, to)} a[a0+i][col..col+8) ⊗ b[b0+i][0, 2L): for narrow products
     * (the RNN's H = 20), 8 columns of A per pass halve the loads of B.
     */
    private static void columns8x2(float[][] a, int a0, int col, int from, int to, float[][] b, int b0,
                                   float[][] c, int cRow) {
        float[] y0 = c[cRow], y1 = c[cRow + 1], y2 = c[cRow + 2], y3 = c[cRow + 3];
        float[] y4 = c[cRow + 4], y5 = c[cRow + 5], y6 = c[cRow + 6], y7 = c[cRow + 7];
        FloatVector p0 = FloatVector.fromArray(S, y0, 0), p1 = FloatVector.fromArray(S, y1, 0);
        FloatVector p2 = FloatVector.fromArray(S, y2, 0), p3 = FloatVector.fromArray(S, y3, 0);
        FloatVector p4 = FloatVector.fromArray(S, y4, 0), p5 = FloatVector.fromArray(S, y5, 0);
        FloatVector p6 = FloatVector.fromArray(S, y6, 0), p7 = FloatVector.fromArray(S, y7, 0);
        FloatVector q0 = FloatVector.fromArray(S, y0, L), q1 = FloatVector.fromArray(S, y1, L);
        FloatVector q2 = FloatVector.fromArray(S, y2, L), q3 = FloatVector.fromArray(S, y3, L);
        FloatVector q4 = FloatVector.fromArray(S, y4, L), q5 = FloatVector.fromArray(S, y5, L);
        FloatVector q6 = FloatVector.fromArray(S, y6, L), q7 = FloatVector.fromArray(S, y7, L);
        for (int i = from; i < to; i++) {
            float[] x = a[a0 + i], bi = b[b0 + i];
            FloatVector w = FloatVector.fromArray(S, bi, 0), v = FloatVector.fromArray(S, bi, L);
            FloatVector e = FloatVector.broadcast(S, x[col]);
            p0 = w.fma(e, p0); q0 = v.fma(e, q0);
            e = FloatVector.broadcast(S, x[col + 1]);
            p1 = w.fma(e, p1); q1 = v.fma(e, q1);
            e = FloatVector.broadcast(S, x[col + 2]);
            p2 = w.fma(e, p2); q2 = v.fma(e, q2);
            e = FloatVector.broadcast(S, x[col + 3]);
            p3 = w.fma(e, p3); q3 = v.fma(e, q3);
            e = FloatVector.broadcast(S, x[col + 4]);
            p4 = w.fma(e, p4); q4 = v.fma(e, q4);
            e = FloatVector.broadcast(S, x[col + 5]);
            p5 = w.fma(e, p5); q5 = v.fma(e, q5);
            e = FloatVector.broadcast(S, x[col + 6]);
            p6 = w.fma(e, p6); q6 = v.fma(e, q6);
            e = FloatVector.broadcast(S, x[col + 7]);
            p7 = w.fma(e, p7); q7 = v.fma(e, q7);
        }
        p0.intoArray(y0, 0); p1.intoArray(y1, 0); p2.intoArray(y2, 0); p3.intoArray(y3, 0);
        p4.intoArray(y4, 0); p5.intoArray(y5, 0); p6.intoArray(y6, 0); p7.intoArray(y7, 0);
        q0.intoArray(y0, L); q1.intoArray(y1, L); q2.intoArray(y2, L); q3.intoArray(y3, L);
        q4.intoArray(y4, L); q5.intoArray(y5, L); q6.intoArray(y6, L); q7.intoArray(y7, L);
    }

    /** c[cRow..cRow+8)[0, 2L) += a[aRow..aRow+8)[aCol..aCol+depth) · b[b0..b0+depth): for narrow products. */
    private static void rows8x2(float[][] a, int aRow, int aCol, int depth, float[][] b, int b0, float[][] c, int cRow) {
        float[] x0 = a[aRow], x1 = a[aRow + 1], x2 = a[aRow + 2], x3 = a[aRow + 3];
        float[] x4 = a[aRow + 4], x5 = a[aRow + 5], x6 = a[aRow + 6], x7 = a[aRow + 7];
        float[] y0 = c[cRow], y1 = c[cRow + 1], y2 = c[cRow + 2], y3 = c[cRow + 3];
        float[] y4 = c[cRow + 4], y5 = c[cRow + 5], y6 = c[cRow + 6], y7 = c[cRow + 7];
        FloatVector p0 = FloatVector.fromArray(S, y0, 0), p1 = FloatVector.fromArray(S, y1, 0);
        FloatVector p2 = FloatVector.fromArray(S, y2, 0), p3 = FloatVector.fromArray(S, y3, 0);
        FloatVector p4 = FloatVector.fromArray(S, y4, 0), p5 = FloatVector.fromArray(S, y5, 0);
        FloatVector p6 = FloatVector.fromArray(S, y6, 0), p7 = FloatVector.fromArray(S, y7, 0);
        FloatVector q0 = FloatVector.fromArray(S, y0, L), q1 = FloatVector.fromArray(S, y1, L);
        FloatVector q2 = FloatVector.fromArray(S, y2, L), q3 = FloatVector.fromArray(S, y3, L);
        FloatVector q4 = FloatVector.fromArray(S, y4, L), q5 = FloatVector.fromArray(S, y5, L);
        FloatVector q6 = FloatVector.fromArray(S, y6, L), q7 = FloatVector.fromArray(S, y7, L);
        for (int k = 0; k < depth; k++) {
            float[] bk = b[b0 + k];
            int at = aCol + k;
            FloatVector w = FloatVector.fromArray(S, bk, 0), v = FloatVector.fromArray(S, bk, L);
            FloatVector e = FloatVector.broadcast(S, x0[at]);
            p0 = w.fma(e, p0); q0 = v.fma(e, q0);
            e = FloatVector.broadcast(S, x1[at]);
            p1 = w.fma(e, p1); q1 = v.fma(e, q1);
            e = FloatVector.broadcast(S, x2[at]);
            p2 = w.fma(e, p2); q2 = v.fma(e, q2);
            e = FloatVector.broadcast(S, x3[at]);
            p3 = w.fma(e, p3); q3 = v.fma(e, q3);
            e = FloatVector.broadcast(S, x4[at]);
            p4 = w.fma(e, p4); q4 = v.fma(e, q4);
            e = FloatVector.broadcast(S, x5[at]);
            p5 = w.fma(e, p5); q5 = v.fma(e, q5);
            e = FloatVector.broadcast(S, x6[at]);
            p6 = w.fma(e, p6); q6 = v.fma(e, q6);
            e = FloatVector.broadcast(S, x7[at]);
            p7 = w.fma(e, p7); q7 = v.fma(e, q7);
        }
        p0.intoArray(y0, 0); p1.intoArray(y1, 0); p2.intoArray(y2, 0); p3.intoArray(y3, 0);
        p4.intoArray(y4, 0); p5.intoArray(y5, 0); p6.intoArray(y6, 0); p7.intoArray(y7, 0);
        q0.intoArray(y0, L); q1.intoArray(y1, L); q2.intoArray(y2, L); q3.intoArray(y3, L);
        q4.intoArray(y4, L); q5.intoArray(y5, L); q6.intoArray(y6, L); q7.intoArray(y7, L);
    }
}
