package org.lstmlab.features;

/** BOOK follows protocol §1 to the letter, quirks included; CORRECTED is the addition of protocol §8 (items 1–3). */
public enum FeatureMode {
    BOOK, CORRECTED;

    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The id, so that help texts and JSON show what the CLI accepts. */
    @Override public String toString() { return id(); }
}
