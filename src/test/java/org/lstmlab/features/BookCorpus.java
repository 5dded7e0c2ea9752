package org.lstmlab.features;

import org.lstmlab.audio.WavBytes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * WAV files at the edges of the book's skip rules (protocol §1.3), each with the outcome of the book's reader: the
 * rule that skips it, or kept (null), and the frames readframes returns. The table is Python 3.11's, which decides
 * every file here as the book's Python 3.4 did; Python 3.12 and later also open WAVE_FORMAT_EXTENSIBLE PCM
 * ({@link Entry#framesFrom312()}).
 */
final class BookCorpus {
    private BookCorpus() {}

    /**
     * frames: what readframes(getnframes()) returns, in whole frames; -1 where wave.open or a header rule stops
     * first. framesFrom312: the frames Python 3.12 and later keep where they differ, else -1.
     */
    record Entry(String name, byte[] bytes, SkipReason rule, int frames, int framesFrom312) {
        /** The rule under Python 3.minor, null when kept. */
        SkipReason rule(int minor) { return minor >= 12 && framesFrom312 >= 0 ? null : rule; }

        int frames(int minor) { return minor >= 12 && framesFrom312 >= 0 ? framesFrom312 : frames; }
    }

    static final int SECOND = 44100;

    static List<Entry> entries() {
        byte[] mono = WavBytes.pcm(1, SECOND, 16).frames(SECOND).bytes();
        return List.of(
                kept("mono-16.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND + 50), SECOND + 50),
                kept("stereo-16.wav", WavBytes.pcm(2, SECOND, 16).frames(45000), 45000),
                kept("exactly-one-second.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND), SECOND),
                skip("one-frame-short.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND - 1), SkipReason.TOO_SHORT, SECOND - 1),
                kept("12-bit-in-2-bytes.wav", WavBytes.pcm(1, SECOND, 12).frames(SECOND), SECOND),
                skip("3-channels-12-bit.wav", WavBytes.pcm(3, SECOND, 12).frames(SECOND), SkipReason.CHANNELS, -1),
                skip("5-channels-20-bit.wav", WavBytes.pcm(5, SECOND, 20).frames(1000), SkipReason.CHANNELS, -1),
                skip("4-channels-8-bit.wav", WavBytes.pcm(4, SECOND, 8).frames(1000), SkipReason.CHANNELS, -1),
                skip("7-channels-16-bit.wav", WavBytes.pcm(7, SECOND, 16).frames(1000), SkipReason.CHANNELS, -1),
                skip("3-channels-48k.wav", WavBytes.pcm(3, 48000, 16).frames(1000), SkipReason.CHANNELS, -1),
                skip("20-bit-in-3-bytes.wav", WavBytes.pcm(1, SECOND, 20).frames(SECOND), SkipReason.SAMPLE_WIDTH, -1),
                skip("8-bit.wav", WavBytes.pcm(1, SECOND, 8).frames(SECOND), SkipReason.SAMPLE_WIDTH, -1),
                skip("24-bit.wav", WavBytes.pcm(1, SECOND, 24).frames(SECOND), SkipReason.SAMPLE_WIDTH, -1),
                skip("64-bit.wav", WavBytes.pcm(1, SECOND, 64).frames(100), SkipReason.SAMPLE_WIDTH, -1),
                skip("stereo-24-bit-48k.wav", WavBytes.pcm(2, 48000, 24).frames(100), SkipReason.SAMPLE_WIDTH, -1),
                skip("48k.wav", WavBytes.pcm(1, 48000, 16).frames(48000), SkipReason.SAMPLE_RATE, -1),
                skip("rate-0.wav", WavBytes.pcm(1, 0, 16).frames(100), SkipReason.SAMPLE_RATE, -1),
                // cut short: the header claims 2 s
                skip("cut-to-0.7-s.wav", WavBytes.pcm(1, SECOND, 16).frames(2 * SECOND).cutDataAt(2 * 30000), SkipReason.TOO_SHORT, 30000),
                kept("cut-to-1.4-s.wav", WavBytes.pcm(1, SECOND, 16).frames(2 * SECOND).cutDataAt(2 * 60000), 60000),
                kept("cut-mid-frame.wav", WavBytes.pcm(2, SECOND, 16).frames(2 * SECOND).cutDataAt(4 * 50000 + 2), 50000),
                skip("empty-data.wav", WavBytes.pcm(1, SECOND, 16).frames(0), SkipReason.TOO_SHORT, 0),
                skip("empty-data-3-channels.wav", WavBytes.pcm(3, SECOND, 16).frames(0), SkipReason.CHANNELS, -1),
                kept("odd-data-size.wav", WavBytes.pcm(1, SECOND, 16).data(Arrays.copyOf(mono, 2 * SECOND + 1)), SECOND),
                kept("bad-block-align.wav", WavBytes.of(1, 1, SECOND, 16, 0).data(pcm16(mono)), SECOND),
                kept("odd-list-chunk.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND).chunkBeforeData("LIST", new byte[5], true), SECOND),
                skip("odd-list-chunk-no-pad.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND).chunkBeforeData("LIST", new byte[5], false),
                        SkipReason.UNREADABLE, -1),
                // the RIFF size bounds what wave reads: fmt ends 28 bytes into the RIFF body, the samples start 8 later
                kept("riff-size-cuts-data.wav", WavBytes.pcm(1, SECOND, 16).frames(2 * SECOND).riffSize(36 + 2 * 50000), 50000),
                skip("riff-size-hides-data.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND).riffSize(28), SkipReason.UNREADABLE, -1),
                skip("riff-size-0.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND).riffSize(0), SkipReason.UNREADABLE, -1),
                skip("float-32.wav", WavBytes.of(3, 1, SECOND, 32, 4).frames(SECOND), SkipReason.UNREADABLE, -1),
                skip("mu-law.wav", WavBytes.of(7, 1, SECOND, 8, 1).frames(SECOND), SkipReason.UNREADABLE, -1),
                new Entry("extensible-pcm-16.wav", WavBytes.pcm(1, SECOND, 16).extensible(16, 1).frames(SECOND).bytes(),
                        SkipReason.UNREADABLE, -1, SECOND),
                skip("extensible-float.wav", WavBytes.of(1, 1, SECOND, 32, 4).extensible(32, 3).frames(SECOND), SkipReason.UNREADABLE, -1),
                skip("rifx.wav", WavBytes.pcm(1, SECOND, 16).container("RIFX").frames(SECOND), SkipReason.UNREADABLE, -1),
                skip("rf64.wav", WavBytes.pcm(1, SECOND, 16).container("RF64").frames(SECOND), SkipReason.UNREADABLE, -1),
                skip("data-before-fmt.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND).dataBeforeFmt(), SkipReason.UNREADABLE, -1),
                skip("fmt-of-14-bytes.wav", WavBytes.pcm(1, SECOND, 16).frames(SECOND).fmtBody(Arrays.copyOf(fmt16(), 14)),
                        SkipReason.UNREADABLE, -1),
                skip("0-channels.wav", WavBytes.of(1, 0, SECOND, 16, 2).data(pcm16(mono)), SkipReason.UNREADABLE, -1),
                skip("0-bits.wav", WavBytes.of(1, 1, SECOND, 0, 2).data(pcm16(mono)), SkipReason.UNREADABLE, -1),
                new Entry("text.wav", "hello, this is not audio".getBytes(StandardCharsets.US_ASCII), SkipReason.UNREADABLE, -1, -1),
                new Entry("3-bytes.wav", new byte[] {'R', 'I', 'F'}, SkipReason.UNREADABLE, -1, -1));
    }

    /** Writes every entry into dir under its name. */
    static List<Entry> write(Path dir) throws IOException {
        List<Entry> all = entries();
        for (Entry e : all) Files.write(dir.resolve(e.name()), e.bytes());
        return all;
    }

    private static Entry kept(String name, WavBytes wav, int frames) { return new Entry(name, wav.bytes(), null, frames, -1); }

    private static Entry skip(String name, WavBytes wav, SkipReason rule, int frames) {
        return new Entry(name, wav.bytes(), rule, frames, -1);
    }

    /** The sample bytes of a canonical 44-byte-header file. */
    private static byte[] pcm16(byte[] file) { return Arrays.copyOfRange(file, 44, file.length); }

    private static byte[] fmt16() {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 1).putInt(SECOND)
                .putInt(2 * SECOND).putShort((short) 2).putShort((short) 16).array();
    }
}
