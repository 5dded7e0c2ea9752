package org.lstmlab.audio;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script from the test resources, the independent reference for differential tests: the system's
 * /usr/bin/python3 first, else python3 on the PATH. Without either the calling test is skipped by a JUnit assumption
 * that says why.
 */
public final class Python {
    private Python() {}

    /** The script's standard output, a line per element; the test fails with its standard error if it fails. */
    public static List<String> run(String resource, Path workDir, String... args) throws IOException, InterruptedException {
        String python = interpreter();
        Assumptions.assumeTrue(python != null, "skipped: no python3 at /usr/bin/python3 or on the PATH");
        Path script = workDir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = Python.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no test resource " + resource);
            Files.copy(in, script);
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(List.of(args));
        Path err = workDir.resolve("python.err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) throw new IllegalStateException(python + " did not finish in 120 s");
        if (p.exitValue() != 0) throw new IllegalStateException(python + " " + script + " failed:\n" + Files.readString(err));
        return out.lines().toList();
    }

    private static String interpreter() {
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import wave").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return candidate;
            } catch (IOException e) {
                // not installed under this name: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
