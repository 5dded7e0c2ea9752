package org.lstmlab.features;

import org.lstmlab.audio.Audio;

/** Corrected-mode input (spec §8.2–8.3): every channel averaged to mono, resampled to 44.1 kHz, kept in [-1, 1). */
final class CorrectedSignal {
    private CorrectedSignal() {}

    static double[] of(Audio audio) {
        double[][] ch = audio.samples();
        double[] mono = new double[audio.frames()];
        for (double[] c : ch) for (int i = 0; i < mono.length; i++) mono[i] += c[i] / ch.length;
        if (audio.sampleRate() == FeatureParams.SAMPLE_RATE) return mono;
        throw new UnsupportedOperationException("resampling arrives with audio's Resampler");
    }
}
