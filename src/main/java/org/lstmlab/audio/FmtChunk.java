package org.lstmlab.audio;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A fmt chunk's body, checked: integer PCM in containers of 1 to 8 bytes with any number of valid bits up to the
 * container (12 in 2 bytes, 20 in 3, or WAVE_FORMAT_EXTENSIBLE's wValidBitsPerSample), IEEE float 32/64, G.711
 * mu-law and A-law, each plain or as an EXTENSIBLE sub-format. Anything else is refused naming the codec.
 */
record FmtChunk(WavInfo.Encoding encoding, int channels, int sampleRate, int validBits, int sampleWidth, boolean extensible) {

    /** WAVE_FORMAT_EXTENSIBLE sub-format GUID after its 2-byte format code: xxxx0000-0000-0010-8000-00AA00389B71. */
    static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71};
    static final int TAG_PCM = 1, TAG_FLOAT = 3, TAG_ALAW = 6, TAG_MULAW = 7, TAG_EXTENSIBLE = 0xFFFE;
    private static final Map<Integer, String> CODECS = Map.of(TAG_PCM, "PCM", TAG_FLOAT, "IEEE float", TAG_ALAW, "A-law",
            TAG_MULAW, "mu-law", TAG_EXTENSIBLE, "WAVE_FORMAT_EXTENSIBLE", 2, "Microsoft ADPCM", 0x11, "IMA ADPCM",
            0x31, "GSM 6.10", 0x50, "MPEG", 0x55, "MPEG Layer 3");

    /** A format tag's codec, e.g. "IEEE float" for 3, or "unknown codec". */
    static String codecName(int tag) { return CODECS.getOrDefault(tag, "unknown codec"); }

    /** Parses a fmt body whose buffer is in the file's byte order; the exception names the file and the fault. */
    static FmtChunk parse(Path file, ByteBuffer fmt) throws WavFormatException {
        if (fmt.limit() < 16) throw new WavFormatException(file, "fmt chunk too short: " + fmt.limit() + " bytes");
        int tag = fmt.getShort(0) & 0xFFFF, channels = fmt.getShort(2) & 0xFFFF, blockAlign = fmt.getShort(12) & 0xFFFF;
        long rate = Integer.toUnsignedLong(fmt.getInt(4));
        int bits = fmt.getShort(14) & 0xFFFF, valid = bits;
        boolean extensible = tag == TAG_EXTENSIBLE;
        if (extensible) {
            if (fmt.limit() < 40 || (fmt.getShort(16) & 0xFFFF) < 22)
                throw new WavFormatException(file, "WAVE_FORMAT_EXTENSIBLE fmt chunk too short: " + fmt.limit() + " bytes");
            byte[] tail = new byte[14];
            fmt.get(26, tail);
            if (!Arrays.equals(tail, GUID_TAIL))
                throw new WavFormatException(file, "unsupported codec: EXTENSIBLE sub-format GUID is not a WAVE format");
            int stated = fmt.getShort(18) & 0xFFFF;
            valid = stated == 0 ? bits : stated; // some writers leave it 0, meaning "all of the container"
            tag = fmt.getShort(24) & 0xFFFF;
        }
        WavInfo.Encoding encoding = encodingOf(file, tag, extensible);
        if (channels == 0) throw new WavFormatException(file, "fmt chunk declares 0 channels");
        if (rate == 0 || rate > Integer.MAX_VALUE) throw new WavFormatException(file, "implausible sample rate " + rate);
        int width = (bits + 7) / 8;
        if (extensible && bits % 8 != 0)
            throw new WavFormatException(file, "EXTENSIBLE container of " + bits + " bits is not whole bytes");
        if (valid > bits) throw new WavFormatException(file, valid + " valid bits in a " + bits + "-bit container");
        if (!supported(encoding, bits, width))
            throw new WavFormatException(file, "unsupported sample format: " + bits + "-bit " + encoding.label());
        if (blockAlign != channels * width)
            throw new WavFormatException(file, "block align " + blockAlign + " does not match " + channels + " channels of " + bits + " bits");
        return new FmtChunk(encoding, channels, (int) rate, valid, width, extensible);
    }

    private static boolean supported(WavInfo.Encoding encoding, int bits, int width) {
        return switch (encoding) {
            case PCM -> bits >= 1 && width <= 8;
            case FLOAT -> bits == 32 || bits == 64;
            case MULAW, ALAW -> bits == 8;
        };
    }

    private static WavInfo.Encoding encodingOf(Path file, int tag, boolean extensible) throws WavFormatException {
        return switch (tag) {
            case TAG_PCM -> WavInfo.Encoding.PCM;
            case TAG_FLOAT -> WavInfo.Encoding.FLOAT;
            case TAG_MULAW -> WavInfo.Encoding.MULAW;
            case TAG_ALAW -> WavInfo.Encoding.ALAW;
            default -> throw new WavFormatException(file, "unsupported codec: " + (extensible ? "EXTENSIBLE sub-format " : "")
                    + "format tag " + tag + " (" + codecName(tag) + ")");
        };
    }
}
