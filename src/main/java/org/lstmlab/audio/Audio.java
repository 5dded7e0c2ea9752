package org.lstmlab.audio;

/**
 * Decoded audio. samples[channel][frame] are scaled to [-1, 1): integer PCM is divided by 2^(bits-1)
 * (so 16-bit values times 32768 are the exact int16 values the book uses); float PCM is kept as is.
 */
public record Audio(WavInfo info, double[][] samples) {

    public int channels() { return samples.length; }

    public int frames() { return samples.length == 0 ? 0 : samples[0].length; }

    public int sampleRate() { return info.sampleRate(); }

    public double seconds() { return (double) frames() / sampleRate(); }

    /** The average of all channels as one channel (corrected mode); a mono clip is returned as is. */
    public Audio mono() {
        if (channels() == 1) return this;
        double[] m = new double[frames()];
        for (double[] c : samples)
            for (int i = 0; i < m.length; i++) m[i] += c[i];
        for (int i = 0; i < m.length; i++) m[i] /= channels();
        return new Audio(info.derived(1, info.sampleRate(), m.length), new double[][]{m});
    }
}
