package org.lstmlab.cli;

import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Gradients;
import org.lstmlab.nn.ModelConfig;
import org.lstmlab.nn.Parameters;
import org.lstmlab.nn.ReferenceBatch;
import org.lstmlab.nn.ReferenceEngine;
import org.jetbrains.bio.npy.NpzFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** End to end: an .npz written as numpy would, the grad command, its output read back with the raw library. */
class GradCommandTest {
    static final int B = 3, T = 5, F = 4, H = 3, C = 3;
    static final int[] LENGTHS = {5, 2, 4};
    final CliRun cli = new CliRun();

    /** The book's packed batch and random weights, as separate arrays. */
    static final class Case {
        final double[] x = new double[B * (T + 1) * F], y = new double[B * C], W, b, Wo, bo;
        final int G, biases;

        Case(CellType cell, long seed, double padding) {
            Random r = new Random(seed);
            G = cell.gates();
            biases = cell.biasBlocks();
            for (int i = 0; i < B; i++) {
                x[i * (T + 1) * F] = LENGTHS[i];
                for (int t = 1; t <= T; t++)
                    for (int f = 0; f < F; f++)
                        x[(i * (T + 1) + t) * F + f] = t <= LENGTHS[i] ? r.nextGaussian() : padding;
                y[i * C + r.nextInt(C)] = 1;
            }
            W = gaussian(r, (F + H) * G * H);
            b = gaussian(r, biases * H);
            Wo = gaussian(r, H * C);
            bo = gaussian(r, C);
        }

        Path write(Path file) {
            try (NpzFile.Writer w = NpzFile.write(file, true)) {
                w.write("x", x, new int[] {B, T + 1, F});
                w.write("y", y, new int[] {B, C});
                w.write("W", W, new int[] {F + H, G * H});
                w.write("b", b, new int[] {biases * H});
                w.write("Wo", Wo, new int[] {H, C});
                w.write("bo", bo, new int[] {C});
            }
            return file;
        }

        Parameters params(CellType cell) {
            return new Parameters(new ModelConfig(cell, F, H, C), W.clone(), b.clone(), Wo.clone(), bo.clone());
        }

        /** Unpacked independently of the command: frames from rows 1..T. */
        ReferenceBatch batch() {
            double[][][] frames = new double[B][T][F];
            double[][] targets = new double[B][C];
            for (int i = 0; i < B; i++) {
                for (int t = 0; t < T; t++)
                    for (int f = 0; f < F; f++) frames[i][t][f] = x[(i * (T + 1) + t + 1) * F + f];
                for (int k = 0; k < C; k++) targets[i][k] = y[i * C + k];
            }
            return new ReferenceBatch(frames, LENGTHS.clone(), targets);
        }

        private static double[] gaussian(Random r, int n) {
            double[] a = new double[n];
            for (int k = 0; k < n; k++) a[k] = r.nextGaussian() * 0.5;
            return a;
        }
    }

    static double[] read(Path file, String name) {
        try (NpzFile.Reader r = NpzFile.read(file)) {
            return r.get(name, 1 << 18).asDoubleArray();
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void writesTheReferenceLossAndGradientsWhichMatchFiniteDifferences(CellType cell, @TempDir Path dir) {
        Case c = new Case(cell, 7, 0);
        Path in = c.write(dir.resolve("batch.npz")), res = dir.resolve("out/grads.npz");
        assertEquals(0, cli.run("grad", in.toString(), "--cell", cell.toString(), "--out", res.toString()), cli.err.toString());
        ReferenceEngine engine = new ReferenceEngine();
        Gradients want = engine.gradients(c.params(cell), c.batch(), false);
        assertEquals(want.loss(), read(res, "loss")[0], 0);
        assertEquals(want.accuracy(), read(res, "accuracy")[0], 0);
        String[] names = {"dW", "db", "dWo", "dbo"};
        for (int k = 0; k < 4; k++) assertArrayEquals(want.tensors()[k], read(res, names[k]), 0, names[k]);
        assertTrue(cli.out.toString().contains("loss="));
        // Central differences of the loss with respect to every entry of every tensor.
        for (int k = 0; k < 4; k++) {
            double[] grad = read(res, names[k]);
            for (int j = 0; j < grad.length; j++) {
                Parameters up = c.params(cell), down = c.params(cell);
                up.tensors()[k][j] += 1e-6;
                down.tensors()[k][j] -= 1e-6;
                double fd = (engine.gradients(up, c.batch(), false).loss() - engine.gradients(down, c.batch(), false).loss()) / 2e-6;
                assertEquals(fd, grad[j], 1e-6 + 1e-5 * Math.abs(fd), names[k] + "[" + j + "]");
            }
        }
    }

    @Test
    void valuesInPaddedRowsDoNotChangeTheResult(@TempDir Path dir) {
        Path zeros = new Case(CellType.LSTM, 9, 0).write(dir.resolve("zeros.npz"));
        Path junk = new Case(CellType.LSTM, 9, 3.5).write(dir.resolve("junk.npz"));
        assertEquals(0, cli.run("grad", zeros.toString(), "--cell", "lstm", "--out", dir.resolve("a.npz").toString()));
        assertEquals(0, cli.run("grad", junk.toString(), "--cell", "lstm", "--out", dir.resolve("b.npz").toString()));
        for (String name : new String[] {"loss", "dW", "db", "dWo", "dbo"})
            assertArrayEquals(read(dir.resolve("a.npz"), name), read(dir.resolve("b.npz"), name), 0, name);
    }

    @Test
    void missingArrayIsNamedWithTheFile(@TempDir Path dir) {
        Case c = new Case(CellType.RNN, 1, 0);
        Path in = dir.resolve("partial.npz");
        try (NpzFile.Writer w = NpzFile.write(in, true)) {
            w.write("x", c.x, new int[] {B, T + 1, F});
            w.write("y", c.y, new int[] {B, C});
        }
        assertEquals(2, cli.run("grad", in.toString(), "--cell", "rnn", "--out", dir.resolve("o.npz").toString()));
        assertTrue(cli.err.toString().contains(in.toString()) && cli.err.toString().contains("missing array 'W'"), cli.err.toString());
    }

    @Test
    void weightsOfTheWrongCellAreRejected(@TempDir Path dir) {
        Path in = new Case(CellType.RNN, 2, 0).write(dir.resolve("rnn.npz"));
        assertEquals(2, cli.run("grad", in.toString(), "--cell", "lstm", "--out", dir.resolve("o.npz").toString()));
        assertTrue(cli.err.toString().contains("array 'W' has shape [7, 3]"), cli.err.toString());
    }

    @Test
    void wrongHeadShapeIsRejected(@TempDir Path dir) {
        Case c = new Case(CellType.RNN, 3, 0);
        Path in = dir.resolve("head.npz");
        try (NpzFile.Writer w = NpzFile.write(in, true)) {
            w.write("x", c.x, new int[] {B, T + 1, F});
            w.write("y", c.y, new int[] {B, C});
            w.write("W", c.W, new int[] {F + H, H});
            w.write("b", c.b, new int[] {H});
            w.write("Wo", c.Wo, new int[] {H * C}); // flattened by mistake
            w.write("bo", c.bo, new int[] {C});
        }
        assertEquals(2, cli.run("grad", in.toString(), "--cell", "rnn", "--out", dir.resolve("o.npz").toString()));
        assertTrue(cli.err.toString().contains("array 'Wo' has shape [9], expected [3, 3]"), cli.err.toString());
    }

    @Test
    void lengthsOutOfRangeAreRejected(@TempDir Path dir) {
        Case c = new Case(CellType.RNN, 4, 0);
        c.x[(T + 1) * F] = T + 1; // sample 1 claims 6 steps, only 5 rows exist
        Path in = c.write(dir.resolve("long.npz"));
        assertEquals(2, cli.run("grad", in.toString(), "--cell", "rnn", "--out", dir.resolve("o.npz").toString()));
        assertTrue(cli.err.toString().contains("sample 1 has length 6.0") && cli.err.toString().contains("1..5"), cli.err.toString());
        c.x[(T + 1) * F] = 2.5;
        c.write(in);
        assertEquals(2, cli.run("grad", in.toString(), "--cell", "rnn", "--out", dir.resolve("o.npz").toString()));
        assertTrue(cli.err.toString().contains("length 2.5"), cli.err.toString());
    }

    @Test
    void notAnArchiveIsAClearError(@TempDir Path dir) throws Exception {
        Path in = java.nio.file.Files.writeString(dir.resolve("text.npz"), "hello");
        assertEquals(2, cli.run("grad", in.toString(), "--cell", "rnn", "--out", dir.resolve("o.npz").toString()));
        assertTrue(cli.err.toString().contains(in.toString()) && cli.err.toString().contains("not a readable .npz"), cli.err.toString());
    }
}
