package org.lstmlab.audio;

import java.io.IOException;
import java.nio.file.Path;

/** A WAV file that cannot be decoded; the message names the file and the fault. */
public class WavFormatException extends IOException {
    private final transient Path file;
    private final String fault;

    public WavFormatException(Path file, String fault) {
        super(file + ": " + fault);
        this.file = file;
        this.fault = fault;
    }

    public Path file() { return file; }

    /** The fault alone, e.g. "truncated fmt chunk: 10 of 16 bytes". */
    public String fault() { return fault; }
}
