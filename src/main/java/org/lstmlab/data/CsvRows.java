package org.lstmlab.data;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file's rows, read by univocity-parsers (the CSV reader Tablesaw uses): quoted fields holding commas or line
 * breaks, doubled quotes, LF or CRLF, a UTF-8 byte-order mark. Blank lines are not rows; fields are trimmed.
 */
final class CsvRows {
    private CsvRows() {}

    /** One row: the line it starts on (1-based, as an editor shows it) and its fields. The first row is the header. */
    record Row(int line, List<String> fields) {
        String field(int i) { return i < fields.size() ? fields.get(i) : ""; }
    }

    static List<Row> read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        CsvParserSettings settings = new CsvParserSettings();
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(1 << 16);
        CsvParser parser = new CsvParser(settings);
        List<Row> rows = new ArrayList<>();
        int end = 0; // the line the last row ended on
        try {
            parser.beginParsing(new StringReader(text));
            for (String[] r; (r = parser.parseNext()) != null; end = (int) parser.getContext().currentLine())
                rows.add(new Row((int) parser.getContext().currentLine() - lineBreaks(r), Arrays.asList(r)));
        } catch (TextParsingException e) {
            throw new IOException(file + " line " + (end + 1) + ": not CSV from here on (a quote that never closes?)", e);
        } finally {
            parser.stopParsing();
        }
        return rows;
    }

    /** The parser reports the line a row ends on; a quoted field may span lines. */
    private static int lineBreaks(String[] fields) {
        return Arrays.stream(fields).mapToInt(f -> (int) f.chars().filter(c -> c == '\n').count()).sum();
    }
}
