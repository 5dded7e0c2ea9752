package org.lstmlab.data;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A loaded dataset: the packed feature sequences of the kept clips (in CSV order), what was skipped, and for each
 * kept sequence the index of its {@link Clip} in {@link SoundDataset#clips()}. fromCache says whether the features
 * came from the on-disk cache.
 */
public record LoadResult(SoundDataset dataset, PackedSequences sequences, SkipReport skips, int[] clipIndex, boolean fromCache) {

    /** The clip behind sequence i. */
    public Clip clip(int i) { return dataset.clips().get(clipIndex[i]); }

    /** UrbanSound8K fold of each sequence (0 for Kaggle). */
    public int[] folds() {
        int[] f = new int[clipIndex.length];
        for (int i = 0; i < f.length; i++) f[i] = clip(i).fold();
        return f;
    }

    /** Freesound ID of each sequence: clips that share one come from the same recording (Kaggle: the clip ID). */
    public String[] groups() {
        String[] g = new String[clipIndex.length];
        for (int i = 0; i < g.length; i++) g[i] = clip(i).fsId();
        return g;
    }

    /** class, label, clips in the CSV, clips kept. */
    public Table clipsPerClass() {
        int k = dataset.classNames().size();
        int[] all = new int[k], kept = new int[k];
        for (Clip c : dataset.clips()) all[c.label()]++;
        for (int label : sequences.labels()) kept[label]++;
        Table t = Table.create("clips per class", StringColumn.create("class"), IntColumn.create("label"),
                IntColumn.create("clips"), IntColumn.create("kept"));
        for (int i = 0; i < k; i++) {
            t.stringColumn("class").append(dataset.classNames().get(i));
            t.intColumn("label").append(i);
            t.intColumn("clips").append(all[i]);
            t.intColumn("kept").append(kept[i]);
        }
        return t;
    }
}
