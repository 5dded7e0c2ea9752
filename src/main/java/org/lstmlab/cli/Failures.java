package org.lstmlab.cli;

import org.lstmlab.audio.WavFormatException;
import org.lstmlab.features.SkippedClipException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.nio.file.NoSuchFileException;

/**
 * The one place a command's exception becomes an exit code (README: exit codes): 2 for bad input (a value no
 * setting allows, a missing or unreadable input file, a clip the rules skip), 1 for a failure during the run.
 * Either way one line on stderr, "command: why".
 */
final class Failures implements IExecutionExceptionHandler {
    static final int OK = 0, FAILED = 1, BAD_INPUT = 2;

    @Override public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        command.getErr().println(command.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        command.getErr().flush();
        return badInput(e) ? BAD_INPUT : FAILED;
    }

    static boolean badInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof IllegalArgumentException || t instanceof NoSuchFileException || t instanceof WavFormatException
                    || t instanceof SkippedClipException) return true;
        return false;
    }
}
