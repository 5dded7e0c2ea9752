package org.lstmlab.audio;

/**
 * The fmt chunk as the file states it. encoding is PCM (integer) or FLOAT, already resolved through
 * WAVE_FORMAT_EXTENSIBLE's sub-format; extensible records that the header was EXTENSIBLE.
 */
public record WavInfo(Encoding encoding, int channels, int sampleRate, int bitsPerSample, int frames, boolean extensible) {
    public enum Encoding { PCM, FLOAT }

    /** Bytes per sample of one channel. */
    public int sampleWidth() { return (bitsPerSample + 7) / 8; }
}
