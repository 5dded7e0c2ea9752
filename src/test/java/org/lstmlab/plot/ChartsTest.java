package org.lstmlab.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class ChartsTest {

    @Test
    void waveformDrawsEachColumnsLowestAndHighestSample() {
        int rate = 44100, columns = 100;
        double[] x = new double[rate];
        for (int i = 0; i < x.length; i++) x[i] = 0.3 * Math.sin(2 * Math.PI * 440 * i / rate);
        x[12345] = 0.9;
        x[30000] = -0.8;
        XYChart chart = Charts.waveform("one second", x, rate, columns);
        XYSeries s = chart.getSeries("samples");
        double[] t = s.getXData(), y = s.getYData();

        assertEquals(2 * columns, y.length);
        assertEquals(0.9, Arrays.stream(y).max().orElseThrow());
        assertEquals(-0.8, Arrays.stream(y).min().orElseThrow());
        int per = rate / columns;
        for (int i = 0; i < x.length; i++) {
            int k = i / per;
            assertEquals((double) k * per / rate, t[2 * k], 1e-12);
            assertTrue(y[2 * k] <= x[i] && x[i] <= y[2 * k + 1], "sample " + i + " outside its column");
        }
    }
}
