package org.lstmlab.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the formats the synthetic datasets hold: PCM 8/16/24/32, float 32/64, optionally as WAVE_FORMAT_EXTENSIBLE
 * and with extra chunks (e.g. an odd-sized LIST, a fact chunk) before or after the data. Samples are in [-1, 1) as
 * in {@link Audio}; integer PCM is rounded and clipped. javax.sound's WAV writer cannot do float, EXTENSIBLE or extra
 * chunks, hence our own. The rarer files {@link WavReader} reads are made byte by byte in the tests.
 *
 * <pre>WavWriter.pcm16().sampleRate(44100).write(path, samples)</pre>
 */
public final class WavWriter {
    private record Chunk(String id, byte[] body) {}

    private final WavInfo.Encoding encoding;
    private final int bits;
    private int sampleRate = 44100;
    private int channels = -1;
    private boolean extensible;
    private final List<Chunk> beforeData = new ArrayList<>(), afterData = new ArrayList<>();

    private WavWriter(WavInfo.Encoding encoding, int bits) {
        this.encoding = encoding;
        this.bits = bits;
    }

    public static WavWriter pcm8() { return new WavWriter(WavInfo.Encoding.PCM, 8); }
    public static WavWriter pcm16() { return new WavWriter(WavInfo.Encoding.PCM, 16); }
    public static WavWriter pcm24() { return new WavWriter(WavInfo.Encoding.PCM, 24); }
    public static WavWriter float32() { return new WavWriter(WavInfo.Encoding.FLOAT, 32); }

    /** The writer for a given encoding and bit depth (8/16/24/32 PCM, 32/64 float). */
    public static WavWriter of(WavInfo.Encoding encoding, int bits) {
        if (!SampleCodec.writable(encoding, bits)) throw new IllegalArgumentException("unsupported: " + bits + "-bit " + encoding);
        return new WavWriter(encoding, bits);
    }

    public WavWriter sampleRate(int hz) {
        if (hz <= 0) throw new IllegalArgumentException("sample rate must be positive: " + hz);
        sampleRate = hz;
        return this;
    }

    /** Optional: the channel count the samples must have (by default it is samples.length). */
    public WavWriter channels(int n) {
        channels = n;
        return this;
    }

    /** Writes a 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk with the PCM or IEEE-float sub-format GUID. */
    public WavWriter extensible() {
        extensible = true;
        return this;
    }

    /** An extra chunk between fmt and data; an odd-sized body gets its RIFF pad byte. */
    public WavWriter chunk(String id, byte[] body) {
        beforeData.add(new Chunk(checkId(id), body.clone()));
        return this;
    }

    /** An extra chunk after the data chunk (where many editors put LIST/INFO). */
    public WavWriter chunkAfterData(String id, byte[] body) {
        afterData.add(new Chunk(checkId(id), body.clone()));
        return this;
    }

    public void write(Path file, double[][] samples) throws IOException { Files.write(file, toBytes(samples)); }

    /** The complete file as bytes (tests corrupt these to make malformed files). */
    public byte[] toBytes(double[][] samples) {
        int ch = samples.length;
        if (ch == 0 || (channels > 0 && channels != ch))
            throw new IllegalArgumentException("samples have " + ch + " channels, expected " + (channels > 0 ? channels : "at least 1"));
        int frames = samples[0].length;
        for (double[] c : samples) if (c.length != frames) throw new IllegalArgumentException("channels differ in length");
        int blockAlign = ch * bits / 8;
        long dataBytes = (long) frames * blockAlign;
        if (dataBytes > Integer.MAX_VALUE - 1024) throw new IllegalArgumentException("too many samples for one WAV: " + dataBytes + " bytes");

        ByteBuffer fmt = fmtChunk(ch, blockAlign);
        ByteBuffer data = ByteBuffer.allocate((int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        SampleCodec.encode(samples, encoding, bits, data);

        List<Chunk> all = new ArrayList<>(beforeData);
        all.add(0, new Chunk("fmt ", fmt.array()));
        all.add(new Chunk("data", data.array()));
        all.addAll(afterData);
        long total = 12;
        for (Chunk c : all) total += 8 + c.body.length + (c.body.length & 1);
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt((int) (total - 8)).put(ascii("WAVE"));
        for (Chunk c : all) {
            out.put(ascii(c.id)).putInt(c.body.length).put(c.body);
            if ((c.body.length & 1) == 1) out.put((byte) 0);
        }
        return out.array();
    }

    private ByteBuffer fmtChunk(int ch, int blockAlign) {
        int tag = encoding == WavInfo.Encoding.FLOAT ? 3 : 1;
        int size = extensible ? 40 : tag == 1 ? 16 : 18;
        ByteBuffer fmt = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) ch).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        if (size == 18) fmt.putShort((short) 0);
        if (extensible) {
            int mask = ch == 1 ? 0x4 : ch == 2 ? 0x3 : 0; // front centre / front left+right; 0 = unassigned
            fmt.putShort((short) 22).putShort((short) bits).putInt(mask).putShort((short) tag).put(FmtChunk.GUID_TAIL);
        }
        return fmt;
    }

    private static String checkId(String id) {
        if (id.length() != 4 || !WavReader.printableAscii(id))
            throw new IllegalArgumentException("a chunk id is 4 printable ASCII characters: \"" + id + "\"");
        return id;
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
