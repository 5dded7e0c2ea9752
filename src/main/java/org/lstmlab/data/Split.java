package org.lstmlab.data;

/** Indices into a {@link PackedSequences}: train, validation and test, disjoint. name says how it was made. */
public record Split(String name, int[] train, int[] validation, int[] test) {}
