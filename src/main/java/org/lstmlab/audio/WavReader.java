package org.lstmlab.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Decodes WAV files: RIFF, big-endian RIFX, and RF64 (sizes over 4 GB in its ds64 chunk); every sample format
 * {@link FmtChunk} accepts; any channel count and rate. Unknown and odd-sized chunks are skipped with their pad byte.
 * A data chunk shorter than its header says is decoded as far as it goes, and {@link WavInfo#warning()} says so.
 *
 * <p>Why our own parser rather than {@code javax.sound.sampled.AudioSystem} (checked on JDK 17): the JDK reader
 * silently returns a truncated data chunk short (its frame length still claims the header's), accepts a data size of
 * 4 GB in a 2 kB file, reads neither RIFX nor RF64, reports ADPCM, a missing fmt chunk and a text file alike as "File
 * of unsupported format", and rejects a file whose writer omitted an odd chunk's pad byte. A dataset loader must say
 * which fault each skipped file has. javax.sound stays what it is right for: the independent reference decoder in
 * the tests and playback via {@link WavInfo#toAudioFormat()}.
 *
 * <p>Headers are only trusted up to the real file size, so an absurd size field never allocates more than the file.
 */
public final class WavReader {
    private WavReader() {}

    /** A fmt chunk is 16, 18 or 40 bytes; anything this large is a corrupt size field, not a header. */
    private static final long MAX_FMT_BYTES = 1 << 16;
    /** A chunk size that defers to the ds64 chunk in RF64. */
    private static final long SIZE_IN_DS64 = 0xFFFFFFFFL;

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

    record Header(WavInfo info, long dataOffset) {}

    static Header parse(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 12) throw new WavFormatException(file, "not a RIFF file: only " + size + " bytes");
        ByteBuffer riff = readFully(ch, 0, 12);
        String magic = fourCC(riff, 0), form = fourCC(riff, 8);
        WavInfo.Container container = switch (magic) {
            case "RIFF" -> WavInfo.Container.RIFF;
            case "RIFX" -> WavInfo.Container.RIFX;
            case "RF64" -> WavInfo.Container.RF64;
            default -> throw new WavFormatException(file, "not a RIFF file (starts with \"" + printable(magic) + "\")");
        };
        if (!form.equals("WAVE")) throw new WavFormatException(file, "RIFF form is \"" + printable(form) + "\", not WAVE");
        ByteOrder order = container.order();

        FmtChunk fmt = null;
        long dataOffset = -1, dataSize = -1, ds64DataSize = -1;
        long pos = 12;
        while (pos + 8 <= size) {
            ByteBuffer head = readFully(ch, pos, ByteBuffer.allocate(8).order(order));
            String id = fourCC(head, 0);
            long chunkSize = Integer.toUnsignedLong(head.getInt(4));
            long body = pos + 8;
            if (id.equals("ds64") && container == WavInfo.Container.RF64) {
                if (chunkSize < 24 || body + 24 > size) throw new WavFormatException(file, "RF64 ds64 chunk too short: " + chunkSize + " bytes");
                ds64DataSize = readFully(ch, body, 24).getLong(8); // after the RIFF size; the sample count follows
                if (ds64DataSize < 0) throw new WavFormatException(file, "RF64 ds64 chunk claims " + Long.toUnsignedString(ds64DataSize) + " data bytes");
            } else if (id.equals("fmt ")) {
                if (chunkSize > MAX_FMT_BYTES) throw new WavFormatException(file, "fmt chunk claims " + chunkSize + " bytes");
                if (body + chunkSize > size) throw new WavFormatException(file, "truncated fmt chunk: " + (size - body) + " of " + chunkSize + " bytes");
                fmt = FmtChunk.parse(file, readFully(ch, body, ByteBuffer.allocate((int) chunkSize).order(order)));
            } else if (id.equals("data")) {
                dataOffset = body;
                dataSize = chunkSize;
                break; // everything after the samples is metadata we do not need
            }
            pos = nextChunk(ch, body + chunkSize, body + chunkSize + (chunkSize & 1), size);
        }
        if (fmt == null) throw new WavFormatException(file, "no fmt chunk" + (dataOffset < 0 ? " and no data chunk" : " before the data chunk"));
        if (dataOffset < 0) throw new WavFormatException(file, "no data chunk");
        if (container == WavInfo.Container.RF64 && dataSize == SIZE_IN_DS64) {
            if (ds64DataSize < 0) throw new WavFormatException(file, "RF64 data size is in a ds64 chunk, and there is none before the data");
            dataSize = ds64DataSize;
        }
        long present = Math.min(dataSize, size - dataOffset), frames = present / (fmt.channels() * fmt.sampleWidth());
        if (frames > Integer.MAX_VALUE) throw new WavFormatException(file, frames + " frames: more than one clip holds (2^31 - 1)");
        return new Header(new WavInfo(container, fmt.encoding(), fmt.channels(), fmt.sampleRate(), fmt.validBits(),
                fmt.sampleWidth(), fmt.extensible(), (int) frames, present, dataSize), dataOffset);
    }

    /** Some writers omit the pad byte after an odd chunk: a pad byte is 0, so a non-zero one that starts a chunk id is not one. */
    private static long nextChunk(FileChannel ch, long afterBody, long padded, long size) throws IOException {
        if (padded == afterBody || afterBody + 4 > size) return padded;
        ByteBuffer next = readFully(ch, afterBody, 4);
        return next.get(0) != 0 && printableAscii(fourCC(next, 0)) ? afterBody : padded;
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

    static String fourCC(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) c[i] = (char) (b.get(at + i) & 0xFF);
        return new String(c);
    }

    /** Printable ASCII only, as a chunk id is. */
    static boolean printableAscii(String s) { return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F); }

    static String printable(String s) {
        return printableAscii(s) ? s : s.chars().collect(StringBuilder::new,
                (sb, c) -> sb.append(String.format("\\x%02X", c)), StringBuilder::append).toString();
    }
}
