package org.lstmlab.report;

import org.lstmlab.experiment.RunReport;
import org.lstmlab.plot.ChartExport;
import org.lstmlab.plot.Charts;

import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The chapter's lab report of a finished run, in the usual sections of such a report, in English or Korean: report.html (one
 * self-contained file, charts embedded as PNG data URIs), report.md (charts linked from charts/) and report.pdf
 * (A4, vector charts) in the run folder. Charts are drawn in the report's language in a font that has every label;
 * where this machine has none, the charts fall back to English and the PDF is left out, each with one line saying
 * which font package to install.
 * <pre>
 * LabReport.in(Lang.KO).dpi(300).write(Reproduction.load(runDir));
 * </pre>
 */
public final class LabReport {
    public static final String HTML = "report.html", MARKDOWN = "report.md", PDF = "report.pdf";
    /** PNG resolution of the charts by default: twice the screen's, sharp on paper and on high-density screens. */
    public static final int DEFAULT_DPI = 144;

    /** What a write produced: the three files (pdf null when it could not be written) and the notes on why. */
    public record Written(Path html, Path markdown, Path pdf, List<String> notes) {}

    private final Lang lang;
    private final Fonts fonts;
    private int dpi = DEFAULT_DPI;
    private Charts charts;
    private final List<String> notes = new ArrayList<>();

    private LabReport(Lang lang, Fonts fonts) {
        this.lang = lang;
        this.fonts = fonts;
    }

    public static LabReport in(Lang lang) { return new LabReport(lang, Fonts.system()); }

    /** A report using only the fonts under these folders (tests: a machine without Hangul fonts). */
    static LabReport in(Lang lang, Fonts fonts) { return new LabReport(lang, fonts); }

    public Lang lang() { return lang; }

    public int dpi() { return dpi; }

    /** PNG resolution of the charts (72..600; 72 = one pixel per point). */
    public LabReport dpi(int dpi) {
        if (dpi < ChartExport.SCREEN_DPI || dpi > 600) throw new IllegalArgumentException("--dpi must be 72..600, got " + dpi);
        this.dpi = dpi;
        return this;
    }

    /** The charts' labels and font: the report's language when a font here has all its labels, else English. */
    public Charts charts() {
        if (charts == null) {
            String text = Charts.of(lang.locale(), null).allText() + ascii();
            Font font = fonts.awt(text, lang);
            if (font == null && lang != Lang.EN) {
                notes.add(fonts.chain(text, lang).advice("charts drawn with English labels"));
                charts = Charts.of(Lang.EN.locale(), fonts.awt(Charts.english().allText() + ascii(), Lang.EN));
            } else charts = Charts.of(lang.locale(), font);
        }
        return charts;
    }

    private static String ascii() {
        return IntStream.rangeClosed('!', '~').mapToObj(Character::toString).collect(Collectors.joining());
    }

    /** Draws the charts into the run's charts/ folder, then writes the three documents. */
    public Written write(RunReport run) {
        run.saveCharts(charts(), dpi);
        return writeDocuments(run);
    }

    /** The three documents, from charts already in charts/ (as {@link #write} or a reproduction drew them). */
    public Written writeDocuments(RunReport run) {
        charts();
        List<Block> blocks = blocks(run);
        Path dir = run.dir();
        try {
            Path html = Files.writeString(dir.resolve(HTML), html(blocks, chart -> dataUri(run, chart), ""));
            Path md = Files.writeString(dir.resolve(MARKDOWN), MarkdownWriter.document(lang.text("title"), blocks));
            Fonts.Chain chain = fonts.chain(text(blocks), lang);
            Path pdf = null;
            if (chain.complete()) {
                pdf = dir.resolve(PDF);
                Path mono = fonts.mono(logs(blocks));
                PdfWriter.write(html(blocks, chart -> "charts/" + chart + ".pdf", PdfWriter.css(chain, mono)), dir, pdf, chain, mono);
            } else {
                Files.deleteIfExists(dir.resolve(PDF));
                notes.add(chain.advice(PDF + " not written"));
            }
            return new Written(html, md, pdf, List.copyOf(notes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The report as one self-contained HTML document (charts from charts/ as data URIs). */
    public String html(RunReport run) { return html(blocks(run), chart -> dataUri(run, chart), ""); }

    /** The report's body for a notebook cell: one div, its styles scoped to it, charts as data URIs. */
    public String fragment(RunReport run) {
        return "<style>" + HtmlWriter.css() + "</style>\n" + new HtmlWriter(chart -> dataUri(run, chart)).fragment(lang.text("title"), blocks(run));
    }

    /** Notes from the steps so far (a missing font, a chart drawn in English). */
    public List<String> notes() { return List.copyOf(notes); }

    /** The blocks, figures only for charts the folder has as PNG (the HTML's) and PDF (the PDF's), a study's too. */
    private List<Block> blocks(RunReport run) {
        Set<String> available = new LinkedHashSet<>();
        Path charts = run.dir().resolve("charts");
        try (var s = Files.isDirectory(charts) ? Files.list(charts) : java.util.stream.Stream.<Path>empty()) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).map(n -> n.substring(0, n.length() - 4))
                    .filter(n -> Files.isRegularFile(charts.resolve(n + ".pdf"))).forEach(available::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run.dir().resolve("charts") + ": " + e.getMessage(), e);
        }
        return new Sections(run, lang, available).build();
    }

    private String html(List<Block> blocks, java.util.function.Function<String, String> images, String css) {
        return new HtmlWriter(images).document(lang, lang.text("title"), blocks, css);
    }

    private static Path png(RunReport run, String chart) { return run.dir().resolve("charts").resolve(chart + ".png"); }

    private static String dataUri(RunReport run, String chart) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png(run, chart)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + png(run, chart) + ": " + e.getMessage(), e);
        }
    }

    /** The preformatted text of the blocks (log lines, the manifest): what a monospaced font must have. */
    private static String logs(List<Block> blocks) {
        return blocks.stream().map(b -> b instanceof Block.Model m ? String.join("", m.log()) : b instanceof Block.Pre p ? p.text() : "")
                .collect(Collectors.joining());
    }

    /** Every character the documents print (headings, text, tables, logs), to choose fonts that have them all. */
    private String text(List<Block> blocks) { return lang.text("title") + blocks.toString(); }
}
