package org.lstmlab.plot;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.lstmlab.plot.Html.escape;

/**
 * A Tablesaw table as an HTML fragment (tablesaw-core 0.43 has no HTML writer of its own). Floating-point numbers
 * read at three decimals (a column of whole numbers without decimals), so a notebook never shows 0.15384615384615383.
 */
public final class HtmlTable {

    private HtmlTable() {}

    /** At most {@code maxRows} rows; a footer says how many were left out. */
    public static String of(Table table, int maxRows) {
        StringBuilder html = new StringBuilder("<table class=\"lstmlab\">");
        if (table.name() != null && !table.name().isBlank())
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        html.append("<thead><tr>");
        for (String column : table.columnNames()) html.append("<th>").append(escape(column)).append("</th>");
        html.append("</tr></thead><tbody>");
        int rows = Math.min(maxRows, table.rowCount());
        List<IntFunction<String>> cells = table.columns().stream().map(HtmlTable::cells).toList();
        for (int r = 0; r < rows; r++) {
            html.append("<tr>");
            for (IntFunction<String> cell : cells) html.append("<td>").append(escape(cell.apply(r))).append("</td>");
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (rows < table.rowCount())
            html.append("<p>… ").append(table.rowCount() - rows).append(" more rows of ").append(table.rowCount()).append("</p>");
        return html.toString();
    }

    /** Row index to cell text: Tablesaw's own text, except for floating-point columns. */
    private static IntFunction<String> cells(Column<?> column) {
        boolean floating = column.type().equals(ColumnType.DOUBLE) || column.type().equals(ColumnType.FLOAT);
        if (!floating || !(column instanceof NumericColumn<?> numbers)) return column::getString;
        // a missing number reads as NaN
        boolean whole = IntStream.range(0, numbers.size()).mapToDouble(numbers::getDouble)
                .allMatch(v -> Double.isNaN(v) || Double.isInfinite(v) || v == Math.rint(v));
        String format = whole ? "%.0f" : "%.3f";
        return r -> numbers.isMissing(r) ? "" : String.format(Locale.ROOT, format, numbers.getDouble(r));
    }
}
