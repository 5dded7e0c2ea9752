package org.lstmlab.data.synth;

/**
 * What a preset fixes: clip count, class mix (balanced, or UrbanSound8K's proportions) and the longest clip.
 * Tests use smaller custom specs.
 */
record SynthSpec(String name, int clips, boolean balanced, double maxSeconds) {
    SynthSpec {
        if (clips < 10) throw new IllegalArgumentException("at least one clip per class: " + clips);
        if (maxSeconds < 1) throw new IllegalArgumentException("clips up to at least 1 s: " + maxSeconds);
    }
}
