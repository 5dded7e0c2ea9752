package org.lstmlab.cli;

import org.lstmlab.nn.CellType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the CLI promises across its commands: an option means the same in every command that takes it, and the
 * same fault gives the same exit code everywhere (README: 0 ok, 2 bad usage or bad input, 1 a failure during a run).
 */
class CliContractTest {
    @TempDir static Path dir;
    static Path data, model, wav, batch, blocker;
    static String missingData;

    @BeforeAll
    static void inputs() throws Exception {
        data = Tones.write(dir.resolve("tones"));
        model = dir.resolve("m.model");
        CliRun.Run trained = CliRun.system("train", "--data", data.toString(), "--epochs", "1", "--engine", "reference",
                "--no-progress", "--save", model.toString());
        assertEquals(0, trained.code(), trained.err());
        wav = data.resolve("Train/0.wav");
        batch = new GradCommandTest.Case(CellType.LSTM, 9, 0).write(dir.resolve("batch.npz"));
        blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        missingData = dir.resolve("no-such-data").toString();
    }

    /** Outputs are the one exception: each command writes its own kind of file. */
    private static final Set<String> OWN_MEANING = Set.of("--help", "--version", "--out");

    @Test
    void anOptionHasOneDescriptionAndDefaultInEveryCommand() {
        Map<String, String> first = new HashMap<>(), firstCommand = new HashMap<>();
        List<String> differences = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (var e : Main.commandLine().getSubcommands().entrySet())
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (OWN_MEANING.contains(o.longestName())) continue;
                String meaning = String.join(" ", o.description()) + " | default " + o.defaultValueString() + " | " + o.type();
                String before = first.putIfAbsent(o.longestName(), meaning);
                firstCommand.putIfAbsent(o.longestName(), e.getKey());
                uses.merge(o.longestName(), 1, Integer::sum);
                if (before != null && !before.equals(meaning))
                    differences.add(o.longestName() + " in " + e.getKey() + ": " + meaning + "\n  but in "
                            + firstCommand.get(o.longestName()) + ": " + before);
            }
        assertEquals(List.of(), differences);
        for (String shared : List.of("--seed", "--hidden", "--engine", "--threads", "--mode", "--data"))
            assertTrue(uses.get(shared) >= 2, shared + " is shared by several commands");
    }

    @Test
    void anUnknownOptionIsBadUsageInEveryCommand() {
        Map<String, List<String>> required = Map.of("features", List.of(wav.toString()), "evaluate", List.of(model.toString()),
                "export", List.of(model.toString()), "grad", List.of(batch.toString(), "--out", "x.npz"),
                "problem", List.of("--student", "s1", "--out", "x.npz"), "check", List.of(batch.toString(), batch.toString()),
                "report", List.of(dir.toString()));
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(required.getOrDefault(command, List.of()));
            args.add("--no-such-option");
            CliRun cli = new CliRun();
            assertEquals(2, cli.run(args.toArray(String[]::new)), command);
            assertTrue(cli.err.toString().contains("'--no-such-option'"), command + ": " + cli.err);
        }
    }

    @Test
    void aValueNoSettingAllowsIsBadUsageNamingItsOption() {
        String m = model.toString(), w = wav.toString(), b = batch.toString();
        String[][] cases = {
                {"--engine", "train", "--engine", "gpu"}, {"--engine", "evaluate", m, "--engine", "gpu"},
                {"--engine", "reproduce", "--engine", "gpu"},
                {"--mode", "train", "--mode", "fancy"}, {"--mode", "features", w, "--mode", "fancy"},
                {"--mode", "dataset", "--mode", "fancy"}, {"--mode", "bench-features", "--mode", "fancy"},
                {"--mode", "reproduce", "--mode", "fancy"},
                {"--cell", "train", "--cell", "gru2"}, {"--cell", "grad", b, "--cell", "gru2", "--out", "x.npz"},
                {"--cell", "bench-ort", "--cell", "gru2"}, {"--pair", "bench-engine", "--pair", "gru"},
                {"--rounds", "bench-engine", "--pair", "gru,lstm", "--rounds", "0"},
                {"--window", "train", "--window", "100"}, {"--window", "features", w, "--window", "10-0"},
                {"--windows", "dataset", "--windows", "10-x"}, {"--windows", "bench-features", "--windows", "100"},
                {"--windows", "reproduce", "--windows", "10"},
                {"--threads", "train", "--threads", "0"}, {"--threads", "evaluate", m, "--threads", "0"},
                {"--threads", "dataset", "--threads", "0"}, {"--threads", "reproduce", "--threads", "0"},
                {"--threads", "bench-ort", "--threads", "0"},
                {"--preset", "generate", "--preset", "huge"}, {"--preset", "dataset", "--preset", "huge"},
                {"--preset", "train", "--preset", "huge"}, {"--layout", "reproduce", "--layout", "zip"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of(c).subList(1, c.length));
            // should a value pass by mistake, the run stops at once at the missing folder, without naming the option
            if (Main.commandLine().getSubcommands().get(c[1]).getCommandSpec().findOption("--data") != null)
                args.addAll(List.of("--data", missingData));
            CliRun.Run r = CliRun.system(args.toArray(String[]::new));
            String what = String.join(" ", c);
            assertEquals(2, r.code(), what);
            assertTrue(r.err().contains(c[0]), what + ": " + r.err());
            assertEquals("", r.out(), what + ": nothing ran");
        }
    }

    @Test
    void aMissingDatasetIsBadInputInEveryCommandThatReadsOne() {
        String[][] cases = {{"train", "--data", missingData}, {"evaluate", model.toString(), "--data", missingData},
                {"dataset", "--data", missingData}, {"bench-features", "--data", missingData},
                {"reproduce", "--data", missingData, "--reports", dir.resolve("reports").toString()}};
        for (String[] c : cases) assertBadInput(c, missingData);
    }

    @Test
    void aMissingOrDamagedModelFileIsBadInputInEveryCommandThatReadsOne() throws Exception {
        Path damaged = Files.writeString(dir.resolve("damaged.model"), "PK\u0003\u0004 not a zip");
        for (Path m : new Path[] {dir.resolve("missing.model"), damaged}) {
            String f = m.toString();
            for (String[] c : new String[][] {{"evaluate", f, "--data", data.toString()}, {"export", f},
                    {"train", "--from", f, "--data", data.toString(), "--no-progress"}})
                assertBadInput(c, f);
        }
    }

    @Test
    void aSettingOutsideItsRangeIsBadInputInEveryCommandThatTrains() {
        for (String command : new String[] {"train", "reproduce"}) {
            assertBadInput(new String[] {command, "--data", data.toString(), "--hidden", "0"}, "hidden size must be > 0");
            assertBadInput(new String[] {command, "--data", data.toString(), "--batch", "0"}, "batch size must be > 0");
        }
    }

    @Test
    void anOutputThatCannotBeWrittenFailsTheRunInEveryCommandThatWrites() {
        String[][] cases = {
                {"train", "--data", data.toString(), "--epochs", "1", "--engine", "reference", "--no-progress",
                        "--save", blocker.resolve("m.model").toString()},
                {"features", wav.toString(), "--out", blocker.resolve("f.csv").toString()},
                {"grad", batch.toString(), "--out", blocker.resolve("g.npz").toString()},
                {"export", model.toString(), "--out", blocker.resolve("m.onnx").toString()},
                {"generate", "--preset", "small", "--out", blocker.resolve("synthetic").toString()},
                {"reproduce", "--data", data.toString(), "--reports", blocker.toString(), "--windows", "10-100",
                        "--models", "rnn", "--epochs", "1", "--no-baselines", "--no-gradient-study", "--no-progress"}};
        for (String[] c : cases) assertFailure(c, blocker.toString());
    }

    @Test
    void aRunThatDivergesIsAFailureInEveryCommandThatTrains() {
        assertFailure(new String[] {"train", "--data", data.toString(), "--cell", "rnn", "--lr", "1e30", "--no-progress"},
                "diverged");
        assertFailure(new String[] {"reproduce", "--data", data.toString(), "--reports", dir.resolve("diverged").toString(),
                "--windows", "10-100", "--models", "rnn", "--lr", "1e30", "--epochs", "1", "--no-baselines",
                "--no-gradient-study", "--no-progress"}, "diverged");
    }

    /** reproduce &gt; log 2&gt;&amp;1 once piled hundreds of bar frames onto one line of the log. */
    @Test
    void offATerminalProgressIsWholeLinesAtMostOnePerTenthOfATask() {
        CliRun.Run r = CliRun.system("reproduce", "--data", data.toString(), "--reports", dir.resolve("progress").toString(),
                "--windows", "10-100", "--models", "rnn,lstm", "--epochs", "20", "--no-baselines", "--no-gradient-study");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("\r"), r.err());
        Map<String, Integer> linesOfTask = new HashMap<>();
        for (String line : r.err().lines().toList()) {
            var m = java.util.regex.Pattern.compile("^(.+): \\d+/\\d+ \\(\\d+%\\)").matcher(line);
            if (m.find()) linesOfTask.merge(m.group(1), 1, Integer::sum);
        }
        assertEquals(11, linesOfTask.get("training"), "40 epochs, a line at each tenth:\n" + r.err());
        linesOfTask.forEach((task, n) -> assertTrue(n <= 11, task + ": " + n + " lines\n" + r.err()));
    }

    private static void assertBadInput(String[] args, String named) { assertExit(2, args, named); }

    private static void assertFailure(String[] args, String named) { assertExit(1, args, named); }

    /** The exit code, and one line on stderr "command: why" that names the culprit. */
    private static void assertExit(int code, String[] args, String named) {
        CliRun.Run r = CliRun.system(args);
        String what = String.join(" ", args);
        assertEquals(code, r.code(), what + "\n" + r.err());
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith(args[0] + ": ") && last.contains(named), what + ": " + r.err());
    }
}
