package org.lstmlab.notebook;

import org.lstmlab.eval.Evaluation;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Engines;
import org.lstmlab.nn.Model;
import org.lstmlab.onnx.OnnxExport;
import org.lstmlab.onnx.OrtClassifier;
import org.lstmlab.plot.Charts;
import org.lstmlab.train.BookLog;
import org.lstmlab.train.History;
import org.lstmlab.train.ModelFile;
import org.lstmlab.train.Predictions;
import org.lstmlab.train.Trainer;
import org.lstmlab.train.TrainingListener;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One model in a notebook: each {@link #epochs} call trains further (Adam state kept, so the book's 10 + 100 is
 * {@code .epochs(10).epochs(100)}) with a live progress bar and the book's log lines, and the result can be drawn,
 * tested, saved, exported to ONNX and run with ONNX Runtime.
 */
public final class LabModel {

    private final Trainer trainer;
    private final LabFeatures features;
    private History history = History.empty();
    private Predictions test;

    LabModel(LabFeatures.Setup setup) {
        this.features = setup.features();
        // the book's log lines go to the cell's stdout as text; System.out is looked up per line because a kernel
        // may swap it between cells
        this.trainer = Trainer.fresh(setup.config(), features.sequences(), features.split())
                .engine(Engines.open(EngineKind.AUTO))
                .listener(BookLog.to(line -> System.out.println(line)))
                .listener(TrainingListener.progress(new NotebookProgress()));
    }

    /** Trains {@code n} more epochs, reporting every {@code report} epochs as configured. */
    public LabModel epochs(int n) {
        history = history.then(trainer.epochs(n).train());
        test = null;
        return this;
    }

    /** Records ‖∂L/∂h_t‖ on a fixed probe batch every {@code every} epochs (and before the first). */
    public LabModel probeGradients(int every) {
        trainer.probeGradients(every);
        return this;
    }

    public String name() { return trainer.modelName(); }
    public Model model() { return trainer.model(); }
    public Trainer trainer() { return trainer; }
    public LabFeatures features() { return features; }

    /** Every epoch trained through this object, over all calls. */
    public History history() { return history; }

    /** Cost, train accuracy and validation accuracy per epoch. */
    public XYChart curve() { return Charts.english().learningCurve(name(), history.table()); }

    /** The whole test split, evaluated once per training state, with the book's test line. */
    public Predictions test() {
        if (test == null) test = trainer.test();
        return test;
    }

    /** Precision, recall and F1 per class on the test split (Tribuo). */
    public Evaluation evaluation() {
        Predictions p = test();
        return Evaluation.of(features.sequences().classNames(), p.actual(), p.predicted());
    }

    public Table perClass() { return evaluation().perClass(); }

    public HeatMapChart confusion() {
        Evaluation e = evaluation();
        return Charts.english().confusion(name(), e.classNames(), e.confusion(), e.accuracy());
    }

    /** Saves model, Adam state, history and recipe; {@link ModelFile#load} reads it back. */
    public Path save(Path file) {
        try {
            return ModelFile.save(file, model(), trainer.recipe(), history).path();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A standard inference ONNX model with class names, feature parameters and recipe as metadata. */
    public Path exportOnnx(Path file) {
        OnnxExport.write(model(), trainer.recipe(), file);
        return file;
    }

    /** The test split classified by ONNX Runtime from an exported file (refused if made for other features). */
    public Evaluation ort(Path onnx) {
        int[] idx = features.split().test();
        try (OrtClassifier ort = OrtClassifier.open(onnx, features.params())) {
            int[] actual = Arrays.stream(idx).map(features.sequences()::label).toArray();
            return Evaluation.of(ort.classNames(), actual, ort.predict(features.sequences(), idx));
        }
    }

    /** Test accuracy of this model in Java and of its exported file in ONNX Runtime, on the same test split. */
    public Table compareWithOrt(Path onnx) {
        Evaluation ort = ort(onnx);
        return Table.create("test split, " + ort.size() + " samples",
                StringColumn.create("engine", "Java", "ONNX Runtime"),
                DoubleColumn.create("test accuracy", test().accuracy(), ort.accuracy()));
    }

    @Override public String toString() {
        return name() + ", " + history.size() + " epochs" + (history.isEmpty() ? "" : ", last cost "
                + BookLog.f53(history.last().cost()));
    }
}
