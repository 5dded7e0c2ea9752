package org.lstmlab.train;

import org.lstmlab.nn.Adam;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.ModelConfig;

/**
 * How one model is trained. {@link #book(CellType)} gives the book's values (protocol §3.1, §5.2, §5.4, §2):
 * hidden 20, 10 epochs, batch 10, lr 0.001, no clipping, report every 2 epochs, 100 validation samples, seed 1234,
 * no regularisation, no early stopping.
 * Immutable; change a value with the with-methods.
 */
public record TrainConfig(CellType cell, int hidden, int epochs, int batchSize, double learningRate, double clipNorm,
                          int report, int validationSamples, long seed, Regularisation regularisation,
                          EarlyStopping earlyStopping) {

    public static final int BOOK_HIDDEN = 20, BOOK_EPOCHS = 10, BOOK_BATCH = 10, BOOK_REPORT = 2, BOOK_VALIDATION = 100;
    public static final double BOOK_LEARNING_RATE = 0.001;
    public static final long BOOK_SEED = 1234;

    public TrainConfig {
        if (cell == null) throw new IllegalArgumentException("cell type is required (rnn, lstm, state or gru)");
        if (hidden <= 0) throw new IllegalArgumentException("hidden size must be > 0, got " + hidden);
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate))
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm))
            throw new IllegalArgumentException("clip norm must be >= 0 (0 = off), got " + clipNorm);
        if (report < 0) throw new IllegalArgumentException("report interval must be >= 0 (0 = silent), got " + report);
        if (validationSamples <= 0)
            throw new IllegalArgumentException("validation sample count must be > 0, got " + validationSamples);
        if (regularisation == null) throw new IllegalArgumentException("regularisation is required (Regularisation.NONE for none)");
        if (earlyStopping == null) throw new IllegalArgumentException("early stopping is required (EarlyStopping.NONE for none)");
    }

    public static TrainConfig book(CellType cell) {
        return new TrainConfig(cell, BOOK_HIDDEN, BOOK_EPOCHS, BOOK_BATCH, BOOK_LEARNING_RATE, 0, BOOK_REPORT,
                BOOK_VALIDATION, BOOK_SEED, Regularisation.NONE, EarlyStopping.NONE);
    }

    /** The chapter's main model, the LSTM, with the book's values. */
    public static TrainConfig book() { return book(CellType.LSTM); }

    public TrainConfig withCell(CellType c) { return new TrainConfig(c, hidden, epochs, batchSize, learningRate, clipNorm, report, validationSamples, seed, regularisation, earlyStopping); }
    public TrainConfig withHidden(int h) { return new TrainConfig(cell, h, epochs, batchSize, learningRate, clipNorm, report, validationSamples, seed, regularisation, earlyStopping); }
    public TrainConfig withEpochs(int e) { return new TrainConfig(cell, hidden, e, batchSize, learningRate, clipNorm, report, validationSamples, seed, regularisation, earlyStopping); }
    public TrainConfig withBatchSize(int b) { return new TrainConfig(cell, hidden, epochs, b, learningRate, clipNorm, report, validationSamples, seed, regularisation, earlyStopping); }
    public TrainConfig withLearningRate(double lr) { return new TrainConfig(cell, hidden, epochs, batchSize, lr, clipNorm, report, validationSamples, seed, regularisation, earlyStopping); }
    public TrainConfig withClipNorm(double c) { return new TrainConfig(cell, hidden, epochs, batchSize, learningRate, c, report, validationSamples, seed, regularisation, earlyStopping); }
    public TrainConfig withReport(int r) { return new TrainConfig(cell, hidden, epochs, batchSize, learningRate, clipNorm, r, validationSamples, seed, regularisation, earlyStopping); }
    public TrainConfig withValidationSamples(int v) { return new TrainConfig(cell, hidden, epochs, batchSize, learningRate, clipNorm, report, v, seed, regularisation, earlyStopping); }
    public TrainConfig withSeed(long s) { return new TrainConfig(cell, hidden, epochs, batchSize, learningRate, clipNorm, report, validationSamples, s, regularisation, earlyStopping); }
    public TrainConfig withRegularisation(Regularisation r) { return new TrainConfig(cell, hidden, epochs, batchSize, learningRate, clipNorm, report, validationSamples, seed, r, earlyStopping); }
    public TrainConfig withEarlyStopping(EarlyStopping e) { return new TrainConfig(cell, hidden, epochs, batchSize, learningRate, clipNorm, report, validationSamples, seed, regularisation, e); }

    /** The optimiser: the book's Adam with this learning rate, clip norm and decays. */
    public Adam adam() { return regularisation.adam(Adam.book().withLearningRate(learningRate).withClipNorm(clipNorm)); }

    /** The network for data with {@code inputs} features and {@code classes} classes. */
    public ModelConfig modelConfig(int inputs, int classes) { return new ModelConfig(cell, inputs, hidden, classes); }
}
