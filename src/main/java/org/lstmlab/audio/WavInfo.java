package org.lstmlab.audio;

import org.lstmlab.data.Clip;
import javax.sound.sampled.AudioFormat;

/**
 * The fmt chunk as the file states it. encoding is PCM (integer) or FLOAT, already resolved through
 * WAVE_FORMAT_EXTENSIBLE's sub-format; extensible records that the header was EXTENSIBLE.
 */
public record WavInfo(Encoding encoding, int channels, int sampleRate, int bitsPerSample, int frames, boolean extensible) {
    public enum Encoding { PCM, FLOAT }

    /** Bytes per sample of one channel. */
    public int sampleWidth() { return (bitsPerSample + 7) / 8; }

    /** The same encoding with a new shape, for audio derived from this file (down-mixed, resampled). */
    public WavInfo derived(int channels, int sampleRate, int frames) {
        return new WavInfo(encoding, channels, sampleRate, bitsPerSample, frames, extensible);
    }

    /** The same format in javax.sound terms (little-endian, as stored), e.g. to play a clip through a {@code Clip}. */
    public AudioFormat toAudioFormat() {
        AudioFormat.Encoding e = encoding == Encoding.FLOAT ? AudioFormat.Encoding.PCM_FLOAT
                : bitsPerSample == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED;
        return new AudioFormat(e, sampleRate, bitsPerSample, channels, channels * sampleWidth(), sampleRate, false);
    }
}
