package org.lstmlab.cli;

import org.lstmlab.experiment.Reproduction;
import org.lstmlab.nn.CellType;
import org.lstmlab.report.LabReport;
import org.lstmlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduces chapter 11: RNN, LSTM and LSTM-state at 10- and 100-ms windows on the book's schedule,",
                "with the book's log lines, a results table beside the book's, Tribuo baselines and charts in reports/<run-id>/,",
                "and the lab report there: report.html, report.md and report.pdf (--lang en or ko).",
                "Without --data it runs on the embedded synthetic dataset (made on first use; its accuracies are not the book's).",
                "Running the same command again continues an interrupted run."})
public final class ReproduceCommand implements Callable<Integer> {
    @Mixin DataMixin data;
    @Mixin WindowsMixin features;
    @Mixin TrainingMixin training;
    @Mixin EngineMixin engine;
    @Mixin OutputMixin output;

    @Option(names = "--models", split = ",", paramLabel = "CELL", defaultValue = "rnn,lstm,state",
            description = "Cells to train (rnn, lstm, state, gru; the book has no GRU). Default: ${DEFAULT-VALUE}")
    List<CellType> models;

    @Option(names = "--epochs", paramLabel = "N", description = TrainingMixin.EPOCHS) Integer epochs;

    @Option(names = "--quick", description = "A few epochs, on the small synthetic preset unless --data or --preset says otherwise.")
    boolean quick;

    @Option(names = "--folds", split = ",", paramLabel = "K", description = "UrbanSound8K: test folds to run. Default: 1..10")
    int[] folds;

    @Option(names = "--parallel", paramLabel = "N", description = "Models trained at once; --threads are shared among them. Default: ${DEFAULT-VALUE}")
    int parallel = 2;

    @Option(names = "--reports", paramLabel = "DIR", description = "Folder for run folders. Default: ${DEFAULT-VALUE}")
    Path reports = Path.of("reports");

    @Option(names = "--run-id", paramLabel = "ID", description = "Run folder name. Default: derived from the configuration (so a rerun resumes).")
    String runId;

    @Option(names = "--no-baselines", description = "Skip the Tribuo baselines.")
    boolean noBaselines;

    @Option(names = "--no-gradient-study", description = "Skip the RNN vs LSTM ‖∂L/∂h_t‖ runs.")
    boolean noGradientStudy;

    @Option(names = "--overfitting", description = {"Instead of the chapter: the overfitting study (the LSTM-state model at the "
            + "longest window with no remedy, L2 0.1, dropout 0.5, both, early stopping; the LSTM and the GRU at every window), its table "
            + "of train and test accuracy and their gap in overfitting.{csv,md,html}, its curves in charts/overfitting-curves."})
    boolean overfitting;

    @Mixin ReportMixin reportOptions;
    @Spec CommandSpec spec;

    @Override public Integer call() throws Exception {
        if (parallel < 1) throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        LabReport report = reportOptions.report();   // a bad --dpi fails here, before anything trains
        TrainConfig base = training.config(TrainConfig.book().cell());
        Reproduction r = Reproduction.book().features(features.configs()).engine(engine.kind)
                .threads(Math.max(1, engine.threads.threads / parallel)).quick(quick).training(base)
                .models(models.toArray(CellType[]::new)).parallel(parallel).reports(reports).runId(runId)
                .baselines(!noBaselines).gradientStudy(!noGradientStudy).progressBar(!output.noProgress)
                .overfitting(overfitting);
        if (data.data != null || data.synthetic.preset != null) r.dataset(data.root(quick));
        if (data.layout != null) r.layout(data.layout);
        if (epochs != null) r.epochs(epochs);
        if (folds != null) r.folds(folds);
        ReportCommand.print(report.writeDocuments(r.charts(report.charts(), report.dpi()).run()), spec.commandLine().getOut());
        return Failures.OK;
    }
}
