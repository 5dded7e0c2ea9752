package org.lstmlab.experiment;

import org.lstmlab.recipe.Recipe;
import org.lstmlab.recipe.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * manifest.json of a report folder: what was run and where. A {@link Recipe} (ordered JSON map) holding run_id,
 * created, versions, machine, git_commit (only when `git rev-parse HEAD` answers), and whatever the run adds:
 * config, seeds, data (fingerprint, layout, protocol), models, baselines with their Tribuo provenance, wall time.
 */
public final class RunManifest {
    public static final String FILE = "manifest.json";
    private final Recipe recipe;

    private RunManifest(Recipe recipe) { this.recipe = recipe; }

    /** A manifest that starts with the run id, time, versions, machine and (if any) git commit. */
    public static RunManifest create(String runId) {
        Recipe r = Recipe.empty().with("run_id", runId).with("created", Instant.now().toString())
                .with("versions", versions()).with("machine", machine());
        Optional<String> commit = gitCommit(Path.of(""));
        if (commit.isPresent()) r = r.with("git_commit", commit.get());
        return new RunManifest(r);
    }

    public RunManifest with(String key, Object value) { return new RunManifest(recipe.with(key, value)); }

    public Object get(String key) { return recipe.get(key); }

    public Recipe recipe() { return recipe; }

    public Path write(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, recipe.toJson() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    public static RunManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            return new RunManifest(Recipe.fromJson(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The toolkit's versions plus those of the libraries a report depends on. */
    static Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>(Versions.all());
        v.put("tribuo", org.tribuo.Tribuo.VERSION);
        return v;
    }

    /** cores, memory (physical and max heap, bytes), OS and JVM. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            m.put("memory_bytes", os.getTotalMemorySize());
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        return m;
    }

    /** `git rev-parse HEAD` in dir, if git is installed and dir is inside a repository. */
    static Optional<String> gitCommit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toAbsolutePath().toFile())
                    .redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
