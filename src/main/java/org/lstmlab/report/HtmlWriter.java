package org.lstmlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.lstmlab.plot.Html.escape;

/**
 * The report as XHTML: well-formed, so the browser and openhtmltopdf read the same document. Every rule of
 * report.css sits under .lstmlab-report, so the fragment can go into a notebook without restyling it.
 */
final class HtmlWriter {
    private final Function<String, String> imageSource;

    /** imageSource maps a chart name to the img src (a data URI, or a file relative to the run folder). */
    HtmlWriter(Function<String, String> imageSource) { this.imageSource = imageSource; }

    static String css() {
        try (InputStream in = HtmlWriter.class.getResourceAsStream("report.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("report.css is missing from the jar", e);
        }
    }

    /** A whole document; extraCss goes after report.css (the PDF's fonts). */
    String document(Lang lang, String title, List<Block> blocks, String extraCss) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang.id() + "\">\n<head>\n"
                + "<meta charset=\"UTF-8\"/>\n<title>" + escape(title) + "</title>\n<style>\n" + css() + extraCss
                + "</style>\n</head>\n<body>\n" + fragment(title, blocks) + "</body>\n</html>\n";
    }

    /** The title and the blocks inside one div.lstmlab-report. */
    String fragment(String title, List<Block> blocks) {
        StringBuilder h = new StringBuilder("<div class=\"lstmlab-report\">\n<h1>").append(escape(title)).append("</h1>\n");
        for (Block b : blocks) h.append(render(b)).append('\n');
        return h.append("</div>\n").toString();
    }

    private String render(Block block) {
        if (block instanceof Block.Heading x) return "<h" + (x.level() + 1) + ">" + escape(x.text()) + "</h" + (x.level() + 1) + ">";
        if (block instanceof Block.Para x) return "<p>" + escape(x.text()) + "</p>";
        if (block instanceof Block.Items x)
            return "<ul>" + String.join("", x.items().stream().map(i -> "<li>" + escape(i) + "</li>").toList()) + "</ul>";
        if (block instanceof Block.Table x) return "<div class=\"keep\">" + table(x.header(), x.rows(), x.numeric()) + "</div>";
        if (block instanceof Block.Figure x)
            return "<div class=\"figure" + (x.half() ? " half" : "") + "\"><img src=\"" + escape(imageSource.apply(x.chart()))
                    + "\" alt=\"" + escape(x.caption()) + "\"/><p class=\"caption\">" + escape(x.caption()) + "</p></div>";
        if (block instanceof Block.Model x) return model(x);
        if (block instanceof Block.Pre x) return "<pre class=\"manifest\">" + escape(x.text()) + "</pre>";
        throw new IllegalArgumentException("unknown block " + block);
    }

    /** A model's two-column table: a label per row, the log lines verbatim in the last. */
    private static String model(Block.Model x) {
        StringBuilder t = new StringBuilder("<div class=\"model keep\"><h5>").append(escape(x.title())).append("</h5><table><thead><tr><th>")
                .append(escape(x.itemHeader())).append("</th><th>").append(escape(x.contentHeader())).append("</th></tr></thead><tbody>");
        for (List<String> r : x.rows())
            t.append("<tr><th>").append(escape(r.get(0))).append("</th><td>").append(escape(r.get(1))).append("</td></tr>");
        return t.append("<tr><th>").append(escape(x.logLabel())).append("</th><td><pre>").append(escape(String.join("\n", x.log())))
                .append("</pre></td></tr></tbody></table></div>").toString();
    }

    private static String table(List<String> header, List<List<String>> rows, java.util.Set<Integer> numeric) {
        StringBuilder t = new StringBuilder("<table><thead><tr>");
        for (String h : header) t.append("<th>").append(escape(h)).append("</th>");
        t.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            t.append("<tr>");
            for (int c = 0; c < row.size(); c++)
                t.append(numeric.contains(c) ? "<td class=\"num\">" : "<td>").append(escape(row.get(c))).append("</td>");
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }
}
