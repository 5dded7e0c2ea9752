package org.lstmlab.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The report's XHTML laid out on A4 by openhtmltopdf (PDFBox). Text is set in the fonts of a {@link Fonts.Chain}
 * (each a fallback of the one before, embedded as subsets); charts come in as the run's vector PDF charts.
 */
final class PdfWriter {
    private PdfWriter() {}

    /** The PDF's fonts in CSS: the chain's families for text, the monospaced one (if any) first for the logs. */
    static String css(Fonts.Chain chain, Path mono) {
        String f = IntStream.range(0, chain.files().size()).mapToObj(i -> "report" + i).collect(Collectors.joining(", "));
        return ".lstmlab-report { font-family: " + f + "; }\n.lstmlab-report pre { font-family: " + (mono != null ? "reportmono, " : "")
                + f + "; }\n@page { @bottom-center { font-family: " + f + "; } }\n";
    }

    /** Writes pdf from xhtml, whose relative links (charts/NAME.pdf) resolve against runDir; mono may be null. */
    static void write(String xhtml, Path runDir, Path pdf, Fonts.Chain chain, Path mono) throws IOException {
        XRLog.setLoggingEnabled(false);   // its INFO lines would bury the run's own output
        Path tmp = pdf.resolveSibling(pdf.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            PdfRendererBuilder b = new PdfRendererBuilder().useFastMode()
                    .withHtmlContent(xhtml, runDir.toAbsolutePath().toUri().toString()).toStream(out);
            for (int i = 0; i < chain.files().size(); i++) {
                Path regular = chain.files().get(i), bold = Fonts.bold(regular);
                b.useFont(regular.toFile(), "report" + i, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
                b.useFont((bold != null ? bold : regular).toFile(), "report" + i, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            if (mono != null) b.useFont(mono.toFile(), "reportmono", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.run();
        }
        Files.move(tmp, pdf, StandardCopyOption.REPLACE_EXISTING);
    }
}
