package org.lstmlab.plot;

import tech.tablesaw.api.Table;

import static org.lstmlab.plot.Html.escape;

/** A Tablesaw table as an HTML fragment (tablesaw-core 0.43 has no HTML writer of its own). */
public final class HtmlTable {

    private HtmlTable() {}

    /** At most {@code maxRows} rows; a footer says how many were left out. */
    public static String of(Table table, int maxRows) {
        StringBuilder html = new StringBuilder("<table class=\"lstmlab\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (String column : table.columnNames()) html.append("<th>").append(escape(column)).append("</th>");
        html.append("</tr></thead><tbody>");
        int rows = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < rows; r++) {
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (rows < table.rowCount()) {
            html.append("<p>… ").append(table.rowCount() - rows).append(" more rows of ").append(table.rowCount())
                    .append("</p>");
        }
        return html.toString();
    }
}
