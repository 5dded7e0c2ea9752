package org.lstmlab.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RunManifestTest {

    @Test
    void recordsMachineVersionsAndRoundTrips(@TempDir Path dir) {
        RunManifest m = RunManifest.create("run-1").with("seed", 1234).with("data", Map.of("fingerprint", "abc"));
        m.write(dir);
        RunManifest back = RunManifest.read(dir);
        assertEquals("run-1", back.get("run_id"));
        assertEquals(1234, ((Number) back.get("seed")).intValue());
        Map<?, ?> machine = (Map<?, ?>) back.get("machine");
        assertEquals(Runtime.getRuntime().availableProcessors(), ((Number) machine.get("cores")).intValue());
        assertTrue(((Number) machine.get("memory_bytes")).longValue() > 0);
        assertTrue(machine.get("jvm").toString().contains(System.getProperty("java.runtime.version")));
        Map<?, ?> versions = (Map<?, ?>) back.get("versions");
        assertEquals(org.tribuo.Tribuo.VERSION, versions.get("tribuo"));
        assertEquals(m.entries(), back.entries());
    }

    @Test
    void gitCommitOnlyInsideARepository(@TempDir Path dir) throws Exception {
        assertTrue(RunManifest.gitCommit(dir).isEmpty(), "a temp folder is no repository");
        // the build runs inside the project's git checkout (a worktree's .git is a file)
        if (Files.exists(Path.of(".git")))
            assertTrue(RunManifest.gitCommit(Path.of("")).orElseThrow().matches("[0-9a-f]{40}"));
    }

    @Test
    void unreadableManifestNamesTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RunManifest.FILE), "not json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunManifest.read(dir));
        assertTrue(e.getMessage().contains(RunManifest.FILE));
    }
}
