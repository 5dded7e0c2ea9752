package org.lstmlab.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Interleaved little-endian sample bytes to and from doubles in [-1, 1). Integer PCM is scaled by 2^(bits-1)
 * (8-bit is unsigned with offset 128), so decode(encode(v / 32768)) gives back every int16 value v exactly.
 * One place for both directions keeps the reader and the writer symmetric.
 */
final class SampleCodec {

    private SampleCodec() {}

    static boolean supported(WavInfo.Encoding encoding, int bits) {
        return encoding == WavInfo.Encoding.PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32
                : bits == 32 || bits == 64;
    }

    /** Fills out[channel][frame] from {@code in}, which holds out[0].length whole frames. */
    static void decode(ByteBuffer in, WavInfo.Encoding encoding, int bits, double[][] out) {
        if (encoding == WavInfo.Encoding.PCM && bits == 16 && in.order() == ByteOrder.LITTLE_ENDIAN) {
            decode16(in, out);
            return;
        }
        int channels = out.length, frames = out[0].length;
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < channels; c++)
                out[c][f] = decodeOne(in, encoding, bits);
    }

    /**
     * 16-bit PCM, the common case, a channel at a time by absolute reads: a relative getShort and a switch per
     * sample cost several times more.
     */
    private static void decode16(ByteBuffer in, double[][] out) {
        int channels = out.length;
        for (int c = 0; c < channels; c++) int16(in, channels, c, 1 / 32768.0, out[c], 0, out[c].length);
        in.position(in.position() + 2 * channels * out[0].length);
    }

    /**
     * out[from + f] = scale · (int16 sample f of the channel), f < frames, from the buffer at its position; the
     * buffer is little-endian, on the heap or direct.
     */
    static void int16(ByteBuffer in, int channels, int channel, double scale, double[] out, int from, int frames) {
        for (int f = 0, i = in.position() + 2 * channel; f < frames; f++, i += 2 * channels)
            out[from + f] = in.getShort(i) * scale;
    }

    private static double decodeOne(ByteBuffer in, WavInfo.Encoding encoding, int bits) {
        if (encoding == WavInfo.Encoding.FLOAT) return bits == 32 ? in.getFloat() : in.getDouble();
        switch (bits) {
            case 8: return ((in.get() & 0xFF) - 128) / 128.0;
            case 16: return in.getShort() / 32768.0;
            case 24: {
                int v = (in.get() & 0xFF) | (in.get() & 0xFF) << 8 | in.get() << 16;
                return v / 8388608.0;
            }
            default: return in.getInt() / 2147483648.0;
        }
    }

    /** Writes samples[channel][frame] interleaved; integer PCM is rounded and clipped to its range. */
    static void encode(double[][] samples, WavInfo.Encoding encoding, int bits, ByteBuffer out) {
        int frames = samples[0].length;
        for (int f = 0; f < frames; f++)
            for (double[] channel : samples)
                encodeOne(channel[f], encoding, bits, out);
    }

    private static void encodeOne(double x, WavInfo.Encoding encoding, int bits, ByteBuffer out) {
        if (encoding == WavInfo.Encoding.FLOAT) {
            if (bits == 32) out.putFloat((float) x); else out.putDouble(x);
            return;
        }
        double scale = Math.scalb(1.0, bits - 1);
        long v = Math.max(-(long) scale, Math.min((long) scale - 1, Math.round(x * scale)));
        switch (bits) {
            case 8: out.put((byte) (v + 128)); break;
            case 16: out.putShort((short) v); break;
            case 24: out.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16)); break;
            default: out.putInt((int) v);
        }
    }
}
