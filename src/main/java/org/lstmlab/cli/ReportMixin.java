package org.lstmlab.cli;

import org.lstmlab.report.LabReport;
import org.lstmlab.report.Lang;
import picocli.CommandLine.Option;

/** The lab report's language and chart resolution (reproduce writes the report, report rewrites it). */
final class ReportMixin {
    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the lab report and its charts: en or ko. Default: en")
    Lang lang = Lang.EN;

    @Option(names = "--dpi", paramLabel = "N", description = "PNG resolution of the charts, 72..600 (300 for print). Default: ${DEFAULT-VALUE}")
    int dpi = LabReport.DEFAULT_DPI;

    /** The report these options ask for; a --dpi out of range fails here. */
    LabReport report() { return LabReport.in(lang).dpi(dpi); }
}
