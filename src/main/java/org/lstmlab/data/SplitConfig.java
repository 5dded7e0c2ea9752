package org.lstmlab.data;

/**
 * How a {@link Split} is drawn, enough to draw it again: the book's (protocol §2) from its seed, or UrbanSound8K's
 * with one test fold, from the fold and its seed (fold is 0 for the book's).
 */
public record SplitConfig(Kind kind, long seed, int fold) {
    public enum Kind {
        BOOK, FOLD;

        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public SplitConfig {
        if (kind == null) throw new IllegalArgumentException("split kind is required (book or fold)");
        if (kind == Kind.FOLD ? fold < 1 || fold > 10 : fold != 0)
            throw new IllegalArgumentException("a " + kind + " split's fold must be " + (kind == Kind.FOLD ? "1..10" : "0") + ", got " + fold);
    }

    public static SplitConfig book(long seed) { return new SplitConfig(Kind.BOOK, seed, 0); }

    public static SplitConfig fold(int testFold, long seed) { return new SplitConfig(Kind.FOLD, seed, testFold); }

    /** The split of these loaded clips; the same clips give the same indices. */
    public Split of(LoadResult r) {
        return kind == Kind.BOOK ? Splits.book(r.sequences().size(), seed) : Splits.folds(r.folds(), r.groups(), fold, seed);
    }

    @Override public String toString() { return (kind == Kind.BOOK ? "book" : "fold-" + fold) + "(seed=" + seed + ")"; }
}
