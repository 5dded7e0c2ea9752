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

    private final FileChannel ch;
    private final WavReader.Header header;

    private WavFile(FileChannel ch, WavReader.Header header) {
        this.ch = ch;
        this.header = header;
    }

    public static WavFile open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new WavFile(ch, WavReader.parse(file, ch));
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

    @Override public void close() throws IOException { ch.close(); }
}
