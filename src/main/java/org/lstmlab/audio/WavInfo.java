package org.lstmlab.audio;

import javax.sound.sampled.AudioFormat;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * The fmt and data chunks as the file states them. encoding is already resolved through WAVE_FORMAT_EXTENSIBLE's
 * sub-format (extensible records that the header was EXTENSIBLE); bitsPerSample are the valid bits and sampleWidth
 * the bytes each sample takes, so 12-bit PCM in 2-byte containers has bitsPerSample 12 and sampleWidth 2.
 * dataBytes are the data chunk's bytes present in the file, declaredBytes those its header states: fewer present
 * means the file was cut short, and frames counts the whole frames that are there.
 */
public record WavInfo(Container container, Encoding encoding, int channels, int sampleRate, int bitsPerSample,
                      int sampleWidth, boolean extensible, int frames, long dataBytes, long declaredBytes) {

    public enum Encoding {
        PCM("PCM"), FLOAT("float"), MULAW("mu-law"), ALAW("A-law");

        private final String label;

        Encoding(String label) { this.label = label; }

        /** How reports name the codec. */
        public String label() { return label; }
    }

    /** RIFF is little-endian; RIFX stores the header and the samples big-endian; RF64 keeps its sizes in a ds64 chunk. */
    public enum Container {
        RIFF, RIFX, RF64;

        public ByteOrder order() { return this == RIFX ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN; }
    }

    /** A complete little-endian RIFF file of this format: the shape of audio made in memory. */
    public WavInfo(Encoding encoding, int channels, int sampleRate, int bitsPerSample, int frames, boolean extensible) {
        this(Container.RIFF, encoding, channels, sampleRate, bitsPerSample, (bitsPerSample + 7) / 8, extensible, frames,
                (long) frames * channels * ((bitsPerSample + 7) / 8), (long) frames * channels * ((bitsPerSample + 7) / 8));
    }

    /** Bytes per frame: one sample of every channel. */
    public int blockAlign() { return channels * sampleWidth; }

    public double seconds() { return (double) frames / sampleRate; }

    /** What a reader should be told about this file though it decodes, e.g. "truncated: 944 of 17640 bytes read". */
    public Optional<String> warning() { return truncation(dataBytes, declaredBytes); }

    static Optional<String> truncation(long read, long declared) {
        return read < declared ? Optional.of(String.format(Locale.ROOT, "truncated: %d of %d bytes read", read, declared))
                : Optional.empty();
    }

    /** The same encoding with a new shape, for audio derived from this file (down-mixed, resampled). */
    public WavInfo derived(int channels, int sampleRate, int frames) {
        long bytes = (long) frames * channels * sampleWidth;
        return new WavInfo(container, encoding, channels, sampleRate, bitsPerSample, sampleWidth, extensible, frames, bytes, bytes);
    }

    /** The same format in javax.sound terms (byte order as stored), e.g. to play a clip through a {@code Clip}. */
    public AudioFormat toAudioFormat() {
        AudioFormat.Encoding e = switch (encoding) {
            case FLOAT -> AudioFormat.Encoding.PCM_FLOAT;
            case MULAW -> AudioFormat.Encoding.ULAW;
            case ALAW -> AudioFormat.Encoding.ALAW;
            case PCM -> sampleWidth == 1 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED;
        };
        return new AudioFormat(e, sampleRate, 8 * sampleWidth, channels, blockAlign(), sampleRate, container.order() == ByteOrder.BIG_ENDIAN);
    }
}
