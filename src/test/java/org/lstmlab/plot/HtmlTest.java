package org.lstmlab.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotesButLeavesOtherTextAlone() {
        assertEquals("&lt;b class=&quot;x&quot;&gt;R&amp;D&lt;/b&gt;", Html.escape("<b class=\"x\">R&D</b>"));
        assertEquals("‖∂L/∂h_t‖ 'quoted' — 12.5%", Html.escape("‖∂L/∂h_t‖ 'quoted' — 12.5%"));
    }

    @Test
    void tablesRoundFloatingPointNumbersToThreeDecimalsAndWholeColumnsToNone() {
        DoubleColumn precision = DoubleColumn.create("precision", 2.0 / 13, 1.0);
        precision.appendMissing();
        Table t = Table.create("per class", StringColumn.create("class", "dog", "car", "siren"), precision,
                DoubleColumn.create("lowest kept (Hz)", 4100.0, 100.0, 100.0), IntColumn.create("support", 13, 7, 0),
                FloatColumn.create("f", new float[] {0.25f, 1.5f, -0.0004f}));
        String html = HtmlTable.of(t, 10);
        assertTrue(html.contains("<tr><td>dog</td><td>0.154</td><td>4100</td><td>13</td><td>0.250</td></tr>"), html);
        assertTrue(html.contains("<tr><td>car</td><td>1.000</td><td>100</td><td>7</td><td>1.500</td></tr>"), html);
        assertTrue(html.contains("<tr><td>siren</td><td></td><td>100</td><td>0</td><td>-0.000</td></tr>"), html);
        assertFalse(html.contains("0.15384615384615383"), html);
    }
}
