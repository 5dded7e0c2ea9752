package org.lstmlab.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class WavRoundTripTest {
    @TempDir Path dir;

    static Stream<Arguments> formats() {
        Stream.Builder<Arguments> b = Stream.builder();
        Object[][] fmts = {{WavInfo.Encoding.PCM, 8}, {WavInfo.Encoding.PCM, 16}, {WavInfo.Encoding.PCM, 24},
                {WavInfo.Encoding.PCM, 32}, {WavInfo.Encoding.FLOAT, 32}, {WavInfo.Encoding.FLOAT, 64}};
        for (Object[] f : fmts)
            for (int channels : new int[]{1, 2, 3, 6})
                for (boolean ext : new boolean[]{false, true})
                    b.add(Arguments.of(f[0], f[1], channels, ext));
        return b.build();
    }

    /** Values every format represents exactly: k / 2^(bits-1) for PCM, float32/float64 values for float. */
    static double[][] exactSamples(WavInfo.Encoding enc, int bits, int channels, int frames, long seed) {
        Random r = new Random(seed);
        double[][] s = new double[channels][frames];
        for (double[] c : s)
            for (int i = 0; i < frames; i++) {
                if (enc == WavInfo.Encoding.FLOAT) c[i] = bits == 32 ? (double) (float) (2 * r.nextDouble() - 1) : 2 * r.nextDouble() - 1;
                else {
                    long half = 1L << (bits - 1);
                    c[i] = (double) (r.nextLong() % half) / half; // in [-(half-1), half-1] / half
                }
            }
        // the extremes: full negative scale and the largest positive value
        if (enc == WavInfo.Encoding.PCM && frames >= 2) {
            s[0][0] = -1.0;
            s[0][1] = 1.0 - Math.scalb(1.0, 1 - bits);
        }
        return s;
    }

    @ParameterizedTest(name = "{1}-bit {0}, {2} ch, extensible={3}")
    @MethodSource("formats")
    void roundTripIsExactWithOddChunksAroundTheData(WavInfo.Encoding enc, int bits, int channels, boolean ext) throws Exception {
        int frames = 1001; // odd: 8-bit mono/3ch and 24-bit mono data chunks need a pad byte
        double[][] samples = exactSamples(enc, bits, channels, frames, bits * 31L + channels);
        WavWriter w = WavWriter.of(enc, bits).sampleRate(22050 + channels).channels(channels)
                .chunk("LIST", "INFOISFT\7\0\0\0lstmlab".getBytes(StandardCharsets.US_ASCII)) // odd size: 19
                .chunk("fact", new byte[]{(byte) (frames & 0xFF), (byte) (frames >> 8), 0, 0})
                .chunkAfterData("junk", new byte[3]);
        if (ext) w.extensible();
        Path f = dir.resolve("x.wav");
        w.write(f, samples);

        Audio a = WavReader.read(f);
        WavInfo expected = new WavInfo(enc, channels, 22050 + channels, bits, frames, ext);
        assertEquals(expected, a.info());
        assertEquals(expected, WavReader.readInfo(f));
        for (int c = 0; c < channels; c++) assertArrayEquals(samples[c], a.samples()[c], 0.0, "channel " + c);
    }

    @Test
    void sixteenBitSamplesTimes32768AreTheExactInt16Values() throws Exception {
        short[] values = {-32768, -32767, -1, 0, 1, 12345, 32767};
        double[][] s = new double[1][values.length];
        for (int i = 0; i < values.length; i++) s[0][i] = values[i] / 32768.0;
        Path f = dir.resolve("int16.wav");
        WavWriter.pcm16().write(f, s);
        double[] back = WavReader.read(f).samples()[0];
        for (int i = 0; i < values.length; i++) assertEquals(values[i], back[i] * 32768, 0.0);
        // and the bytes on disk are those int16 values, little-endian, after the 44-byte canonical header
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(44 + 2 * values.length, bytes.length);
        for (int i = 0; i < values.length; i++)
            assertEquals(values[i], (short) ((bytes[44 + 2 * i] & 0xFF) | (bytes[45 + 2 * i] << 8)));
    }

    @Test
    void eightBitIsUnsignedWithOffset128() throws Exception {
        Path f = dir.resolve("u8.wav");
        WavWriter.pcm8().write(f, new double[][]{{-1.0, 0.0, 127 / 128.0}});
        byte[] bytes = Files.readAllBytes(f);
        assertArrayEquals(new byte[]{0, (byte) 128, (byte) 255}, Arrays.copyOfRange(bytes, 44, 47));
        assertEquals(0, bytes[47], "pad byte after the odd-sized data chunk");
    }

    @Test
    void integerPcmIsRoundedAndClipped() throws Exception {
        Path f = dir.resolve("clip.wav");
        WavWriter.pcm16().write(f, new double[][]{{1.5, -2.0, 0.4 / 32768, 0.6 / 32768}});
        double[] back = WavReader.read(f).samples()[0];
        assertArrayEquals(new double[]{32767, -32768, 0, 1}, Arrays.stream(back).map(v -> v * 32768).toArray(), 0.0);
    }

    @Test
    void aMissingPadByteAfterAnOddChunkIsTolerated() throws Exception {
        double[][] s = exactSamples(WavInfo.Encoding.PCM, 16, 1, 50, 7);
        byte[] good = WavWriter.pcm16().chunk("LIST", new byte[5]).toBytes(s);
        // drop the pad byte that follows the 5-byte LIST body (12 RIFF + 24 fmt + 8 LIST header + 5 body)
        int pad = 12 + 24 + 8 + 5;
        byte[] bad = new byte[good.length - 1];
        System.arraycopy(good, 0, bad, 0, pad);
        System.arraycopy(good, pad + 1, bad, pad, good.length - pad - 1);
        Path f = dir.resolve("nopad.wav");
        Files.write(f, bad);
        assertArrayEquals(s[0], WavReader.read(f).samples()[0], 0.0);
    }

    /** Differential: the JDK's own WAV reader finds the same data chunk and format, and its raw bytes decode to our values. */
    @ParameterizedTest(name = "{0}-bit PCM, {1} ch")
    @MethodSource("jdkReadable")
    void agreesWithJavaSoundOnPlainPcm(int bits, int channels) throws Exception {
        double[][] s = exactSamples(WavInfo.Encoding.PCM, bits, channels, 333, bits + channels);
        Path f = dir.resolve("jdk.wav");
        WavWriter.of(WavInfo.Encoding.PCM, bits).sampleRate(48000).chunk("LIST", new byte[7]).write(f, s);
        Audio ours = WavReader.read(f);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
            AudioFormat jdk = in.getFormat();
            AudioFormat mine = ours.info().toAudioFormat();
            assertEquals(jdk.getEncoding(), mine.getEncoding());
            assertEquals(jdk.getSampleRate(), mine.getSampleRate());
            assertEquals(jdk.getSampleSizeInBits(), mine.getSampleSizeInBits());
            assertEquals(jdk.getChannels(), mine.getChannels());
            assertEquals(jdk.getFrameSize(), mine.getFrameSize());
            byte[] raw = in.readAllBytes();
            int width = bits / 8;
            assertEquals(333 * channels * width, raw.length);
            for (int i = 0; i < raw.length / width; i++) {
                long v = 0;
                for (int k = width - 1; k >= 0; k--) v = (v << 8) | (raw[i * width + k] & 0xFF);
                long signed = bits == 8 ? v - 128 : (v << (64 - bits)) >> (64 - bits);
                assertEquals(signed, Math.round(ours.samples()[i % channels][i / channels] * Math.scalb(1.0, bits - 1)), "sample " + i);
            }
        }
    }

    static Stream<Arguments> jdkReadable() {
        return Stream.of(8, 16, 24, 32).flatMap(b -> Stream.of(Arguments.of(b, 1), Arguments.of(b, 2)));
    }
}
