package org.lstmlab.experiment;

import org.lstmlab.nn.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class ResultsTableTest {

    static ResultsTable sample() {
        BookResults.Entry book = BookResults.of(10, 100, CellType.LSTM_STATE).orElseThrow();
        return ResultsTable.create()
                .add(new ResultsTable.Entry("us_state_10_100", 10, 100, "LSTM+state", "random split, recordings may leak",
                        0.7512, Double.NaN, 1, 0.70, 61.4, 100, book.accuracy(), book.seconds()))
                .add(new ResultsTable.Entry("forest_10_100", 10, 100, "random forest (pooled)", "UrbanSound8K 10-fold",
                        0.62, 0.031, 10, 0.6, 3.2, 0, Double.NaN, Double.NaN));
    }

    /**
     * BookResults against the published table as docs/protocol.md §6 transcribes it from the book's notebook: each
     * bold row (the chapter's final numbers) gives a model, a window, a test accuracy and training seconds.
     */
    @Test
    void bookNumbersAreTheBoldRowsOfTheProtocolsPublishedTable() throws Exception {
        Pattern row = Pattern.compile("\\| \\*\\*(basic \\(RNN\\)|lstm|state)\\*\\* \\| (\\d+) ms \\|.*\\| \\*\\*([0-9.]+)\\*\\* \\| \\*\\*(\\d+)\\*\\* \\|");
        Map<String, CellType> cells = Map.of("basic (RNN)", CellType.RNN, "lstm", CellType.LSTM, "state", CellType.LSTM_STATE);
        Set<String> seen = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("docs/protocol.md"))) {
            Matcher m = row.matcher(line);
            if (!m.matches()) continue;
            CellType cell = cells.get(m.group(1));
            int window = Integer.parseInt(m.group(2));
            BookResults.Entry entry = BookResults.of(10, window, cell).orElseThrow(() -> new AssertionError("no entry for " + line));
            assertEquals(Double.parseDouble(m.group(3)), entry.accuracy(), 0, line);
            assertEquals(Double.parseDouble(m.group(4)), entry.seconds(), 0, line);
            seen.add(cell + "@" + window);
        }
        assertEquals(6, seen.size(), "the six final models of the table, found: " + seen);
        assertTrue(BookResults.of(10, 50, CellType.LSTM).isEmpty());
        assertTrue(BookResults.of(20, 100, CellType.LSTM).isEmpty());
    }

    @Test
    void writesCsvMarkdownAndHtmlAndReadsBack(@TempDir Path dir) throws Exception {
        ResultsTable t = sample();
        t.write(dir);
        ResultsTable back = ResultsTable.read(dir.resolve(ResultsTable.CSV));
        assertEquals(t.entries().size(), back.entries().size());
        for (int k = 0; k < 2; k++) {
            ResultsTable.Entry a = t.entries().get(k), b = back.entries().get(k);
            assertEquals(a.model(), b.model());
            assertEquals(a.accuracy(), b.accuracy(), 1e-12);
            assertEquals(a.bookAccuracy(), b.bookAccuracy(), 1e-12);
            assertEquals(Double.isNaN(a.accuracyStd()), Double.isNaN(b.accuracyStd()));
        }
        String md = Files.readString(dir.resolve(ResultsTable.MARKDOWN));
        assertTrue(md.contains("| us_state_10_100 | 10/100 ms | LSTM+state | 75.1% | 0.700 | 61 | 75.8% | 1459 |"), md);
        assertTrue(md.contains("62.0% ± 3.1% (10 folds)"), md);
        assertTrue(md.contains("| — | — |"), "missing book values show as a dash");
        String html = Files.readString(dir.resolve(ResultsTable.HTML));
        assertTrue(html.contains("<td>LSTM+state</td>"));
        assertEquals(3, html.split("<tr>", -1).length - 1, "header plus two rows");
    }

    @Test
    void readRejectsAForeignCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsTable.read(csv));
        assertTrue(e.getMessage().contains(csv.toString()));
    }
}
