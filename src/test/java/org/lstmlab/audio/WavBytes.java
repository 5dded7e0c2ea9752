package org.lstmlab.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * WAV files byte by byte, for the tests: every field settable, so the corpus holds what real recordings and broken
 * downloads contain (valid bits below the container, G.711, RIFX, RF64, a data chunk cut short, a wrong RIFF size, a
 * missing pad byte). Written independently of {@link WavWriter} and the reader's code.
 */
public final class WavBytes {
    private int tag, channels, rate, bits, blockAlign, validBits = -1, subTag;
    private String magic = "RIFF";
    private byte[] data = new byte[0], before = new byte[0], fmtOverride;
    private long riffSize = -1, keepDataBytes = -1;
    private boolean dataFirst;

    private WavBytes(int tag, int channels, int rate, int bits, int blockAlign) {
        this.tag = tag;
        this.channels = channels;
        this.rate = rate;
        this.bits = bits;
        this.blockAlign = blockAlign;
    }

    /** Integer PCM (format tag 1) in containers of (bits + 7) / 8 bytes. */
    public static WavBytes pcm(int channels, int rate, int bits) { return of(1, channels, rate, bits, channels * ((bits + 7) / 8)); }

    public static WavBytes of(int tag, int channels, int rate, int bits, int blockAlign) {
        return new WavBytes(tag, channels, rate, bits, blockAlign);
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk: bits is the container, validBits the wValidBitsPerSample. */
    public WavBytes extensible(int validBits, int subTag) {
        this.validBits = validBits;
        this.subTag = subTag;
        return this;
    }

    /** "RIFF", "RIFX" (big-endian header) or "RF64" (sizes 0xFFFFFFFF, the real ones in a ds64 chunk). */
    public WavBytes container(String magic) {
        this.magic = magic;
        return this;
    }

    public WavBytes data(byte[] bytes) {
        data = bytes.clone();
        return this;
    }

    /**
     * Frames of a sawtooth in this format's containers and byte order, with the lowest 4 bits of every multi-byte
     * sample zero (valid for 12 bits and up); 1-byte samples run through all 256 codes.
     */
    public WavBytes frames(int frames) {
        int width = blockAlign / channels;
        long[] v = new long[frames * channels];
        for (int i = 0; i < v.length; i++) v[i] = width == 1 ? i % 256 : ((i * 37L) % 2001 - 1000) << (8 * width - 16 + 4);
        return data(ints(v, width, order()));
    }

    /** A chunk between fmt and data, with its pad byte when odd-sized unless pad is false. */
    public WavBytes chunkBeforeData(String id, byte[] body, boolean pad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before);
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(u32(body.length));
        out.writeBytes(body);
        if (pad && body.length % 2 == 1) out.write(0);
        before = out.toByteArray();
        return this;
    }

    /** The file is cut this many bytes into the data chunk, which still declares its full size. */
    public WavBytes cutDataAt(long bytes) {
        keepDataBytes = bytes;
        return this;
    }

    public WavBytes riffSize(long size) {
        riffSize = size;
        return this;
    }

    /** A fmt chunk body of exactly these bytes instead of the one the fields make. */
    public WavBytes fmtBody(byte[] body) {
        fmtOverride = body.clone();
        return this;
    }

    public WavBytes dataBeforeFmt() {
        dataFirst = true;
        return this;
    }

    public ByteOrder order() { return magic.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN; }

    public byte[] bytes() {
        boolean rf64 = magic.equals("RF64");
        byte[] fmt = fmtOverride != null ? fmtOverride : fmt();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        long total = 4 + (rf64 ? 36 : 0) + 8 + fmt.length + (fmt.length & 1) + before.length + 8 + data.length + (data.length & 1);
        if (rf64) body.writeBytes(chunk("ds64", ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(total).putLong(data.length).putLong(data.length / Math.max(1, blockAlign)).putInt(0).array()));
        byte[] dataChunk = chunk("data", data, rf64 ? 0xFFFFFFFFL : data.length);
        if (dataFirst) body.writeBytes(dataChunk);
        body.writeBytes(chunk("fmt ", fmt));
        body.writeBytes(before);
        if (!dataFirst) body.writeBytes(dataChunk);
        byte[] all = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + all.length).order(order());
        out.put(magic.getBytes(StandardCharsets.US_ASCII)).putInt((int) (riffSize >= 0 ? riffSize : rf64 ? 0xFFFFFFFFL : all.length)).put(all);
        byte[] file = out.array();
        if (keepDataBytes < 0) return file;
        int dataStart = indexOf(file, "data") + 8;
        return Arrays.copyOf(file, (int) (dataStart + keepDataBytes));
    }

    public Path write(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    private byte[] fmt() {
        ByteBuffer b = ByteBuffer.allocate(validBits >= 0 ? 40 : tag == 1 ? 16 : 18).order(order());
        b.putShort((short) (validBits >= 0 ? 0xFFFE : tag)).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        if (validBits >= 0) {
            b.putShort((short) 22).putShort((short) validBits).putInt(0).putShort((short) subTag).put(FmtChunk.GUID_TAIL);
        } else if (tag != 1) b.putShort((short) 0);
        return b.array();
    }

    private byte[] chunk(String id, byte[] body) { return chunk(id, body, body.length); }

    private byte[] chunk(String id, byte[] body, long size) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(order());
        return b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt((int) size).put(body).array();
    }

    private byte[] u32(long v) { return ByteBuffer.allocate(4).order(order()).putInt((int) v).array(); }

    private static int indexOf(byte[] file, String id) {
        byte[] needle = id.getBytes(StandardCharsets.US_ASCII);
        for (int i = 12; i + 4 <= file.length; i++)
            if (Arrays.equals(file, i, i + 4, needle, 0, 4)) return i;
        throw new IllegalStateException("no " + id + " chunk");
    }

    /** Integers as containers of width bytes (1-byte values are taken as the unsigned byte). */
    public static byte[] ints(long[] values, int width, ByteOrder order) {
        byte[] out = new byte[values.length * width];
        for (int i = 0; i < values.length; i++)
            for (int k = 0; k < width; k++)
                out[i * width + (order == ByteOrder.LITTLE_ENDIAN ? k : width - 1 - k)] = (byte) (values[i] >> (8 * k));
        return out;
    }
}
