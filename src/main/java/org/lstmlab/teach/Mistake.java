package org.lstmlab.teach;

/** The mistakes students make most often in this chapter's cells, each with the hint a check gives for it. */
public enum Mistake {
    NONE(""),
    /** W's blocks read as i, f, o, g. */
    GATE_ORDER("the gate blocks look swapped: the book's W holds them in the order f, i, o, g (columns [0,H), [H,2H), [2H,3H), [3H,4H))"),
    /** G_c carried to step t−1 without the factor f_t. */
    CARRY_WITHOUT_FORGET("the cell-state gradient carried to the previous step misses its factor f_t: G_c(t−1) = G_c(t) ⊙ f_t"),
    /** Each sample's output read at step T, the padded end, for every sample. */
    PADDED_END("the output is read at the padded end (step T) instead of each sample's last valid step T_i"),
    /** ReLU' computed from the layer's input z_t instead of its output h_t. */
    RELU_FROM_INPUT("ReLU's derivative is taken from the input; take it from the output: 1 where h_t > 0, else 0");

    private final String hint;

    Mistake(String hint) { this.hint = hint; }

    public String hint() { return hint; }
}
