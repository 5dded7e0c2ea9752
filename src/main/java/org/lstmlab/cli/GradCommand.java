package org.lstmlab.cli;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.nn.CellType;
import org.lstmlab.teach.NpzGradients;
import org.lstmlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Course use: the reference loss and gradients of one batch, to check a student's numpy implementation. */
@Command(name = "grad", mixinStandardHelpOptions = true,
        description = {"Loss, accuracy and gradients of one batch, in float64 by the reference engine (protocol §3-§7).",
                "Input .npz: x [B,T+1,F] (length in x[:,0,0], frames in rows 1..T), y [B,C] one-hot, "
                        + "W [F+H,G*H], b [G*H], Wo [H,C], bo [C]; G = 1 for rnn, 4 for lstm/state; for gru",
                "W [F+H,3*H] (blocks z, r, n) and b [4*H] (b_z, b_r, b_n, b_hn), as docs/cells.md says.",
                "Output .npz: loss, accuracy (1-element arrays), dW, db, dWo, dbo."})
public final class GradCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "NPZ", description = "The batch and the weights.") Path input;
    @Option(names = "--cell", paramLabel = "CELL", description = TrainCommand.CELL) CellType cell = TrainConfig.book().cell();
    @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "Where to write the results.")
    Path out;

    @Override public Integer call() {
        NpzArrays result = NpzGradients.compute(NpzArrays.read(input), cell);
        result.write(out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("loss=%.10g accuracy=%.4f -> %s%n", result.get("loss", 1)[0], result.get("accuracy", 1)[0], out);
        o.flush();
        return Failures.OK;
    }
}
