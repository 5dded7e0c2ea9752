package org.lstmlab.data;

import org.lstmlab.features.SkipReason;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The clips a load skipped, each with its rule and what was found; the clips it kept with a warning (a file cut
 * short, read as far as it goes); and the CSV rows refused before loading.
 */
public record SkipReport(List<Skip> skipped, List<Warning> warnings, List<String> refusedRows) {

    /** One skipped clip: path relative to the dataset root, the rule, and the detail. */
    public record Skip(String path, SkipReason reason, String detail) {
        @Override public String toString() { return path + ": " + reason.rule() + " (" + detail + ")"; }
    }

    /** One kept clip the reader warned about: path relative to the dataset root, and the warning. */
    public record Warning(String path, String detail) {
        @Override public String toString() { return path + ": kept, " + detail; }
    }

    public SkipReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        refusedRows = List.copyOf(refusedRows);
    }

    /** Skipped clips per reason, every reason present (zeros included), in the book's code order. */
    public Map<SkipReason, Integer> counts() {
        Map<SkipReason, Integer> m = new EnumMap<>(SkipReason.class);
        for (SkipReason r : SkipReason.values()) m.put(r, 0);
        for (Skip s : skipped) m.merge(s.reason(), 1, Integer::sum);
        return m;
    }

    public int total() { return skipped.size(); }

    /** code, rule, description, count. */
    public Table table() {
        List<SkipReason> rules = List.of(SkipReason.values());
        return Table.create("skipped files", IntColumn.create("code", rules.stream().mapToInt(SkipReason::code)),
                StringColumn.create("rule", rules.stream().map(SkipReason::rule)),
                StringColumn.create("description", rules.stream().map(SkipReason::description)),
                IntColumn.create("count", counts().values().stream().mapToInt(Integer::intValue)));
    }
}
