package org.lstmlab.features;

/** Protocol §1.3: why book mode skips a file (codes 1–5). Corrected mode only skips unreadable files. */
public enum SkipReason {
    CHANNELS("channels", "channel count is neither 1 nor 2"),
    SAMPLE_WIDTH("sample-width", "sample width is not 16-bit PCM"),
    SAMPLE_RATE("sample-rate", "frame rate is not 44100 Hz"),
    UNREADABLE("unreadable", "file cannot be opened or decoded"),
    TOO_SHORT("too-short", "fewer than 44100 frames (shorter than 1 s)");

    private final String rule, description;

    SkipReason(String rule, String description) {
        this.rule = rule;
        this.description = description;
    }

    /** The rule's name as printed in reports and errors: channels, sample-width, sample-rate, unreadable, too-short. */
    public String rule() { return rule; }

    public String description() { return description; }

    /** The book's reason code, 1..5. */
    public int code() { return ordinal() + 1; }
}
