package org.lstmlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The label CSV of either layout into clips. A row that cannot be a clip is refused with a message naming the CSV,
 * the row and the rule, and the other rows go on: missing-column, empty-id, duplicate-id (a clip listed twice; when
 * the rows disagree on its class or fold, every one of them), the path rules of {@link SafePaths}, and for
 * UrbanSound8K bad-fold, class-mismatch (classID and class paired otherwise in an earlier row) and wrong-fold (the
 * file is in another fold's folder). Class indices follow first appearance over every row that names a class,
 * refused or not (protocol §1.2).
 */
final class LabelRows {
    private LabelRows() {}

    record Result(List<Clip> clips, List<String> classNames, List<String> refused, List<String> foldConflicts) {}

    private record Refusal(int row, String message) {}

    /** train.csv: the header row is dropped, column 0 is the ID and column 1 the class; Train/&lt;ID&gt;.wav. */
    static Result kaggle(Path csv, Path audio) throws IOException {
        Rows r = new Rows(csv);
        List<CsvRows.Row> rows = CsvRows.read(csv);
        for (CsvRows.Row row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String id = row.field(0), cls = row.field(1);
            if (cls.isEmpty()) {
                r.refuse(row.line(), "refused by rule 'missing-column': expected ID,Class");
                continue;
            }
            int label = r.register(cls);
            if (id.isEmpty()) {
                r.refuse(row.line(), "'' refused by rule 'empty-id': the row has no ID");
                continue;
            }
            try {
                r.candidates.add(new Clip(row.line(), id, cls, label, SafePaths.resolve(audio, id + ".wav", csv, row.line()), 0, id, 0));
            } catch (SafePaths.Refused e) {
                r.refused(e, row.line());
            }
        }
        return r.result(clips -> List.of());
    }

    /** metadata/UrbanSound8K.csv by its header's column names; audio/fold&lt;fold&gt;/&lt;slice_file_name&gt;. */
    static Result urbanSound(Path csv, Path audio) throws IOException {
        Rows r = new Rows(csv);
        List<CsvRows.Row> rows = CsvRows.read(csv);
        if (rows.isEmpty()) throw new IOException(csv + ": empty file, expected the UrbanSound8K header");
        List<String> header = rows.get(0).fields();
        int name = column(header, "slice_file_name", csv), fsId = column(header, "fsID", csv), fold = column(header, "fold", csv);
        int cls = column(header, "class", csv), classId = column(header, "classID", csv), salience = header.indexOf("salience");
        ClassPairs pairs = new ClassPairs(cls, classId);
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() < header.size()) {
                r.refuse(row.line(), "refused by rule 'missing-column': " + row.fields().size() + " of " + header.size() + " columns");
                continue;
            }
            String file = row.field(name), className = row.field(cls);
            int label = r.register(className);
            String mismatch = pairs.conflict(row);
            if (mismatch != null) {
                r.refuse(row.line(), "'" + className + "' refused by rule 'class-mismatch': " + mismatch);
                continue;
            }
            int f = parseInt(row.field(fold), -1);
            if (f < 1 || f > 10) {
                r.refuse(row.line(), "'" + row.field(fold) + "' refused by rule 'bad-fold': folds are 1..10");
                continue;
            }
            if (file.isEmpty()) {
                r.refuse(row.line(), "'' refused by rule 'empty-id': the row has no slice_file_name");
                continue;
            }
            try {
                Path wav = SafePaths.resolve(audio.resolve("fold" + f), file, csv, row.line());
                String elsewhere = otherFold(audio, file, f);
                if (elsewhere != null) {
                    r.refuse(row.line(), "'" + file + "' refused by rule 'wrong-fold': it is in " + elsewhere + ", the row says fold " + f);
                    continue;
                }
                r.candidates.add(new Clip(row.line(), file, className, label, wav, f, row.field(fsId),
                        salience < 0 ? 0 : parseInt(row.field(salience), 0)));
            } catch (SafePaths.Refused e) {
                r.refused(e, row.line());
            }
        }
        return r.result(LabelRows::foldConflicts);
    }

    /** One message per fsID in more than one fold: its slices would leak across fold splits. */
    private static List<String> foldConflicts(List<Clip> clips) {
        Map<String, TreeSet<Integer>> foldsOf = new LinkedHashMap<>();
        for (Clip c : clips) foldsOf.computeIfAbsent(c.fsId(), k -> new TreeSet<>()).add(c.fold());
        List<String> conflicts = new ArrayList<>();
        foldsOf.forEach((id, folds) -> { if (folds.size() > 1) conflicts.add("fsID " + id + " appears in folds " + folds); });
        return conflicts;
    }

    /** The fold folder other than fold&lt;f&gt;/ that holds the file, when fold&lt;f&gt;/ does not. */
    private static String otherFold(Path audio, String file, int f) {
        if (Files.exists(audio.resolve("fold" + f).resolve(file), LinkOption.NOFOLLOW_LINKS)) return null;
        for (int k = 1; k <= 10; k++)
            if (k != f && Files.isRegularFile(audio.resolve("fold" + k).resolve(file))) return "fold" + k + "/";
        return null;
    }

    private static int column(List<String> header, String name, Path csv) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) throw new IOException(csv + ": header has no '" + name + "' column: " + header);
        return i;
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** classID and class as the rows pair them: the first accepted row to name either fixes its pair. */
    private static final class ClassPairs {
        final int cls, classId;
        final Map<String, CsvRows.Row> byId = new HashMap<>(), byClass = new HashMap<>();

        ClassPairs(int cls, int classId) {
            this.cls = cls;
            this.classId = classId;
        }

        /** How the row breaks an earlier pair, or null when it keeps them (its own pair is then recorded). */
        String conflict(CsvRows.Row row) {
            String id = row.field(classId), name = row.field(cls);
            CsvRows.Row sameId = byId.get(id), sameClass = byClass.get(name);
            if (sameId != null && !sameId.field(cls).equals(name))
                return "row " + sameId.line() + " gives classID " + id + " to '" + sameId.field(cls) + "'";
            if (sameClass != null && !sameClass.field(classId).equals(id))
                return "classID " + id + ", row " + sameClass.line() + " gives it classID " + sameClass.field(classId);
            byId.putIfAbsent(id, row);
            byClass.putIfAbsent(name, row);
            return null;
        }
    }

    /** The rows read so far: candidate clips, class names and refusals. */
    private static final class Rows {
        final Path csv;
        final List<Clip> candidates = new ArrayList<>();
        final List<String> classes = new ArrayList<>();
        final List<Refusal> refusals = new ArrayList<>();

        Rows(Path csv) { this.csv = csv; }

        int register(String name) {
            int i = classes.indexOf(name);
            if (i >= 0) return i;
            classes.add(name);
            return classes.size() - 1;
        }

        void refuse(int row, String what) { refusals.add(new Refusal(row, csv.getFileName() + " row " + row + ": " + what)); }

        /** A path rule's refusal, whose message already names the CSV and the row. */
        void refused(SafePaths.Refused e, int row) { refusals.add(new Refusal(row, e.getMessage())); }

        /**
         * The candidates less every clip listed twice: a later copy that agrees (same class and fold) is refused
         * and the first kept; copies that disagree are all refused, since none of them can be trusted.
         */
        private List<Clip> withoutDuplicates() {
            Map<String, List<Clip>> byId = candidates.stream().collect(Collectors.groupingBy(Clip::id, LinkedHashMap::new, Collectors.toList()));
            Set<Clip> refused = new HashSet<>();
            for (List<Clip> copies : byId.values()) {
                if (copies.size() == 1) continue;
                Clip first = copies.get(0);
                boolean agree = copies.stream().allMatch(c -> c.label() == first.label() && c.fold() == first.fold());
                String rows = copies.stream().map(c -> c.line() + " (" + c.className() + (c.fold() > 0 ? ", fold " + c.fold() : "") + ")")
                        .collect(Collectors.joining(", "));
                for (Clip c : agree ? copies.subList(1, copies.size()) : copies) {
                    refused.add(c);
                    refuse(c.line(), "'" + c.id() + "' refused by rule 'duplicate-id': " + (agree ? "also in row " + first.line()
                            : "listed in rows " + rows + ", which disagree"));
                }
            }
            return candidates.stream().filter(c -> !refused.contains(c)).toList();
        }

        Result result(Function<List<Clip>, List<String>> foldConflicts) {
            List<Clip> kept = withoutDuplicates();
            refusals.sort(Comparator.comparingInt(Refusal::row));
            return new Result(kept, classes, refusals.stream().map(Refusal::message).toList(), foldConflicts.apply(kept));
        }
    }
}
