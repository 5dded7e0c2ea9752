package org.lstmlab.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotesButLeavesOtherTextAlone() {
        assertEquals("&lt;b class=&quot;x&quot;&gt;R&amp;D&lt;/b&gt;", Html.escape("<b class=\"x\">R&D</b>"));
        assertEquals("‖∂L/∂h_t‖ 'quoted' — 12.5%", Html.escape("‖∂L/∂h_t‖ 'quoted' — 12.5%"));
    }
}
