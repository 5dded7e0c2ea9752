package org.lstmlab.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A WAV file opened with its header parsed once (see {@link WavReader} for the formats and faults): check the
 * header, then decode.
 */
public final class WavFile implements Closeable {
    /** Bytes read per piece: the file is never held whole, so a recording over 2 GB decodes as well. */
    static final int PIECE = 1 << 16;
    /**
     * Each thread's piece buffer, direct: a read into a heap buffer goes through a temporary direct one, which
     * copies every byte twice.
     */
    static final ThreadLocal<ByteBuffer> PIECES = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(PIECE));

    private final Path file;
    private final FileChannel ch;
    private final WavReader.Header header;

    private WavFile(Path file, FileChannel ch, WavReader.Header header) {
        this.file = file;
        this.ch = ch;
        this.header = header;
    }

    public static WavFile open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new WavFile(file, ch, WavReader.parse(file, ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public WavInfo info() { return header.info(); }

    /** The whole file decoded (of a truncated one, the whole frames present); samples are scaled as {@link Audio} documents. */
    public Audio audio() throws IOException {
        WavInfo info = header.info();
        double[][] samples = new double[info.channels()][info.frames()];
        int block = info.blockAlign(), perPiece = Math.max(1, PIECE / block);
        ByteBuffer piece = (block <= PIECE ? PIECES.get() : ByteBuffer.allocate(block)).order(info.container().order());
        for (int from = 0; from < info.frames(); from += perPiece) {
            int frames = Math.min(perPiece, info.frames() - from);
            piece.clear().limit(frames * block);
            WavReader.readFully(ch, header.dataOffset() + (long) from * block, piece);
            SampleCodec.decode(piece, info, samples, from, frames);
        }
        return new Audio(info, samples);
    }

    /**
     * One channel of a 16-bit PCM file as its int16 values (the book's scale), without decoding the other channels:
     * book mode reads only the left one. The values go into {@code buffer} when it holds info().frames() of them,
     * else into a new array; either is returned, so a thread that reads thousands of clips allocates once.
     */
    public double[] int16Channel(int channel, double[] buffer) throws IOException {
        WavInfo info = header.info();
        if (info.encoding() != WavInfo.Encoding.PCM || info.bitsPerSample() != 16 || info.container() == WavInfo.Container.RIFX)
            throw new WavFormatException(file, "not 16-bit PCM: " + info.bitsPerSample() + "-bit " + info.encoding());
        if (channel < 0 || channel >= info.channels())
            throw new IllegalArgumentException(file + ": no channel " + channel + " in " + info.channels());
        double[] out = buffer != null && buffer.length >= info.frames() ? buffer : new double[info.frames()];
        int block = info.blockAlign(), perPiece = Math.max(1, PIECE / block);
        ByteBuffer piece = (block <= PIECE ? PIECES.get() : ByteBuffer.allocate(block)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < info.frames(); from += perPiece) {
            int frames = Math.min(perPiece, info.frames() - from);
            piece.clear().limit(frames * block);
            WavReader.readFully(ch, header.dataOffset() + (long) from * block, piece);
            SampleCodec.int16(piece, info.channels(), channel, 1, out, from, frames);
        }
        return out;
    }

    @Override public void close() throws IOException { ch.close(); }
}
