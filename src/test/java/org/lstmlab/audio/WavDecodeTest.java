package org.lstmlab.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The WAV variants real recordings use, each decoded against an independent decoder: Python's wave module for
 * integer PCM of every container size (skipped, saying so, without python3), javax.sound for the containers and
 * EXTENSIBLE headers it reads and for G.711, SoX for RIFX and RF64 (skipped, saying so, without sox), and for RIFX
 * and RF64 also the same samples in a plain RIFF file.
 */
class WavDecodeTest {
    @TempDir Path dir;

    /** channels and bits of plain PCM: containers of 1 to 8 bytes, 12 bits in 2 and 20 in 3. */
    private static final int[][] PCM = {{1, 8}, {2, 8}, {1, 12}, {2, 16}, {1, 20}, {2, 24}, {1, 32}, {1, 40}, {2, 48}, {1, 56}, {1, 64}};

    @Test
    void integerPcmOfEveryContainerMatchesPythonsWave() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("pcm"));
        for (int[] f : PCM) WavBytes.pcm(f[0], 22050, f[1]).frames(301).write(folder.resolve(f[0] + "ch-" + f[1] + "bit.wav"));
        WavBytes.pcm(2, 8000, 24).frames(1000).cutDataAt(6 * 700 + 4).write(folder.resolve("cut-mid-frame.wav"));
        Map<String, String[]> python = Python.run("/org/lstmlab/audio/pcm_reader.py", dir, folder.toString()).stream()
                .map(l -> l.split("\t", -1)).collect(Collectors.toMap(l -> l[0], Function.identity()));
        assertEquals(PCM.length + 1, python.size());
        for (String[] p : python.values()) {
            Audio ours = WavReader.read(folder.resolve(p[0]));
            int width = Integer.parseInt(p[2]);
            assertEquals(Integer.parseInt(p[1]), ours.channels(), p[0]);
            assertEquals(width, ours.info().sampleWidth(), p[0]);
            assertEquals(Integer.parseInt(p[3]), ours.sampleRate(), p[0]);
            assertEquals(Integer.parseInt(p[4]), ours.frames(), p[0]);
            String[] values = p[5].split(",");
            for (int i = 0; i < values.length; i++) {
                long v = width == 1 ? Long.parseLong(values[i]) - 128 : Long.parseLong(values[i]);
                assertEquals(Math.scalb((double) v, 1 - 8 * width), ours.samples()[i % ours.channels()][i / ours.channels()], 0.0,
                        p[0] + " sample " + i);
            }
        }
    }

    @Test
    void containersAndValidBitsAsJavaSoundReadsThem() throws Exception {
        List<WavBytes> files = new ArrayList<>();
        for (int[] f : PCM) files.add(WavBytes.pcm(f[0], 48000, f[1]).frames(257));
        files.add(WavBytes.pcm(2, 48000, 24).extensible(20, 1).frames(257));
        files.add(WavBytes.pcm(1, 48000, 32).extensible(24, 1).frames(257));
        for (WavBytes w : files) {
            Path f = w.write(dir.resolve("jdk.wav"));
            Audio ours = WavReader.read(f);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
                AudioFormat jdk = in.getFormat();
                Object validProperty = jdk.getProperty("validBitsPerSample");
                int valid = validProperty == null ? jdk.getSampleSizeInBits() : (Integer) validProperty;
                assertEquals(valid, ours.info().bitsPerSample());
                assertEquals(jdk.getChannels(), ours.channels());
                assertEquals(jdk.getFrameSize(), ours.info().blockAlign());
                assertEquals(jdk.getSampleRate(), ours.sampleRate());
                byte[] raw = in.readAllBytes();
                int width = jdk.getFrameSize() / jdk.getChannels();
                assertEquals((long) ours.frames() * jdk.getFrameSize(), raw.length);
                for (int i = 0; i < raw.length / width; i++) {
                    long v = 0;
                    for (int k = width - 1; k >= 0; k--) v = v << 8 | (raw[i * width + k] & 0xFF);
                    v = width == 1 ? v - 128 : v << (64 - 8 * width) >> (64 - 8 * width);
                    v &= -1L << (8 * width - valid); // bits below the valid ones are padding
                    assertEquals(Math.scalb((double) v, 1 - 8 * width), ours.samples()[i % ours.channels()][i / ours.channels()], 0.0,
                            width + "-byte container, " + valid + " valid bits, sample " + i);
                }
            }
        }
    }

    @Test
    void paddingBelowTheValidBitsReadsAsZero() throws Exception {
        Path f = WavBytes.pcm(1, 8000, 12).data(new byte[] {0x2F, 0x01, (byte) 0xFF, (byte) 0xFF}).write(dir.resolve("pad.wav"));
        assertArrayEquals(new double[] {0x0120 / 32768.0, -16 / 32768.0}, WavReader.read(f).samples()[0], 0.0);
    }

    @Test
    void g711MuLawAndALawMatchJavaSoundOnEveryCode() throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) codes[i] = (byte) i;
        for (int tag : new int[] {7, 6}) {
            Path f = WavBytes.of(tag, 1, 8000, 8, 1).data(codes).write(dir.resolve("g711-" + tag + ".wav"));
            Audio ours = WavReader.read(f);
            assertEquals(tag == 7 ? WavInfo.Encoding.MULAW : WavInfo.Encoding.ALAW, ours.info().encoding());
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, false);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(pcm16, AudioSystem.getAudioInputStream(f.toFile()))) {
                ByteBuffer jdk = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(512, jdk.limit());
                for (int i = 0; i < 256; i++) assertEquals(jdk.getShort(2 * i), ours.samples()[0][i] * 32768, 0.0, "code " + i);
            }
            Path ext = WavBytes.of(1, 1, 8000, 8, 1).extensible(8, tag).data(codes).write(dir.resolve("g711-ext.wav"));
            assertArrayEquals(ours.samples()[0], WavReader.read(ext).samples()[0], 0.0, "as an EXTENSIBLE sub-format");
        }
    }

    @Test
    void bigEndianRifxDecodesAsItsRiffTwin() throws Exception {
        for (int bits : new int[] {16, 24, 32}) {
            Audio riff = WavReader.read(WavBytes.pcm(2, 44100, bits).frames(301).write(dir.resolve("le.wav")));
            Audio rifx = WavReader.read(WavBytes.pcm(2, 44100, bits).container("RIFX").frames(301).write(dir.resolve("be.wav")));
            assertEquals(WavInfo.Container.RIFX, rifx.info().container());
            for (int c = 0; c < 2; c++) assertArrayEquals(riff.samples()[c], rifx.samples()[c], 0.0, bits + "-bit channel " + c);
        }
        double[] values = {0.5, -0.25, 1e-3, -1};
        Audio floats = WavReader.read(WavBytes.of(3, 1, 44100, 32, 4).container("RIFX").data(floats(values, ByteOrder.BIG_ENDIAN))
                .write(dir.resolve("float.wav")));
        assertArrayEquals(new double[] {0.5, -0.25, (float) 1e-3, -1}, floats.samples()[0], 0.0);
    }

    @Test
    void rifxAndRf64MatchSox() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int bits : new int[] {16, 24, 32}) {
            files.add(WavBytes.pcm(2, 44100, bits).container("RIFX").frames(301).write(dir.resolve("rifx" + bits + ".wav")));
            files.add(WavBytes.pcm(2, 48000, bits).container("RF64").frames(301).write(dir.resolve("rf64-" + bits + ".wav")));
        }
        for (Path f : files) {
            Audio ours = WavReader.read(f);
            int[] sox = Sox.decode(f);
            assertEquals(sox.length, ours.frames() * ours.channels(), f.getFileName().toString());
            for (int i = 0; i < sox.length; i++) // SoX scales every width to 32 bits; ours to [−1, 1)
                assertEquals(Math.scalb((double) sox[i], -31), ours.samples()[i % 2][i / 2], 0.0, f.getFileName() + " sample " + i);
        }
    }

    @Test
    void bigEndian16BitMatchesJavaSoundsByteSwap() throws Exception {
        WavBytes be = WavBytes.pcm(1, 44100, 16).container("RIFX").frames(500);
        Audio ours = WavReader.read(be.write(dir.resolve("be16.wav")));
        byte[] file = be.bytes(), samples = Arrays.copyOfRange(file, 44, file.length);
        AudioFormat big = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 44100, 16, 1, 2, 44100, true);
        AudioFormat little = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 44100, 16, 1, 2, 44100, false);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(little, new AudioInputStream(new ByteArrayInputStream(samples), big, 500))) {
            ByteBuffer jdk = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 500; i++) assertEquals(jdk.getShort(2 * i), ours.samples()[0][i] * 32768, 0.0, "sample " + i);
        }
    }

    @Test
    void rf64TakesItsSizesFromDs64() throws Exception {
        Audio riff = WavReader.read(WavBytes.pcm(2, 48000, 24).frames(1000).write(dir.resolve("riff.wav")));
        Path f = WavBytes.pcm(2, 48000, 24).container("RF64").frames(1000).write(dir.resolve("rf64.wav"));
        Audio rf64 = WavReader.read(f);
        assertEquals(WavInfo.Container.RF64, rf64.info().container());
        assertEquals(1000, rf64.frames());
        assertTrue(rf64.info().warning().isEmpty());
        for (int c = 0; c < 2; c++) assertArrayEquals(riff.samples()[c], rf64.samples()[c], 0.0);
        // a ds64 claiming 5 GB of samples (a recording too large for RIFF) in a file that holds 6000 bytes of them
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(12 + 8 + 8, 5_000_000_000L);
        Files.write(f, b);
        assertEquals("truncated: 6000 of 5000000000 bytes read", WavReader.readInfo(f).warning().orElseThrow());
    }

    @Test
    void aDataChunkCutShortDecodesItsWholeFramesAndSaysSo() throws Exception {
        WavBytes whole = WavBytes.pcm(1, 44100, 16).frames(8820);
        Audio full = WavReader.read(whole.write(dir.resolve("whole.wav")));
        Audio cut = WavReader.read(whole.cutDataAt(944).write(dir.resolve("cut.wav")));
        assertEquals("truncated: 944 of 17640 bytes read", cut.info().warning().orElseThrow());
        assertEquals(472, cut.frames());
        assertArrayEquals(Arrays.copyOf(full.samples()[0], 472), cut.samples()[0], 0.0);
        assertTrue(full.info().warning().isEmpty());
    }

    private static byte[] floats(double[] values, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (double v : values) b.putFloat((float) v);
        return b.array();
    }
}
