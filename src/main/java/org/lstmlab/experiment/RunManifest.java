package org.lstmlab.experiment;

import org.lstmlab.recipe.Json;
import org.lstmlab.recipe.Versions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * manifest.json of a report folder: what was run and where. An ordered, immutable JSON map holding run_id,
 * created, versions, machine, git_commit (only when `git rev-parse HEAD` answers), and whatever the run adds:
 * config, seeds, data (fingerprint, layout, protocol), models, baselines with their Tribuo provenance, wall time.
 */
public final class RunManifest {
    public static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> entries;

    private RunManifest(Map<String, Object> entries) { this.entries = java.util.Collections.unmodifiableMap(entries); }

    /** A manifest that starts with the run id, time, versions, machine and (if any) git commit. */
    public static RunManifest create(String runId) {
        RunManifest m = new RunManifest(new LinkedHashMap<>()).with("run_id", runId).with("created", Instant.now().toString())
                .with("versions", versions()).with("machine", machine());
        return gitCommit(Path.of("")).map(commit -> m.with("git_commit", commit)).orElse(m);
    }

    public RunManifest with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(entries);
        m.put(key, value);
        return new RunManifest(m);
    }

    public Object get(String key) { return entries.get(key); }

    public Map<String, Object> entries() { return entries; }

    public void write(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, JSON.writeValueAsString(entries) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static RunManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            return new RunManifest(JSON.readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, Object>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The toolkit's versions plus those of the libraries a report depends on. */
    static Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>(Json.MAPPER.convertValue(Versions.current(), new TypeReference<Map<String, Object>>() {}));
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
