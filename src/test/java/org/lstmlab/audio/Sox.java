package org.lstmlab.audio;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * SoX as an independent WAV decoder for the containers Python's wave and javax.sound do not read (RIFX, RF64).
 * Without a sox on the PATH the calling test is skipped by a JUnit assumption that says why; scripts/test.sh installs
 * Debian's.
 */
final class Sox {
    private Sox() {}

    /** The file's samples, interleaved, as SoX decodes them, scaled to 32-bit signed integers. */
    static int[] decode(Path wav) throws IOException, InterruptedException {
        Assumptions.assumeTrue(present(), "skipped: no sox on the PATH (Debian package sox)");
        Path err = Files.createTempFile(wav.getParent(), "sox", ".err");
        Process p = new ProcessBuilder("sox", wav.toString(), "-t", "raw", "-e", "signed-integer", "-b", "32", "-L", "-")
                .redirectError(err.toFile()).start();
        byte[] raw = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("sox did not finish in 60 s on " + wav);
        if (p.exitValue() != 0) throw new IllegalStateException("sox failed on " + wav + ":\n" + Files.readString(err));
        int[] samples = new int[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(samples);
        return samples;
    }

    private static boolean present() {
        try {
            Process p = new ProcessBuilder("sox", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
