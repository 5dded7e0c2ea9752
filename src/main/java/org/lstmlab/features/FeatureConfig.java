package org.lstmlab.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a clip becomes a T x 100 matrix. interval (hop) and window are in ms, as in the book's UrbanSoundDataset(interval, window).
 * hann and logMagnitude apply only in CORRECTED mode.
 */
public record FeatureConfig(int intervalMs, int windowMs, FeatureMode mode, boolean hann, boolean logMagnitude) {
    public static final int SAMPLE_RATE = 44100;
    public static final int FEATURES = 100;

    public FeatureConfig {
        if (intervalMs <= 0) throw new IllegalArgumentException("interval must be > 0 ms, got " + intervalMs);
        if (windowMs <= 0) throw new IllegalArgumentException("window must be > 0 ms, got " + windowMs);
        if (SAMPLE_RATE * windowMs / 1000 < 200)
            throw new IllegalArgumentException("window " + windowMs + " ms is under 200 samples; 100 bands need at least 200");
        if (mode == FeatureMode.BOOK && (hann || logMagnitude))
            throw new IllegalArgumentException("Hann window and log magnitude are corrected-mode options, not book mode");
    }

    public static FeatureConfig book(int intervalMs, int windowMs) {
        return new FeatureConfig(intervalMs, windowMs, FeatureMode.BOOK, false, false);
    }

    public static FeatureConfig corrected(int intervalMs, int windowMs) {
        return new FeatureConfig(intervalMs, windowMs, FeatureMode.CORRECTED, true, true);
    }

    /** N = floor(fs * window / 1000). */
    public int chunkSize() { return SAMPLE_RATE * windowMs / 1000; }

    /** H = floor(fs * interval / 1000). */
    public int hop() { return SAMPLE_RATE * intervalMs / 1000; }

    /** g = floor(N / 200): FFT bins averaged into one feature. */
    public int groupSize() { return chunkSize() / 200; }

    /** Frames of a clip of {@code frames} samples: floor((L - N) / H) + 1, or 0 if shorter than one window. */
    public int steps(int frames) { return frames < chunkSize() ? 0 : (frames - chunkSize()) / hop() + 1; }

    /** "10-100" style tag, as in Train.10-100.cache. */
    public String tag() { return intervalMs + "-" + windowMs; }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interval_ms", intervalMs);
        m.put("window_ms", windowMs);
        m.put("mode", mode.id());
        m.put("hann", hann);
        m.put("log_magnitude", logMagnitude);
        return m;
    }
}
