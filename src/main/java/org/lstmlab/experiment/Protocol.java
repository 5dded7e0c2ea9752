package org.lstmlab.experiment;

import org.lstmlab.data.DatasetLayout;

/** How test accuracy is measured, as the results table labels it. */
public enum Protocol {
    /** The book's: one seeded random split (protocol §2); clips cut from one recording can land on both sides. */
    RANDOM_SPLIT("random split, recordings may leak"),
    /** UrbanSound8K's official protocol: train on nine folds, test on the tenth, each fold in turn. */
    TEN_FOLD("UrbanSound8K official 10-fold CV (train 9 folds, test held-out fold; mean ± std over folds)");

    private final String label;

    Protocol(String label) { this.label = label; }

    public String label() { return label; }

    public static Protocol of(DatasetLayout layout) {
        return layout == DatasetLayout.URBANSOUND8K ? TEN_FOLD : RANDOM_SPLIT;
    }
}
