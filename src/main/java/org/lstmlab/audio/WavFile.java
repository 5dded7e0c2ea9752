package org.lstmlab.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A WAV file opened with its header parsed once (see {@link WavReader} for the formats and faults): check the
 * header, then decode what is needed.
 */
public final class WavFile implements Closeable {
    /** Bytes read per piece when one channel is decoded: the file is never held whole. */
    private static final int PIECE = 1 << 16;
    /**
     * Each thread's piece buffer, direct: a read into a heap buffer goes through a temporary direct one, which
     * copies every byte twice.
     */
    private static final ThreadLocal<ByteBuffer> PIECES =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(PIECE).order(ByteOrder.LITTLE_ENDIAN));

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

    /** The whole file decoded; samples are scaled as {@link Audio} documents. */
    public Audio audio() throws IOException {
        WavInfo info = header.info();
        ByteBuffer data = WavReader.readFully(ch, header.dataOffset(), info.frames() * header.blockAlign());
        double[][] samples = new double[info.channels()][info.frames()];
        SampleCodec.decode(data, info.encoding(), info.bitsPerSample(), samples);
        return new Audio(info, samples);
    }

    /**
     * One channel of a 16-bit PCM file as its int16 values (the book's scale), without decoding the other channels:
     * book mode reads only the left one. The values go into {@code buffer} when it holds info().frames() of them,
     * else into a new array; either is returned, so a thread that reads thousands of clips allocates once.
     */
    public double[] int16Channel(int channel, double[] buffer) throws IOException {
        WavInfo info = header.info();
        if (info.encoding() != WavInfo.Encoding.PCM || info.bitsPerSample() != 16)
            throw new WavFormatException(file, "not 16-bit PCM: " + info.bitsPerSample() + "-bit " + info.encoding());
        if (channel < 0 || channel >= info.channels())
            throw new IllegalArgumentException(file + ": no channel " + channel + " in " + info.channels());
        double[] out = buffer != null && buffer.length >= info.frames() ? buffer : new double[info.frames()];
        int perPiece = Math.max(1, PIECE / header.blockAlign());
        ByteBuffer piece = header.blockAlign() <= PIECE ? PIECES.get()
                : ByteBuffer.allocate(header.blockAlign()).order(ByteOrder.LITTLE_ENDIAN); // one frame per piece
        for (int from = 0; from < info.frames(); from += perPiece) {
            int frames = Math.min(perPiece, info.frames() - from);
            piece.clear().limit(frames * header.blockAlign());
            WavReader.readFully(ch, header.dataOffset() + (long) from * header.blockAlign(), piece);
            SampleCodec.int16(piece, info.channels(), channel, 1, out, from, frames);
        }
        return out;
    }

    @Override public void close() throws IOException { ch.close(); }
}
