package org.lstmlab.features;

import java.util.Locale;

/** Protocol §1.3: why book mode skips a file (codes 1–5). Corrected mode only skips unreadable files. */
public enum SkipReason {
    CHANNELS("channel count is neither 1 nor 2"),
    SAMPLE_WIDTH("sample width is not 16-bit PCM"),
    SAMPLE_RATE("frame rate is not 44100 Hz"),
    UNREADABLE("file cannot be opened or decoded"),
    TOO_SHORT("fewer than 44100 frames (shorter than 1 s)");

    private final String description;

    SkipReason(String description) { this.description = description; }

    /** The rule's name as printed in reports and errors: channels, sample-width, sample-rate, unreadable, too-short. */
    public String rule() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public String description() { return description; }

    /** The book's reason code, 1..5. */
    public int code() { return ordinal() + 1; }
}
