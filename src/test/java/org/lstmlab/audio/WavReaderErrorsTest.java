package org.lstmlab.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Each malformed file: both read and readInfo throw WavFormatException naming the file and the fault. */
class WavReaderErrorsTest {
    @TempDir Path dir;

    private static final double[][] TONE = {new double[1000]};
    /** Offsets in a canonical 16-bit file: fmt body starts at 20, data size field at 40, samples at 44. */
    private static final int FMT_TAG = 20, DATA_SIZE = 40;

    private static byte[] good() { return WavWriter.pcm16().toBytes(TONE); }

    private void assertFault(String name, byte[] bytes, String... fragments) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        for (boolean infoOnly : new boolean[]{false, true}) {
            WavFormatException e = assertThrows(WavFormatException.class,
                    () -> { if (infoOnly) WavReader.readInfo(f); else WavReader.read(f); });
            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertEquals(f, e.file());
            for (String frag : fragments) assertTrue(e.fault().contains(frag), "'" + frag + "' not in: " + e.fault());
        }
    }

    private static byte[] with(byte[] b, int at, int value, int width) {
        byte[] c = b.clone();
        ByteBuffer bb = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
        if (width == 2) bb.putShort(at, (short) value); else bb.putInt(at, value);
        return c;
    }

    @Test
    void notRiff() throws Exception {
        assertFault("text.wav", "hello, this is not audio".getBytes(StandardCharsets.US_ASCII), "not a RIFF file", "hell");
        assertFault("tiny.wav", new byte[]{1, 2, 3}, "not a RIFF file", "3 bytes");
    }

    @Test
    void riffButNotWave() throws Exception {
        byte[] b = good();
        System.arraycopy("AVI ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
        assertFault("movie.wav", b, "not WAVE", "AVI");
    }

    @Test
    void truncatedFmt() throws Exception {
        assertFault("cutfmt.wav", Arrays.copyOf(good(), 30), "truncated fmt chunk", "10 of 16 bytes");
    }

    @Test
    void noFmtChunk() throws Exception {
        byte[] b = good();
        System.arraycopy("junk".getBytes(StandardCharsets.US_ASCII), 0, b, 12, 4); // fmt becomes an unknown chunk
        assertFault("nofmt.wav", b, "no fmt chunk");
    }

    @Test
    void noDataChunk() throws Exception {
        assertFault("nodata.wav", Arrays.copyOf(good(), 36), "no data chunk");
    }

    @Test
    void rf64WithoutItsDs64Chunk() throws Exception {
        byte[] b = with(good(), DATA_SIZE, 0xFFFFFFFF, 4);
        System.arraycopy("RF64".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        assertFault("rf64.wav", b, "RF64 data size is in a ds64 chunk, and there is none before the data");
    }

    @Test
    void adpcmIsAnUnsupportedCodec() throws Exception {
        assertFault("adpcm.wav", with(good(), FMT_TAG, 2, 2), "unsupported codec", "format tag 2", "ADPCM");
    }

    @Test
    void extensibleWithAnAdpcmSubFormat() throws Exception {
        byte[] b = WavWriter.pcm16().extensible().toBytes(TONE);
        assertFault("extadpcm.wav", with(b, 20 + 24, 2, 2), "unsupported codec", "EXTENSIBLE sub-format format tag 2");
        byte[] foreignGuid = b.clone();
        foreignGuid[20 + 30] = 0x11;
        assertFault("extguid.wav", foreignGuid, "GUID");
    }

    @Test
    void unsupportedSampleFormatsAndBadBlockAlign() throws Exception {
        assertFault("bits72.wav", with(with(good(), 34, 72, 2), 32, 9, 2), "unsupported sample format: 72-bit PCM");
        assertFault("float16.wav", with(with(with(good(), FMT_TAG, 3, 2), 34, 16, 2), 32, 2, 2), "unsupported sample format: 16-bit float");
        assertFault("ulaw16.wav", with(with(good(), FMT_TAG, 7, 2), 34, 16, 2), "unsupported sample format: 16-bit mu-law");
        assertFault("align.wav", with(good(), 32, 3, 2), "block align 3");
        assertFault("nochan.wav", with(good(), 22, 0, 2), "0 channels");
        assertFault("valid.wav", WavBytes.pcm(1, 8000, 16).extensible(20, 1).frames(10).bytes(), "20 valid bits in a 16-bit container");
    }

    /** Absurd size fields are refused or read as far as the file goes; what a header claims is never allocated. */
    @Test
    void absurdSizesDoNotAllocate() throws Exception {
        Path huge = dir.resolve("hugedata.wav");
        Files.write(huge, with(good(), DATA_SIZE, 0xFFFFFFF0, 4));
        assertEquals("truncated: 2000 of 4294967280 bytes read", WavReader.readInfo(huge).warning().orElseThrow());
        assertEquals(1000, WavReader.read(huge).frames());
        assertFault("hugefmt.wav", with(good(), 16, 0x7FFFFFF0, 4), "fmt chunk claims 2147483632 bytes");
        // an unknown chunk claiming 4 GB just runs past the end: then fmt is there but data is not
        byte[] list = WavWriter.pcm16().chunk("LIST", new byte[4]).toBytes(TONE);
        assertFault("hugelist.wav", with(list, 36 + 4, 0xFFFFFFFF, 4), "no data chunk");
    }
}
