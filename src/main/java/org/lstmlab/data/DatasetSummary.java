package org.lstmlab.data;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.SkipReason;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a dataset gives at each feature setting: clips per class (in the CSV and kept), skipped files per rule,
 * T max and feature memory. The dataset command and the reproduction print it first.
 */
public record DatasetSummary(SoundDataset dataset, List<LoadResult> loads) {
    public DatasetSummary {
        loads = List.copyOf(loads);
    }

    /** Loads (or reads from cache) the dataset at every setting and summarises it. */
    public static DatasetSummary of(SoundDataset dataset, List<FeatureConfig> settings, LoadConfig options) {
        return new DatasetSummary(dataset, settings.stream().map(p -> dataset.load(p, options)).toList());
    }

    /** The summary of loads already made (all of the same dataset). */
    public static DatasetSummary of(List<LoadResult> loads) { return new DatasetSummary(loads.get(0).dataset(), loads); }

    /** class, label, clips, then "kept <tag>" per setting. */
    public Table perClass() {
        Table t = loads.get(0).clipsPerClass().removeColumns("kept");
        for (LoadResult r : loads) t.addColumns(r.clipsPerClass().intColumn("kept").setName("kept " + label(r)));
        return t.setName("clips per class");
    }

    /** code, rule, then a count per setting; plus rows for kept clips, those kept with a warning, T max and feature bytes. */
    public Table perSetting() {
        Table t = Table.create("skipped files per rule", StringColumn.create("item"));
        for (SkipReason r : SkipReason.values()) t.stringColumn("item").append(r.code() + " " + r.rule());
        t.stringColumn("item").append("kept clips").append("kept, read short").append("T max").append("feature MB (float32)");
        for (LoadResult r : loads) {
            IntColumn c = IntColumn.create(label(r));
            r.skips().counts().values().forEach(c::append);
            c.append(r.sequences().size()).append(r.skips().warnings().size()).append(r.sequences().maxSteps())
                    .append((int) Math.round(r.sequences().featureBytes() / 1e6));
            t.addColumns(c);
        }
        return t;
    }

    /** Bytes of all feature arrays together. */
    public long featureBytes() { return loads.stream().mapToLong(r -> r.sequences().featureBytes()).sum(); }

    private static String label(LoadResult r) {
        FeatureConfig p = r.sequences().params();
        return p.mode().id() + " " + p.tag();
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Dataset %s at %s%n  %d clips in %s, %d classes (first-appearance order), fingerprint %s%n",
                dataset.layout(), dataset.root(), dataset.clips().size(), dataset.root().relativize(dataset.csv()),
                dataset.classNames().size(), dataset.fingerprint().substring(0, 12)));
        s.append(String.format(Locale.ROOT, "  refused CSV rows: %d; fsIDs in more than one fold: %d%n",
                dataset.refusedRows().size(), dataset.foldConflicts().size()));
        Stream.concat(dataset.refusedRows().stream().limit(5), dataset.foldConflicts().stream().limit(5))
                .forEach(m -> s.append("    ").append(m).append('\n'));
        s.append('\n').append(perClass().printAll()).append("\n\n").append(perSetting().printAll()).append('\n');
        s.append(String.format(Locale.ROOT, "  features in memory: %.1f MB in all%s%n", featureBytes() / 1e6,
                loads.stream().allMatch(LoadResult::fromCache) ? " (read from cache)" : ""));
        return s.toString();
    }

    @Override public String toString() { return text(); }
}
