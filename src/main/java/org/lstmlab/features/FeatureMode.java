package org.lstmlab.features;

/** BOOK follows protocol §1 to the letter, quirks included; CORRECTED is the addition of protocol §8 (items 1–3). */
public enum FeatureMode {
    BOOK, CORRECTED;

    public static FeatureMode parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "book" -> BOOK;
            case "corrected" -> CORRECTED;
            default -> throw new IllegalArgumentException("unknown feature mode '" + s + "': expected book or corrected");
        };
    }

    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
}
