package org.lstmlab.train;

/** The loss became NaN or infinite; training stopped at {@link #epoch()} (1-based, within the call), batch {@link #batch()}. */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch, batch;

    TrainingDivergedException(String model, int epoch, int batch, int batches, double loss, double clipNorm) {
        super("training of " + model + " diverged: loss became " + loss + " at epoch " + epoch + ", batch " + batch
                + " of " + batches + ". "
                + (clipNorm > 0 ? "Gradient clipping is on (--clip " + clipNorm + "); try a smaller --clip or a lower --lr."
                                : "Try gradient-norm clipping, e.g. --clip 5 (TrainConfig.withClipNorm), or a lower --lr."));
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() { return epoch; }
    public int batch() { return batch; }
}
