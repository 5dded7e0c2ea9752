package org.lstmlab.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.lstmlab.experiment.Reproduction;
import org.lstmlab.experiment.RunReport;
import org.lstmlab.experiment.TinyWavs;
import org.lstmlab.nn.EngineKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report of a real quick run (a tiny dataset, a few epochs), read back: every section, every model's log lines
 * and every number of results.csv in the HTML and in the PDF's text (PDFBox), Korean headings in the Korean PDF,
 * blocks and tables that stay on one page, charts embedded (data URIs in the HTML, vector pages in the PDF).
 */
class LabReportTest {
    @TempDir static Path shared;
    static Path dir;
    static LabReport.Written en, ko;
    static String enHtml, enPdf, koPdf;
    static List<String> enPages;

    static final List<String> EN_HEADINGS = List.of("1. Overview", "2. Results", "2.1 Small window (10 ms)",
            "2.2 Large window (100 ms)", "3-1. Additional analysis", "(1) Vanishing and exploding gradients",
            "3-2. Conclusion", "4. Beyond the book", "4.1 Per-class F1", "4.2 Confusion matrices", "4.3 Baselines",
            "4.4 Learning curves and features", "4.5 Overfitting study", "Appendix A. Recipe and manifest", "Test accuracy", "Training time",
            "Result screen", "Conditions");
    static final List<String> KO_HEADINGS = List.of("개요", "실험 결과", "작은 윈도우 사용", "큰 윈도우 사용", "구분", "내용",
            "조건", "데이터 정확도", "학습 시간", "결과 화면", "추가 분석", "결론");

    @BeforeAll
    static void quickRunAndBothReports() throws Exception {
        Path data = TinyWavs.kaggle(shared.resolve("tiny"), 8, 5);
        RunReport run = Reproduction.book().dataset(data).reports(shared.resolve("reports")).runId("run")
                .engine(EngineKind.AUTO).quick(true).progressBar(false).log(null).run();
        dir = run.dir();
        ko = LabReport.in(Lang.KO).dpi(72).write(run);
        assertNotNull(ko.pdf(), "this machine needs a Hangul font (scripts/test.sh installs fonts-nanum): " + ko.notes());
        koPdf = text(ko.pdf());
        en = LabReport.in(Lang.EN).write(Reproduction.load(dir));   // as `report RUN_DIR` does: from the folder alone
        enHtml = Files.readString(en.html());
        enPdf = text(en.pdf());
        enPages = pages(en.pdf());
    }

    @Test
    void everySectionIsInTheHtmlAndThePdf() {
        for (String h : EN_HEADINGS) {
            assertTrue(enHtml.contains(h), "HTML lacks " + h);
            assertTrue(enPdf.contains(h), "PDF lacks " + h);
        }
        assertTrue(enPdf.contains("not the embedded synthetic set"), "the tiny test clips are a folder of their own");
        assertTrue(enHtml.contains("FFT features of 10, 100 ms windows taken every 10 ms"), "the overview reads the run's settings");
        assertTrue(enHtml.contains("no overfitting study"), "a place is left for the overfitting study");
        for (String h : KO_HEADINGS) assertTrue(koPdf.contains(h), "Korean PDF lacks " + h);
    }

    @Test
    void everyModelsLogLinesAppearVerbatim() throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir.resolve("models"))) {
            logs = s.filter(p -> p.toString().endsWith(".log") && !p.getFileName().toString().startsWith("gradstudy_")).sorted().toList();
        }
        assertEquals(6, logs.size());
        for (Path log : logs)
            for (String line : Files.readAllLines(log)) {
                if (line.isBlank()) continue;
                assertTrue(enHtml.contains(line), "HTML lacks the log line '" + line + "'");
                assertTrue(squeeze(enPdf).contains(squeeze(line)), "PDF lacks the log line '" + line + "'");
                assertTrue(squeeze(koPdf).contains(squeeze(line)), "Korean PDF lacks the log line '" + line + "'");
            }
    }

    @Test
    void everyNumberOfResultsCsvIsInTheReport() {
        Table t = Table.read().usingOptions(CsvReadOptions.builder(dir.resolve("results.csv").toFile()));
        assertEquals(10, t.rowCount());
        for (Row r : t) {
            List<String> expected = new ArrayList<>(List.of(r.getString("model"),
                    String.format(Locale.ROOT, "%.1f", 100 * number(r, "test_accuracy")),
                    String.format(Locale.ROOT, "%.1f", number(r, "train_seconds"))));
            if (!r.isMissing("book_accuracy")) {
                expected.add(String.format(Locale.ROOT, "%.1f", 100 * number(r, "book_accuracy")));
                expected.add(String.format(Locale.ROOT, "%.0f", number(r, "book_seconds")));
            }
            for (String v : expected) {
                assertTrue(enHtml.contains(v), r.getString("model") + ": HTML lacks " + v);
                assertTrue(enPdf.contains(v), r.getString("model") + ": PDF lacks " + v);
            }
        }
    }

    @Test
    void aModelsBlockAndTheSummaryTableStayOnOnePage() {
        for (String m : List.of("us_basic_10_10", "us_lstm_10_10", "us_state_10_10", "us_basic_10_100", "us_lstm_10_100", "us_state_10_100"))
            assertEquals(page("Model " + m + " train started:"), page("Model " + m + " test report"), m + "'s block breaks across pages");
        int summary = page("Speed-up per epoch");
        for (String row : List.of("10 RNN", "10 LSTM+state", "100 RNN", "100 LSTM+state"))
            assertTrue(squeeze(enPages.get(summary)).contains(row), "the summary row '" + row + "' is not on the table's page");
    }

    private static double number(Row r, String column) { return ((Number) r.getObject(column)).doubleValue(); }

    private static int page(String text) {
        for (int i = 0; i < enPages.size(); i++) if (squeeze(enPages.get(i)).contains(squeeze(text))) return i;
        throw new AssertionError("no page has " + text);
    }

    @Test
    void noPdfTextLeavesItsPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(en.pdf().toFile())) {
            List<String> outside = new ArrayList<>();
            PDFTextStripper probe = new PDFTextStripper() {
                @Override protected void writeString(String text, List<TextPosition> positions) {
                    float width = getCurrentPage().getMediaBox().getWidth();
                    for (TextPosition p : positions)
                        if (p.getXDirAdj() < 0 || p.getXDirAdj() + p.getWidthDirAdj() > width + 0.5f) outside.add(text);
                }
            };
            probe.getText(doc);
            assertEquals(List.of(), outside);
        }
    }

    @Test
    void chartsAreEmbeddedDataUrisInTheHtmlAndVectorPagesInThePdf() throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(en.html())));
        Matcher img = Pattern.compile("<img src=\"([^\"]*)\"").matcher(enHtml);
        int images = 0;
        while (img.find()) {
            images++;
            assertTrue(img.group(1).startsWith("data:image/png;base64,"), "an image not embedded: " + img.group(1));
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1).substring(22)))));
        }
        List<Path> pngs;
        try (Stream<Path> s = Files.list(dir.resolve("charts"))) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertEquals(pngs.size(), images, "every chart once");
        for (Path png : pngs)
            assertTrue(enHtml.contains(Base64.getEncoder().encodeToString(Files.readAllBytes(png))), png + " is not the embedded image");
        int forms = 0, bitmaps = 0;
        try (PDDocument doc = Loader.loadPDF(en.pdf().toFile())) {
            for (PDPage page : doc.getPages())
                for (var name : page.getResources().getXObjectNames()) {
                    var x = page.getResources().getXObject(name);
                    if (x instanceof PDFormXObject) forms++;
                    if (x instanceof PDImageXObject) bitmaps++;
                }
        }
        assertTrue(forms >= images, forms + " vector charts in the PDF for " + images + " charts");
        assertEquals(0, bitmaps, "no chart is a bitmap in the PDF");
        String md = Files.readString(en.markdown());
        for (Path png : pngs) assertTrue(md.contains("](charts/" + png.getFileName() + ")"), "report.md does not link " + png.getFileName());
    }

    @Test
    void withoutAHangulFontTheHtmlIsWrittenAndThePdfStepSaysWhatToInstall(@TempDir Path noFonts) throws Exception {
        LabReport report = LabReport.in(Lang.KO, Fonts.in(List.of(noFonts)));
        assertEquals(org.lstmlab.plot.Charts.english().text("accuracy.title"), report.charts().text("accuracy.title"),
                "charts fall back to English labels");
        Path copy = Files.createDirectories(noFonts.resolve("run"));
        RunReport run = FakeRun.make(copy, new double[][] {{0.3, 0.4, 0.5}, {0.5, 0.6, 0.7}}, new double[][] {{3, 6, 6}, {3, 6, 6}}, java.util.Map.of());
        LabReport.Written w = report.write(run);
        assertNull(w.pdf());
        assertFalse(Files.exists(copy.resolve(LabReport.PDF)));
        String html = Files.readString(w.html());
        assertTrue(html.contains("데이터 정확도"), "the HTML still carries the Korean text");
        assertTrue(html.contains("합성 데이터"), "a synthetic dataset is named as such");
        assertEquals(2, w.notes().size(), w.notes().toString());
        for (String note : w.notes()) {
            assertTrue(note.contains("apt-get install fonts-nanum"), note);
            assertFalse(note.contains("\n"), "one line");
        }
        assertTrue(w.notes().get(1).startsWith("report.pdf not written"), w.notes().toString());
    }

    @Test
    void anOverfittingStudyInTheRunFolderBecomesSection45(@TempDir Path folder) throws Exception {
        RunReport run = FakeRun.make(folder, new double[][] {{0.3, 0.4, 0.5}, {0.5, 0.6, 0.7}}, new double[][] {{3, 6, 6}, {3, 6, 6}}, java.util.Map.of());
        Files.writeString(folder.resolve(Sections.OVERFITTING), "remedy,model,epochs,kept_epoch,train_accuracy,test_accuracy,gap\nnone,us_lstm_10_100,100,,0.98125,0.6417391,0.3395109\n");
        var curve = org.knowm.xchart.QuickChart.getChart("overfitting", "epoch", "accuracy", "train", new double[] {1, 2}, new double[] {0.5, 0.9});
        for (var format : List.of(org.lstmlab.plot.ChartExport.Format.PNG, org.lstmlab.plot.ChartExport.Format.PDF))
            org.lstmlab.plot.ChartExport.save(curve, folder.resolve("charts"), "overfitting-curves", format);
        LabReport.Written w = LabReport.in(Lang.EN).write(run);
        String html = Files.readString(w.html()), md = Files.readString(w.markdown()), pdf = text(w.pdf());
        for (String v : List.of("4.5 Overfitting study", "us_lstm_10_100", "0.981", "0.642", "0.340", "kept_epoch")) {
            assertTrue(html.contains(v) && md.contains(v) && pdf.contains(v), "the study's " + v);
        }
        assertTrue(md.contains("![Train and test accuracy by epoch in the overfitting study](charts/overfitting-curves.png)"), md);
        assertTrue(html.contains(Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve("charts/overfitting-curves.png")))));
        assertFalse(html.contains("no overfitting study"));
        assertFalse(html.contains("trained none of the chapter's models"));
        RunReport studyAlone = new RunReport(folder, run.manifest(), org.lstmlab.experiment.ResultsTable.create(), List.of(),
                run.gradientStudy(), run.overfitting(), run.example());
        String alone = Files.readString(LabReport.in(Lang.EN).write(studyAlone).html());
        assertTrue(alone.contains("trained none of the chapter's models") && alone.contains("4.5 Overfitting study"), "a run of the study alone");
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static List<String> pages(Path pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                out.add(s.getText(doc));
            }
        }
        return out;
    }

    /** Runs of white space as one space: PDF text extraction does not keep a log line's indent. */
    static String squeeze(String s) { return s.replaceAll("\\s+", " ").trim(); }
}
