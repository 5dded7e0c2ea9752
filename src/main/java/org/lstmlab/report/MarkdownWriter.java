package org.lstmlab.report;

import java.util.List;

/** The report as Markdown, charts linked from charts/ (PNG). */
final class MarkdownWriter {
    private MarkdownWriter() {}

    static String document(String title, List<Block> blocks) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (Block b : blocks) md.append(render(b)).append("\n\n");
        return md.toString().stripTrailing() + "\n";
    }

    private static String render(Block block) {
        if (block instanceof Block.Heading x) return "#".repeat(x.level() + 1) + " " + x.text();
        if (block instanceof Block.Para x) return x.text();
        if (block instanceof Block.Items x) return String.join("\n", x.items().stream().map(i -> "- " + i).toList());
        if (block instanceof Block.Table x) return table(x.header(), x.rows());
        if (block instanceof Block.Figure x) return "![" + x.caption() + "](charts/" + x.chart() + ".png)\n\n*" + x.caption() + "*";
        if (block instanceof Block.Model x) return "##### " + x.title() + "\n\n" + table(List.of(x.itemHeader(), x.contentHeader()), x.rows())
                    + "\n\n**" + x.logLabel() + "**\n\n```\n" + String.join("\n", x.log()) + "\n```";
        if (block instanceof Block.Pre x) return "```json\n" + x.text() + "\n```";
        throw new IllegalArgumentException("unknown block " + block);
    }

    private static String table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder(row(header)).append("\n|").append("---|".repeat(header.size()));
        for (List<String> r : rows) t.append('\n').append(row(r));
        return t.toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|").replace("\n", "<br>")).toList()) + " |";
    }
}
