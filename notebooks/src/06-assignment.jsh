// %% [markdown]
// # 06 · Assignment: the LSTM's backward step
//
// This is the instructor's version of an example course assignment. `python3 scripts/assignments.py build 06`
// writes the student's version (the solution cut out, the hidden tests removed) and this one, both with nbgrader
// cell metadata; `python3 scripts/assignments.py grade FOLDER` grades a folder of submitted notebooks.
// docs/teaching.md describes the workflow.
//
// **Task.** The forward pass of the chapter's LSTM is given (`LstmExercise`, protocol §3.3); its per-step values
// are in the fields `z, f, i, o, g, c, h` (each `[T][B][…]`, 0-based steps), with `W` and `lengths`. Write
// `backward`: back through time from `gOut = ∂L/∂(output)` (protocol §7.3), returning dW, db and every step's G_h.

// %% tags=parameters
long seed = 20261204L;   // the hidden tests' problem

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
import org.lstmlab.teach.*;

// %% [markdown]
// At step t (from the last to the first), with G_h and G_c the gradients reaching h_t and c_t:
// the output gradient enters at each sample's last valid step (into G_c for the model that reads the state);
// G_c += G_h ⊙ o ⊙ (1 − tanh²c); the gate pre-activations get G_f = G_c ⊙ c_{t−1} ⊙ f(1−f),
// G_i = G_c ⊙ g ⊙ i(1−i), G_o = G_h ⊙ tanh c ⊙ o(1−o), G_g = G_c ⊙ i ⊙ (1−g²);
// dW += z_tᵀ G_a, db += Σ G_a; then G_h for step t−1 is the h-rows of G_a Wᵀ and G_c becomes G_c ⊙ f.

// %% grade_id=lstm-backward solution
class MyLstm extends LstmExercise {
    MyLstm(boolean useState) { super(useState); }

    @Override public Backward backward(double[][] gOut) {
        // BEGIN SOLUTION
        int T = h.length, B = h[0].length, H = h[0][0].length, Z = z[0][0].length;
        double[][] dW = new double[Z][4 * H], gh = new double[B][H], gc = new double[B][H];
        double[] db = new double[4 * H];
        double[][][] gradH = new double[T][][];
        for (int t = T - 1; t >= 0; t--) {
            for (int n = 0; n < B; n++)
                if (lengths[n] - 1 == t) for (int j = 0; j < H; j++) (useState ? gc : gh)[n][j] += gOut[n][j];
            gradH[t] = new double[B][];
            double[][] next = new double[B][H];
            for (int n = 0; n < B; n++) {
                gradH[t][n] = gh[n].clone();
                double[] ga = gates(t, n, gh[n], gc[n]);
                for (int k = 0; k < 4 * H; k++) {
                    db[k] += ga[k];
                    for (int m = 0; m < Z; m++) dW[m][k] += z[t][n][m] * ga[k];
                    for (int j = 0; j < H; j++) next[n][j] += ga[k] * W[Z - H + j][k];
                }
            }
            gh = next;
        }
        return new Backward(dW, db, gradH);
    }

    /** One sample's gate gradients at step t; updates gc in place to the gradient carried to step t−1. */
    double[] gates(int t, int n, double[] gh, double[] gc) {
        int H = gh.length;
        double[] ga = new double[4 * H];
        for (int j = 0; j < H; j++) {
            double tanhC = Math.tanh(c[t][n][j]), cPrev = t == 0 ? 0 : c[t - 1][n][j];
            double F = f[t][n][j], I = i[t][n][j], O = o[t][n][j], G = g[t][n][j];
            gc[j] += gh[j] * O * (1 - tanhC * tanhC);
            ga[j] = gc[j] * cPrev * F * (1 - F);
            ga[H + j] = gc[j] * G * I * (1 - I);
            ga[2 * H + j] = gh[j] * tanhC * O * (1 - O);
            ga[3 * H + j] = gc[j] * I * (1 - G * G);
            gc[j] *= F;
        }
        return ga;
        // END SOLUTION
    }
}

// %% [markdown]
// ## Check your cell
// `Lab.check` runs your cell beside the book's on a seeded problem and says which tensor, gate block and step first
// differs, with a hint when your numbers match a common mistake. A correct cell passes at 1e-9.

// %% grade_id=check-lstm points=2 contains="passed"
Lab.check(new MyLstm(false), 1);

// %% grade_id=hidden-tests points=3
// Further problems are checked when your notebook is graded.
// BEGIN HIDDEN TESTS
Lab.check(new MyLstm(false), seed);
Lab.check(new MyLstm(true), seed + 1);
// END HIDDEN TESTS

// %% [markdown]
// ## The numpy side
// Each student can also check their own numpy code on numbers of their own:
// `java --add-modules jdk.incubator.vector -jar target/lstm-lab.jar problem --student ID --cell lstm --out p.npz`,
// then, with `loss, dW, db, dWo, dbo` saved by numpy (`np.savez("answers.npz", loss=…, dW=…, …)`):
// `java --add-modules jdk.incubator.vector -jar target/lstm-lab.jar check p.npz answers.npz --cell lstm`.
