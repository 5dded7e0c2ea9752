package org.lstmlab.data;

/** Indices into a {@link PackedSequences}: train, validation and test, disjoint, and the spec that draws them again. */
public record Split(SplitConfig spec, int[] train, int[] validation, int[] test) {
    public String name() { return spec.toString(); }
}
