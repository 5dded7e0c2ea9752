package org.lstmlab.data.synth;

/**
 * Sizes of the embedded synthetic dataset. BOOK matches the book's Kaggle train set (5,435 clips, UrbanSound8K's
 * class mix, clips up to 4 s); SMALL is for quick runs and CI: 60 clips per class, up to 2 s, so every class keeps
 * about 29 clips in book mode.
 */
public enum SyntheticPreset {
    BOOK(new SynthSpec("book", 5435, false, 4.0)),
    SMALL(new SynthSpec("small", 600, true, 2.0));

    private final SynthSpec spec;

    SyntheticPreset(SynthSpec spec) { this.spec = spec; }

    SynthSpec spec() { return spec; }

    /** "book" or "small", as the CLI's --preset takes it. */
    @Override public String toString() { return spec.name(); }

    /** The default preset of a run: SMALL in quick mode, else BOOK. */
    public static SyntheticPreset forQuick(boolean quick) { return quick ? SMALL : BOOK; }

    public int clips() { return spec.clips(); }

    /** The agreed default folder, relative to the project: datasets/synthetic-book or datasets/synthetic-small. */
    public String defaultFolder() { return "datasets/synthetic-" + spec.name(); }
}
