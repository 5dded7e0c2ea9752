package org.lstmlab.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a check found, tensor by tensor, in words a student can act on: which tensor, which gate block, which step
 * first diverges and by how much. Differences up to the tolerance are agreement.
 */
final class Findings {
    private static final String[] GATES = {"f", "i", "o", "g"};
    private final double tolerance;
    private final List<String> problems = new ArrayList<>();

    Findings(double tolerance) { this.tolerance = tolerance; }

    List<String> problems() { return problems; }

    void add(String problem) { problems.add(problem); }

    /** Scalars such as the loss. */
    boolean scalar(String name, double yours, double reference) {
        if (close(yours, reference)) return true;
        add(String.format(Locale.ROOT, "%s: yours %.10g, reference %.10g", name, yours, reference));
        return false;
    }

    /** A weight-shaped gradient [rows][G·H]; rows below xRows belong to x, the rest to h. Reports each gate block. */
    boolean matrix(String name, double[][] yours, double[][] reference, int gates, int xRows) {
        if (!shape(name, yours, reference.length, reference[0].length)) return false;
        int H = reference[0].length / gates;
        boolean ok = true;
        for (int block = 0; block < gates; block++) {
            double worst = 0;
            int wr = -1, wk = -1;
            for (int r = 0; r < reference.length; r++)
                for (int k = block * H; k < (block + 1) * H; k++) {
                    double d = Math.abs(yours[r][k] - reference[r][k]);
                    if (!close(yours[r][k], reference[r][k]) && !(d <= worst)) { worst = d; wr = r; wk = k; }
                }
            if (wr < 0) continue;
            ok = false;
            add(String.format(Locale.ROOT, "%s%s: largest difference %.3g at [%d][%d] (a row of %s): yours %.6g, reference %.6g",
                    name, gates == 1 ? "" : ", gate block " + GATES[block] + " (columns " + block * H + ".." + ((block + 1) * H - 1) + ")",
                    worst, wr, wk, wr < xRows ? "x" : "h", yours[wr][wk], reference[wr][wk]));
        }
        return ok;
    }

    boolean vector(String name, double[] yours, double[] reference, int gates) {
        if (yours == null || yours.length != reference.length) {
            add(name + ": expected " + reference.length + " values, got " + (yours == null ? "null" : yours.length));
            return false;
        }
        return matrix(name, new double[][] {yours}, new double[][] {reference}, gates, 0);
    }

    /** Per-step tensors [T][B][H]: the first step where any value differs, and the largest difference from there on. */
    boolean steps(String name, double[][][] yours, double[][][] reference) {
        if (yours == null || yours.length != reference.length) {
            add(name + ": expected " + reference.length + " steps, got " + (yours == null ? "null" : yours.length));
            return false;
        }
        for (int t = 0; t < reference.length; t++) {
            if (!shape(name + " at step " + (t + 1), yours[t], reference[t].length, reference[t][0].length)) return false;
            for (int r = 0; r < reference[t].length; r++)
                for (int j = 0; j < reference[t][r].length; j++)
                    if (!close(yours[t][r][j], reference[t][r][j])) {
                        add(String.format(Locale.ROOT, "%s: first differs at step %d (sample %d, unit %d): yours %.6g, reference %.6g; largest difference from there on %.3g",
                                name, t + 1, r, j, yours[t][r][j], reference[t][r][j], largest(yours, reference, t)));
                        return false;
                    }
        }
        return true;
    }

    boolean rows(String name, double[][] yours, double[][] reference) {
        if (!shape(name, yours, reference.length, reference[0].length)) return false;
        for (int r = 0; r < reference.length; r++)
            for (int j = 0; j < reference[r].length; j++)
                if (!close(yours[r][j], reference[r][j])) {
                    add(String.format(Locale.ROOT, "%s: sample %d, unit %d: yours %.6g, reference %.6g", name, r, j, yours[r][j], reference[r][j]));
                    return false;
                }
        return true;
    }

    private boolean shape(String name, double[][] yours, int rows, int cols) {
        if (yours != null && yours.length == rows && java.util.Arrays.stream(yours).allMatch(r -> r != null && r.length == cols))
            return true;
        add(name + ": expected shape [" + rows + "][" + cols + "], got " + describe(yours));
        return false;
    }

    private static String describe(double[][] a) {
        if (a == null) return "null";
        return a.length == 0 || a[0] == null ? "[" + a.length + "][?]" : "[" + a.length + "][" + a[0].length + "]";
    }

    private static double largest(double[][][] a, double[][][] b, int from) {
        double m = 0;
        for (int t = from; t < b.length; t++)
            for (int r = 0; r < b[t].length; r++)
                for (int j = 0; j < b[t][r].length; j++) m = Math.max(m, Math.abs(a[t][r][j] - b[t][r][j]));
        return m;
    }

    /** Relative to the value's size, absolute near zero; NaN never agrees. */
    boolean close(double a, double b) { return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)); }
}
