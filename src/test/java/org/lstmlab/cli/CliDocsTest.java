package org.lstmlab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/cli.md holds every command's --help as the build prints it; this keeps the two the same. */
class CliDocsTest {
    static final Path DOC = Path.of("docs/cli.md"), FRESH = Path.of("target/cli.md");

    static String expected() {
        CommandLine main = Main.commandLine();
        StringBuilder md = new StringBuilder("# Command line\n\n")
                .append("Every command's `--help`, exactly as `java -jar target/lstm-lab.jar <command> --help` prints it ")
                .append("(`CliDocsTest` fails when the two differ). The README has the exit codes and what the options share.\n\n")
                .append("```\n").append(main.getUsageMessage()).append("```\n");
        main.getSubcommands().forEach((name, command) ->
                md.append("\n## ").append(name).append("\n\n```\n").append(command.getUsageMessage()).append("```\n"));
        return md.toString();
    }

    @Test
    void docsHoldEveryCommandsHelp() throws Exception {
        String fresh = expected();
        Files.createDirectories(FRESH.getParent());
        Files.writeString(FRESH, fresh);
        assertEquals(fresh, Files.readString(DOC), "docs/cli.md is out of date: copy " + FRESH + " over it");
    }
}
