package org.lstmlab.nn;

/**
 * Shape of a chapter-11 network: one recurrent layer (inputs -> hidden) and a linear head (hidden -> classes).
 * W is [(inputs + hidden) x gates*hidden], row-major; b is [biasBlocks*hidden]; Wo is [hidden x classes].
 */
public record ModelConfig(CellType cell, int inputs, int hidden, int classes) {

    public ModelConfig {
        if (cell == null) throw new IllegalArgumentException("cell type is required");
        if (inputs <= 0) throw new IllegalArgumentException("inputs must be > 0, got " + inputs);
        if (hidden <= 0) throw new IllegalArgumentException("hidden size must be > 0, got " + hidden);
        if (classes < 2) throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }

    /** The book's network: 100 features, 20 hidden units, 10 classes. */
    public static ModelConfig book(CellType cell) { return new ModelConfig(cell, 100, 20, 10); }

    /** Columns of W. */
    public int gateWidth() { return cell.gates() * hidden; }

    /** Length of b: the gate width, plus H for the GRU's b_hn. */
    public int biasWidth() { return cell.biasBlocks() * hidden; }

    /** Rows of W: the concatenation z = [x, h]. */
    public int zWidth() { return inputs + hidden; }
}
