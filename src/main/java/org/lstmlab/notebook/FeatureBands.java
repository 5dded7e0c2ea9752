package org.lstmlab.notebook;

import org.lstmlab.audio.Audio;
import org.lstmlab.audio.WavInfo;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.SkippedClipException;
import org.lstmlab.nn.Argmax;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the 100 features of a feature setting see (protocol §1.4): which FFT bins they keep, the lowest frequency
 * they keep, and where a pure tone lands. The book's 10 ms window keeps bins 41…240 of 441, so nothing below
 * 4.1 kHz: a 1 kHz tone is invisible there and plain at 100 ms.
 */
final class FeatureBands {
    /** One tone below the 10 ms window's lowest kept bin, one inside every window's kept range. */
    static final int[] TONES_HZ = {1000, 8000};
    private static final double AMPLITUDE = 0.5;

    private FeatureBands() {}

    static Table table(FeatureConfig... settings) {
        Table t = Table.create("what the features see of a pure tone", StringColumn.create("tone"),
                IntColumn.create("window (ms)"), StringColumn.create("FFT bins kept"), DoubleColumn.create("lowest kept (Hz)"),
                IntColumn.create("strongest feature"), DoubleColumn.create("its mean value"));
        for (int hz : TONES_HZ) {
            Audio tone = tone(hz);
            for (FeatureConfig p : settings) {
                FeatureExtractor fx = FeatureExtractor.of(p);
                double[] mean = meanFeatures(fx, tone);
                int strongest = Argmax.of(mean);
                int lastBin = fx.firstBin() + FeatureConfig.FEATURES * p.groupSize() - 1;
                t.stringColumn(0).append(hz + " Hz");
                t.intColumn(1).append(p.windowMs());
                t.stringColumn(2).append(fx.firstBin() + "…" + lastBin + " of " + p.chunkSize());
                t.doubleColumn(3).append(fx.firstBin() * (double) FeatureConfig.SAMPLE_RATE / p.chunkSize());
                t.intColumn(4).append(strongest);
                t.doubleColumn(5).append(mean[strongest]);
            }
        }
        return t;
    }

    /** One second of a sine at {@code hz}, mono, 16-bit 44.1 kHz, so every mode keeps it. */
    static Audio tone(int hz) {
        double[] x = new double[FeatureConfig.SAMPLE_RATE];
        for (int i = 0; i < x.length; i++) x[i] = AMPLITUDE * Math.sin(2 * Math.PI * hz * i / FeatureConfig.SAMPLE_RATE);
        return new Audio(new WavInfo(WavInfo.Encoding.PCM, 1, FeatureConfig.SAMPLE_RATE, 16, x.length, false), new double[][] {x});
    }

    /** Each feature averaged over the clip's frames. */
    static double[] meanFeatures(FeatureExtractor fx, Audio audio) {
        try {
            double[][] frames = fx.extract(audio);
            double[] mean = new double[FeatureConfig.FEATURES];
            for (double[] f : frames) for (int j = 0; j < mean.length; j++) mean[j] += f[j] / frames.length;
            return mean;
        } catch (SkippedClipException e) {
            throw new IllegalStateException("a one-second 16-bit 44.1 kHz tone was skipped: " + e.getMessage(), e);
        }
    }
}
