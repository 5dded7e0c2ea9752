package org.lstmlab.features;

import java.nio.file.Path;

/**
 * A clip that feature extraction skips (protocol §1.3); the message names the file and the rule. Half of a book-mode
 * dataset is skipped, so no stack trace is taken: the message says all there is to say.
 */
public class SkippedClipException extends Exception {
    private final transient Path file;
    private final SkipReason reason;
    private final String detail;

    public SkippedClipException(Path file, SkipReason reason, String detail) {
        super((file == null ? "clip" : file.toString()) + ": skipped by rule '" + reason.rule() + "': " + detail, null, false, false);
        this.file = file;
        this.reason = reason;
        this.detail = detail;
    }

    /** The same skip, now naming its file. */
    public SkippedClipException in(Path f) { return new SkippedClipException(f, reason, detail); }

    public Path file() { return file; }
    public SkipReason reason() { return reason; }
    /** What was found, e.g. "3 channels". */
    public String detail() { return detail; }
}
