package org.lstmlab.data;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import java.util.stream.IntStream;

/**
 * A loaded dataset: the packed feature sequences of the kept clips (in CSV order), what was skipped, and for each
 * kept sequence the index of its {@link Clip} in {@link SoundDataset#clips()}. fromCache says whether the features
 * came from the on-disk cache.
 */
public record LoadResult(SoundDataset dataset, PackedSequences sequences, SkipReport skips, int[] clipIndex, boolean fromCache) {

    /** The clip behind sequence i. */
    public Clip clip(int i) { return dataset.clips().get(clipIndex[i]); }

    /** UrbanSound8K fold of each sequence (0 for Kaggle). */
    public int[] folds() { return IntStream.range(0, clipIndex.length).map(i -> clip(i).fold()).toArray(); }

    /** Freesound ID of each sequence: clips that share one come from the same recording (Kaggle: the clip ID). */
    public String[] groups() {
        return IntStream.range(0, clipIndex.length).mapToObj(i -> clip(i).fsId()).toArray(String[]::new);
    }

    /** class, label, clips in the CSV, clips kept. */
    public Table clipsPerClass() {
        int k = dataset.classNames().size();
        int[] all = new int[k], kept = new int[k];
        for (Clip c : dataset.clips()) all[c.label()]++;
        for (int label : sequences.labels()) kept[label]++;
        return Table.create("clips per class", StringColumn.create("class", dataset.classNames()),
                IntColumn.indexColumn("label", k, 0), IntColumn.create("clips", all), IntColumn.create("kept", kept));
    }
}
