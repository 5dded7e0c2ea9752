package org.lstmlab.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A WAV file as Python's {@code wave} module reads it, up to Python 3.11: {@code wave.open}, then
 * {@code getnchannels()}, {@code getsampwidth()}, {@code getframerate()} and {@code readframes(getnframes())}, the
 * calls of the book's reader. Book mode decides its skip rules on this view, so it keeps and skips what the book
 * kept and skipped.
 *
 * <p>What {@code wave} does, and so this class: only a "RIFF" file of form "WAVE"; chunks are walked strictly
 * inside the RIFF size, each followed by its pad byte; only format tag 1 (PCM) opens (3.12 also opens
 * WAVE_FORMAT_EXTENSIBLE PCM, 3.11 does not); the sample width is (bits + 7) / 8 bytes and block align is ignored;
 * the data chunk must follow the fmt chunk; its frame count comes from its size, and readframes returns the bytes
 * that are there, so a file cut short reads short. Whatever {@code wave.open} raises is an {@link WavFormatException}
 * whose fault is wave's own error. A partial last frame, on which the book's unguarded numpy conversion would stop
 * the whole load (protocol §1.3), is dropped: one bad file never stops a load here.
 */
public final class PythonWave implements Closeable {
    /** The walked header; it also holds the file and its open channel. */
    private final Walk w;
    private final int frames;

    private PythonWave(Walk w) throws WavFormatException {
        this.w = w;
        long frameSize = (long) w.channels * w.sampleWidth, whole = Math.min(w.availableBytes, w.declaredBytes / frameSize * frameSize) / frameSize;
        if (whole > Integer.MAX_VALUE) throw new WavFormatException(w.file, whole + " frames: more than one clip holds (2^31 - 1)");
        this.frames = (int) whole;
    }

    public static PythonWave open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new PythonWave(new Walk(file, ch).run());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public int channels() { return w.channels; }
    /** The header's bits per sample. */
    public int bits() { return w.bits; }
    /** Bytes per sample, as wave computes it from the header's bits: (bits + 7) / 8. */
    public int sampleWidth() { return w.sampleWidth; }
    public long frameRate() { return w.rate; }
    /** The whole frames readframes(getnframes()) returns: fewer than getnframes() when the file is cut short. */
    public int frames() { return frames; }

    /** "truncated: 944 of 17640 bytes read" when the data chunk holds fewer bytes than its header says. */
    public Optional<String> warning() { return WavInfo.truncation(w.availableBytes, w.declaredBytes); }

    /**
     * One channel of a 2-byte file as its int16 values (the book's scale), without decoding the other channels:
     * book mode reads only the left one. The values go into {@code buffer} when it holds frames() of them, else into
     * a new array; either is returned, so a thread that reads thousands of clips allocates once.
     */
    public double[] int16Channel(int channel, double[] buffer) throws IOException {
        int channels = w.channels;
        if (w.sampleWidth != 2) throw new WavFormatException(w.file, "not 2-byte samples: " + w.sampleWidth + " bytes");
        if (channel < 0 || channel >= channels)
            throw new IllegalArgumentException(w.file + ": no channel " + channel + " in " + channels);
        double[] out = buffer != null && buffer.length >= frames ? buffer : new double[frames];
        int block = 2 * channels, perPiece = Math.max(1, WavFile.PIECE / block);
        ByteBuffer piece = (block <= WavFile.PIECE ? WavFile.PIECES.get() : ByteBuffer.allocate(block)).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < frames; from += perPiece) {
            int n = Math.min(perPiece, frames - from);
            piece.clear().limit(n * block);
            WavReader.readFully(w.ch, w.dataOffset + (long) from * block, piece);
            SampleCodec.int16(piece, channels, channel, 1, out, from, n);
        }
        return out;
    }

    @Override public void close() throws IOException { w.ch.close(); }

    /**
     * wave's Wave_read.initfp over its _Chunk reader. pos is the offset inside the RIFF body, as the RIFF chunk's
     * size_read: reads stop at the RIFF size and at the end of the file, and a skip past the RIFF size raises.
     */
    private static final class Walk {
        final Path file;
        final FileChannel ch;
        final long fileSize;
        long riffSize, pos;
        int channels, bits, sampleWidth;
        long rate, dataOffset, availableBytes, declaredBytes;

        Walk(Path file, FileChannel ch) throws IOException {
            this.file = file;
            this.ch = ch;
            this.fileSize = ch.size();
        }

        Walk run() throws IOException {
            byte[] id = readFile(0, 4), size = readFile(4, 4);
            if (id.length < 4 || size.length < 4) throw error("EOFError", "the file is shorter than a chunk header");
            if (!ascii(id).equals("RIFF")) throw error("wave.Error", "file does not start with RIFF id");
            riffSize = u32(size);
            if (!ascii(read(4)).equals("WAVE")) throw error("wave.Error", "not a WAVE file");
            boolean fmtRead = false;
            while (true) {
                byte[] name = read(4);
                if (name.length < 4) break;
                byte[] sizeField = read(4);
                if (sizeField.length < 4) break;
                long chunkSize = u32(sizeField), start = pos;
                if (ascii(name).equals("fmt ")) {
                    readFmt(chunkSize);
                    fmtRead = true;
                } else if (ascii(name).equals("data")) {
                    if (!fmtRead) throw error("wave.Error", "data chunk before fmt chunk");
                    dataOffset = 8 + pos;
                    declaredBytes = chunkSize;
                    availableBytes = Math.max(0, Math.min(chunkSize, Math.min(riffSize - pos, fileSize - dataOffset)));
                    return this;
                }
                skipTo(start + chunkSize + (chunkSize & 1));
            }
            throw error("wave.Error", "fmt chunk and/or data chunk missing");
        }

        /** Wave_read._read_fmt_chunk: reads 14 bytes, then 2 more for the bits of PCM; the rest is skipped. */
        private void readFmt(long chunkSize) throws WavFormatException {
            byte[] head = read(Math.min(14, chunkSize));
            if (head.length < 14) throw error("EOFError", "a fmt chunk of " + chunkSize + " bytes");
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            int tag = b.getShort(0) & 0xFFFF;
            channels = b.getShort(2) & 0xFFFF;
            rate = Integer.toUnsignedLong(b.getInt(4));
            if (tag != FmtChunk.TAG_PCM) throw error("wave.Error", "unknown format: " + tag + " (" + FmtChunk.codecName(tag) + ")");
            byte[] bitsField = read(Math.min(2, chunkSize - 14));
            if (bitsField.length < 2) throw error("EOFError", "a fmt chunk of " + chunkSize + " bytes");
            this.bits = bitsField[0] & 0xFF | (bitsField[1] & 0xFF) << 8;
            sampleWidth = (this.bits + 7) / 8;
            if (sampleWidth == 0) throw error("wave.Error", "bad sample width");
            if (channels == 0) throw error("wave.Error", "bad # of channels");
        }

        /** The RIFF chunk's seek: a position past its size raises RuntimeError, which wave does not catch. */
        private void skipTo(long target) throws WavFormatException {
            if (target > riffSize) throw error("RuntimeError", "a chunk runs past the RIFF size, " + riffSize + " bytes");
            pos = target;
        }

        /** The RIFF chunk's read: at most n bytes, cut at its size and at the end of the file. */
        private byte[] read(long n) throws WavFormatException {
            byte[] b = readFile(8 + pos, Math.max(0, Math.min(n, riffSize - pos)));
            pos += b.length;
            return b;
        }

        private byte[] readFile(long at, long n) throws WavFormatException {
            int len = (int) Math.max(0, Math.min(n, fileSize - at));
            try {
                return WavReader.readFully(ch, at, len).array();
            } catch (IOException e) {
                throw error("OSError", e.getMessage());
            }
        }

        /** What wave.open raises, as the fault: e.g. "Python's wave.open raises wave.Error: unknown format: 3 (IEEE float)". */
        private WavFormatException error(String type, String message) {
            return new WavFormatException(file, "Python's wave.open raises " + type + ": " + message);
        }

        private static long u32(byte[] b) { return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL; }

        private static String ascii(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }
    }
}
