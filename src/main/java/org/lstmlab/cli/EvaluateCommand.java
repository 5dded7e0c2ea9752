package org.lstmlab.cli;

import org.lstmlab.data.LoadResult;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.eval.Evaluation;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.Engine;
import org.lstmlab.nn.Engines;
import org.lstmlab.train.BookLog;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Predictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Loads a saved model and reports its accuracy on the test split of the data it was trained on "
                + "(or, with --all, on every sample of a dataset with the same classes), with the confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by train --save.")
    Path modelFile;
    @Mixin DataMixin data;
    @Mixin EngineMixin engine;
    @Mixin OutputMixin output;
    @Option(names = "--all", description = "Evaluate every sample, not only the test split.")
    boolean all;

    @Override public Integer call() throws Exception {
        ModelFile f = Cli.load(modelFile);
        FeatureConfig params = Cli.featureParams(f);
        LoadResult loaded = data.load(params, engine.threads.threads, output.progress());
        PackedSequences sequences = loaded.sequences();
        int[] indices;
        if (all) {
            Cli.requireSameClasses(f, sequences);
            indices = IntStream.range(0, sequences.size()).toArray();
        } else {
            Cli.requireSameData(f, sequences);
            indices = f.recipe().split().of(loaded).test();   // the very split it was trained on, drawn again
        }
        String name = BookLog.modelName(f.model().config().cell(), params);
        try (Engine e = Engines.open(engine.config())) {
            long start = System.currentTimeMillis() / 1000;
            Predictions p = Predictions.of(e, f.model(), sequences, indices);
            System.out.println(BookLog.test(name, p.accuracy(), System.currentTimeMillis() / 1000 - start));
            System.out.println(confusion(Evaluation.of(sequences.classNames(), p.actual(), p.predicted())));
        }
        return Failures.OK;
    }

    /** Rows: true class; columns: predicted class, numbered as in the header list. */
    static String confusion(Evaluation e) {
        int[][] m = e.confusion();
        int correct = IntStream.range(0, m.length).map(c -> m[c][c]).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d samples, %d correct; confusion (row = true class):%n",
                e.size(), correct));
        sb.append(String.format(Locale.ROOT, "%-20s", ""));
        for (int c = 0; c < m.length; c++) sb.append(String.format(Locale.ROOT, "%6d", c));
        sb.append('\n');
        for (int r = 0; r < m.length; r++) {
            sb.append(String.format(Locale.ROOT, "%-20s", r + " " + e.classNames().get(r)));
            for (int v : m[r]) sb.append(String.format(Locale.ROOT, "%6d", v));
            sb.append('\n');
        }
        return sb.toString();
    }
}
