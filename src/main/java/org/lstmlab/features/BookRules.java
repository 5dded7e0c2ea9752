package org.lstmlab.features;

import java.util.Optional;

/**
 * Book mode's skip rules (protocol §1.3) after the header has parsed, in the book's order: channels, sample width,
 * rate, then the one-second rule on the frames actually read. One place for a decoded clip and for a file read as
 * Python's wave reads it.
 */
final class BookRules {
    private BookRules() {}

    /** The first rule that fails, or empty when the clip is kept; bits are the header's, width is wave's (bits + 7) / 8. */
    static Optional<SkippedClipException> check(int channels, int bits, int width, long rate, long frames) {
        if (channels != 1 && channels != 2)
            return skip(SkipReason.CHANNELS, channels + " channels, book mode reads mono or stereo");
        if (width != 2)
            return skip(SkipReason.SAMPLE_WIDTH, bits + "-bit samples (" + width + " bytes), book mode reads 2-byte samples");
        if (rate != FeatureConfig.SAMPLE_RATE)
            return skip(SkipReason.SAMPLE_RATE, rate + " Hz, book mode reads 44100 Hz");
        if (frames < FeatureConfig.SAMPLE_RATE)
            return skip(SkipReason.TOO_SHORT, frames + " frames at 44100 Hz, book mode needs 44100");
        return Optional.empty();
    }

    private static Optional<SkippedClipException> skip(SkipReason reason, String detail) {
        return Optional.of(new SkippedClipException(null, reason, detail));
    }
}
