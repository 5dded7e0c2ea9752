package org.lstmlab.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Interleaved sample bytes to doubles in [-1, 1), and the writer's formats back. An integer sample of w bytes is
 * scaled by 2^(8w-1) (1-byte samples are unsigned with offset 128), so decode(encode(v / 32768)) gives back every
 * int16 value v exactly; bits below the valid ones are padding and read as zero. G.711 codes decode as the ITU
 * reference does, to 16-bit values scaled the same way. One place for both directions keeps reader and writer
 * symmetric.
 */
final class SampleCodec {
    private static final double[] MULAW = new double[256], ALAW = new double[256];

    static {
        for (int code = 0; code < 256; code++) {
            MULAW[code] = muLaw(code) / 32768.0;
            ALAW[code] = aLaw(code) / 32768.0;
        }
    }

    private SampleCodec() {}

    /** The formats {@link WavWriter} writes: 8/16/24/32-bit PCM, 32/64-bit float. */
    static boolean writable(WavInfo.Encoding encoding, int bits) {
        return encoding == WavInfo.Encoding.PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32
                : encoding == WavInfo.Encoding.FLOAT && (bits == 32 || bits == 64);
    }

    /**
     * Fills out[channel][from .. from + frames) from {@code in}, which holds those whole frames in the file's layout
     * and byte order (the buffer's).
     */
    static void decode(ByteBuffer in, WavInfo info, double[][] out, int from, int frames) {
        if (info.encoding() == WavInfo.Encoding.PCM && info.sampleWidth() == 2 && info.bitsPerSample() == 16
                && in.order() == ByteOrder.LITTLE_ENDIAN) {
            for (int c = 0; c < out.length; c++) int16(in, out.length, c, 1 / 32768.0, out[c], from, frames);
            in.position(in.position() + 2 * out.length * frames);
            return;
        }
        int width = info.sampleWidth();
        long validMask = -1L << (64 - info.bitsPerSample()); // of a sample shifted to the top of a long
        for (int f = from; f < from + frames; f++)
            for (double[] channel : out)
                channel[f] = switch (info.encoding()) {
                    case FLOAT -> width == 4 ? in.getFloat() : in.getDouble();
                    case MULAW -> MULAW[in.get() & 0xFF];
                    case ALAW -> ALAW[in.get() & 0xFF];
                    case PCM -> Math.scalb((double) (integer(in, width) & validMask), -63);
                };
    }

    /**
     * out[from + f] = scale · (int16 sample f of the channel), f < frames, from the buffer at its position; the
     * buffer is little-endian, on the heap or direct. Absolute reads a channel at a time: a relative getShort and a
     * switch per sample cost several times more.
     */
    static void int16(ByteBuffer in, int channels, int channel, double scale, double[] out, int from, int frames) {
        for (int f = 0, i = in.position() + 2 * channel; f < frames; f++, i += 2 * channels)
            out[from + f] = in.getShort(i) * scale;
    }

    /** The next sample of {@code width} bytes, shifted to the top of a long: one scale serves every width. */
    private static long integer(ByteBuffer in, int width) {
        int at = in.position();
        in.position(at + width);
        if (width == 1) return (long) ((in.get(at) & 0xFF) - 128) << 56;
        long v = 0;
        boolean little = in.order() == ByteOrder.LITTLE_ENDIAN;
        for (int k = 0; k < width; k++) v = v << 8 | (in.get(at + (little ? width - 1 - k : k)) & 0xFF);
        return v << (64 - 8 * width);
    }

    /** G.711 mu-law code to its 16-bit linear value (ITU-T G.711, as Sun's reference g711.c computes it). */
    private static int muLaw(int code) {
        int u = ~code & 0xFF, t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    /** G.711 A-law code to its 16-bit linear value. */
    private static int aLaw(int code) {
        int a = code ^ 0x55, t = (a & 0x0F) << 4, segment = (a & 0x70) >> 4;
        t = segment == 0 ? t + 8 : (t + 0x108) << Math.max(0, segment - 1);
        return (a & 0x80) != 0 ? t : -t;
    }

    /** Writes samples[channel][frame] interleaved, little-endian; integer PCM is rounded and clipped to its range. */
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
