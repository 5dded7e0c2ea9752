package org.lstmlab.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Decodes RIFF/WAVE files: PCM 8 (unsigned), 16, 24, 32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, any channel
 * count and rate; unknown and odd-sized chunks are skipped with their pad byte.
 *
 * <p>Why our own parser rather than {@code javax.sound.sampled.AudioSystem} (checked on JDK 17): the JDK reader
 * silently returns a truncated data chunk short (its frame length still claims the header's), accepts a zero-frame
 * file and a data size of 4 GB in a 2 kB file, reports ADPCM, a missing fmt chunk and a text file alike as "File of
 * unsupported format", and rejects a file whose writer omitted an odd chunk's pad byte. A dataset loader must say
 * which fault each skipped file has. javax.sound stays what it is right for: the independent reference decoder in
 * the tests (it must agree with us byte for byte on PCM) and playback via {@link WavInfo#toAudioFormat()}.
 *
 * <p>Headers are only trusted up to the real file size, so an absurd size field never allocates more than the file.
 */
public final class WavReader {
    private WavReader() {}

    /** WAVE_FORMAT_EXTENSIBLE sub-format GUID after its 2-byte format code: xxxx0000-0000-0010-8000-00AA00389B71. */
    static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71};
    private static final int TAG_PCM = 1, TAG_FLOAT = 3, TAG_EXTENSIBLE = 0xFFFE;
    private static final Map<Integer, String> KNOWN_CODECS = Map.of(2, "Microsoft ADPCM", 6, "A-law", 7, "mu-law",
            0x11, "IMA ADPCM", 0x31, "GSM 6.10", 0x50, "MPEG", 0x55, "MPEG Layer 3");
    /** A fmt chunk is 16, 18 or 40 bytes; anything this large is a corrupt size field, not a header. */
    private static final long MAX_FMT_BYTES = 1 << 16;

    /** The whole file decoded; samples are scaled as {@link Audio} documents. */
    public static Audio read(Path file) throws IOException {
        try (WavFile wav = WavFile.open(file)) {
            return wav.audio();
        }
    }

    /** The header only (format, rate, frame count); reads a few hundred bytes, whatever the file size. */
    public static WavInfo readInfo(Path file) throws IOException {
        try (WavFile wav = WavFile.open(file)) {
            return wav.info();
        }
    }

    record Header(WavInfo info, int blockAlign, long dataOffset) {}

    static Header parse(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 12) throw new WavFormatException(file, "not a RIFF file: only " + size + " bytes");
        ByteBuffer riff = readFully(ch, 0, 12);
        String magic = fourCC(riff, 0), form = fourCC(riff, 8);
        if (!magic.equals("RIFF")) throw new WavFormatException(file, "not a RIFF file (starts with \"" + printable(magic) + "\")");
        if (!form.equals("WAVE")) throw new WavFormatException(file, "RIFF form is \"" + printable(form) + "\", not WAVE");

        ByteBuffer fmt = null;
        long dataOffset = -1, dataSize = -1;
        long pos = 12;
        while (pos + 8 <= size) {
            ByteBuffer head = readFully(ch, pos, 8);
            String id = fourCC(head, 0);
            long chunkSize = Integer.toUnsignedLong(head.getInt(4));
            long body = pos + 8;
            if (id.equals("fmt ")) {
                if (chunkSize > MAX_FMT_BYTES) throw new WavFormatException(file, "fmt chunk claims " + chunkSize + " bytes");
                if (body + chunkSize > size) throw new WavFormatException(file, "truncated fmt chunk: " + (size - body) + " of " + chunkSize + " bytes");
                fmt = readFully(ch, body, (int) chunkSize);
            } else if (id.equals("data")) {
                dataOffset = body;
                dataSize = chunkSize;
                break; // everything after the samples is metadata we do not need
            }
            pos = nextChunk(ch, body + chunkSize, body + chunkSize + (chunkSize & 1), size);
        }
        if (fmt == null) throw new WavFormatException(file, "no fmt chunk" + (dataOffset < 0 ? " and no data chunk" : " before the data chunk"));
        if (dataOffset < 0) throw new WavFormatException(file, "no data chunk");
        return header(file, fmt, dataOffset, dataSize, size);
    }

    private static Header header(Path file, ByteBuffer fmt, long dataOffset, long dataSize, long fileSize) throws WavFormatException {
        if (fmt.limit() < 16) throw new WavFormatException(file, "fmt chunk too short: " + fmt.limit() + " bytes");
        int tag = fmt.getShort(0) & 0xFFFF, channels = fmt.getShort(2) & 0xFFFF, blockAlign = fmt.getShort(12) & 0xFFFF;
        long rate = Integer.toUnsignedLong(fmt.getInt(4));
        int bits = fmt.getShort(14) & 0xFFFF;
        WavInfo.Encoding encoding = encodingOf(file, tag, fmt);
        if (channels == 0) throw new WavFormatException(file, "fmt chunk declares 0 channels");
        if (rate == 0 || rate > Integer.MAX_VALUE) throw new WavFormatException(file, "implausible sample rate " + rate);
        if (!SampleCodec.supported(encoding, bits))
            throw new WavFormatException(file, "unsupported sample format: " + bits + "-bit " + encoding);
        if (blockAlign != channels * (bits / 8))
            throw new WavFormatException(file, "block align " + blockAlign + " does not match " + channels + " channels of " + bits + " bits");
        long available = fileSize - dataOffset;
        if (dataSize > available)
            throw new WavFormatException(file, "truncated data chunk: " + available + " of " + dataSize + " bytes");
        long frames = dataSize / blockAlign;
        if (frames == 0) throw new WavFormatException(file, "zero frames: the data chunk holds " + dataSize + " bytes");
        if (frames * blockAlign > Integer.MAX_VALUE - 16)
            throw new WavFormatException(file, "data chunk of " + dataSize + " bytes is too large to decode in memory");
        boolean extensible = tag == TAG_EXTENSIBLE;
        return new Header(new WavInfo(encoding, channels, (int) rate, bits, (int) frames, extensible), blockAlign, dataOffset);
    }

    /** Some writers omit the pad byte after an odd chunk: a pad byte is 0, so a non-zero one that starts a chunk id is not one. */
    private static long nextChunk(FileChannel ch, long afterBody, long padded, long size) throws IOException {
        if (padded == afterBody || afterBody + 4 > size) return padded;
        ByteBuffer next = readFully(ch, afterBody, 4);
        return next.get(0) != 0 && isChunkId(next) ? afterBody : padded;
    }

    private static boolean isChunkId(ByteBuffer b) {
        for (int i = 0; i < 4; i++) if (b.get(i) < 0x20 || b.get(i) > 0x7E) return false;
        return true;
    }

    static ByteBuffer readFully(FileChannel ch, long pos, int n) throws IOException {
        return readFully(ch, pos, ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Fills b from its position to its limit with the file's bytes from pos on, and flips it for reading. */
    static ByteBuffer readFully(FileChannel ch, long pos, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) throw new IOException("unexpected end of file at byte " + (pos + b.position()));
        }
        return b.flip();
    }

    private static String fourCC(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) c[i] = (char) (b.get(at + i) & 0xFF);
        return new String(c);
    }

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : s.chars().collect(StringBuilder::new,
                (sb, c) -> sb.append(String.format("\\x%02X", c)), StringBuilder::append).toString();
    }

    private static String codecName(int tag) {
        String name = KNOWN_CODECS.get(tag);
        return "format tag " + tag + (name == null ? "" : " (" + name + ")");
    }

    private static WavInfo.Encoding encodingOf(Path file, int tag, ByteBuffer fmt) throws WavFormatException {
        if (tag == TAG_PCM) return WavInfo.Encoding.PCM;
        if (tag == TAG_FLOAT) return WavInfo.Encoding.FLOAT;
        if (tag != TAG_EXTENSIBLE) throw new WavFormatException(file, "unsupported codec: " + codecName(tag));
        if (fmt.limit() < 40 || (fmt.getShort(16) & 0xFFFF) < 22)
            throw new WavFormatException(file, "WAVE_FORMAT_EXTENSIBLE fmt chunk too short: " + fmt.limit() + " bytes");
        int sub = fmt.getShort(24) & 0xFFFF;
        byte[] tail = new byte[14];
        fmt.get(26, tail);
        if (!Arrays.equals(tail, GUID_TAIL)) throw new WavFormatException(file, "unsupported codec: EXTENSIBLE sub-format GUID is not a WAVE format");
        if (sub == TAG_PCM) return WavInfo.Encoding.PCM;
        if (sub == TAG_FLOAT) return WavInfo.Encoding.FLOAT;
        throw new WavFormatException(file, "unsupported codec: EXTENSIBLE sub-format " + codecName(sub));
    }
}
