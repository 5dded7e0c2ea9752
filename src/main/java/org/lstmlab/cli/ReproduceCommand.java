package org.lstmlab.cli;

import org.lstmlab.data.DatasetLayout;
import org.lstmlab.experiment.Reproduction;
import org.lstmlab.features.FeatureMode;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.EngineKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduces chapter 11: RNN, LSTM and LSTM-state at 10- and 100-ms windows on the book's schedule,",
                "with the book's log lines, a results table beside the book's, Tribuo baselines and charts in reports/<run-id>/.",
                "Without --data it runs on the embedded synthetic dataset (made on first use; its accuracies are not the book's).",
                "Running the same command again continues an interrupted run."})
public final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Dataset folder (Kaggle or UrbanSound8K layout). Default: the embedded synthetic one.")
    Path data;

    @Option(names = "--layout", description = "kaggle or urbansound8k. Default: detected.")
    String layout;

    @Option(names = "--mode", defaultValue = "book", description = "Features: book or corrected. Default: ${DEFAULT-VALUE}")
    String mode;

    @Option(names = "--engine", defaultValue = "auto", description = "float32, reference, ort or auto. Default: ${DEFAULT-VALUE}")
    String engine;

    @Option(names = "--epochs", description = "One phase of this many epochs per model instead of the book's schedule.")
    Integer epochs;

    @Option(names = "--quick", description = "A few epochs on the small synthetic preset (when --data is not given).")
    boolean quick;

    @Option(names = "--seed", defaultValue = "1234", description = "Training and split seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--models", split = ",", defaultValue = "rnn,lstm,state", description = "Models (rnn, lstm, state, gru; the book has no GRU). Default: ${DEFAULT-VALUE}")
    List<String> models;

    @Option(names = "--windows", split = ",", defaultValue = "10,100", description = "FFT windows in ms. Default: ${DEFAULT-VALUE}")
    int[] windows;

    @Option(names = "--intervals", split = ",", defaultValue = "10", description = "Hops in ms. Default: ${DEFAULT-VALUE}")
    int[] intervals;

    @Option(names = "--hidden", defaultValue = "20", description = "Hidden size. Default: ${DEFAULT-VALUE}")
    int hidden;

    @Option(names = "--folds", split = ",", description = "UrbanSound8K: test folds to run. Default: 1..10.")
    int[] folds;

    @Option(names = "--parallel", defaultValue = "2", description = "Models trained at once, one thread each. Default: ${DEFAULT-VALUE}")
    int parallel;

    @Option(names = "--reports", defaultValue = "reports", description = "Folder for run folders. Default: ${DEFAULT-VALUE}")
    Path reports;

    @Option(names = "--run-id", description = "Run folder name. Default: derived from the configuration (so a rerun resumes).")
    String runId;

    @Option(names = "--no-baselines", description = "Skip the Tribuo baselines.")
    boolean noBaselines;

    @Option(names = "--no-gradient-study", description = "Skip the RNN vs LSTM ‖∂L/∂h_t‖ runs.")
    boolean noGradientStudy;

    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    @Override
    public Integer call() {
        Reproduction r = Reproduction.book().dataset(data).mode(FeatureMode.parse(mode)).engine(EngineKind.parse(engine))
                .quick(quick).seed(seed).models(models.stream().map(CellType::parse).toArray(CellType[]::new))
                .windows(windows).intervals(intervals).hidden(hidden).parallel(parallel).reports(reports).runId(runId)
                .baselines(!noBaselines).gradientStudy(!noGradientStudy).progressBar(!noProgress);
        try {
            if (layout != null) r.layout(layout(layout));
            if (epochs != null) r.epochs(epochs);
            if (folds != null) r.folds(folds);
            r.run();
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("reproduce: " + e.getMessage());
            return 2;
        }
    }

    private static DatasetLayout layout(String s) {
        for (DatasetLayout l : DatasetLayout.values()) if (l.folder().equals(s.trim().toLowerCase(Locale.ROOT))) return l;
        throw new IllegalArgumentException("unknown layout '" + s + "': expected kaggle or urbansound8k");
    }
}
