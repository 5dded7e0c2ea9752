package org.lstmlab.notebook;

import org.lstmlab.data.Clip;
import org.lstmlab.experiment.TinyWavs;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LabTest {

    @AfterEach
    void realEnvironmentAndKernel() {
        Lab.environment = System::getenv;
        Display.use(null);
    }

    @Test
    void environmentVariablesOverrideNotebookParameters() {
        Lab.environment = Map.of(Lab.QUICK, "yes", Lab.EPOCHS, " 3 ", Lab.DATA, "/data/us8k", "EMPTY", " ",
                "LSTMLAB_REPORTS", "build/r")::get;
        assertTrue(Lab.param(Lab.QUICK, false));
        assertEquals(3, Lab.param(Lab.EPOCHS, 100));
        assertEquals("/data/us8k", Lab.param(Lab.DATA, ""));
        assertEquals("kept", Lab.param("EMPTY", "kept"));
        assertEquals("build/r", Lab.param(Lab.REPORTS, "reports"));
        assertEquals(7, Lab.param("UNSET", 7));
        assertFalse(Lab.param("UNSET", false));
    }

    @Test
    void badValuesNameTheVariableAndTheRule() {
        Lab.environment = Map.of(Lab.QUICK, "maybe", Lab.EPOCHS, "ten")::get;
        var quick = assertThrows(IllegalArgumentException.class, () -> Lab.param(Lab.QUICK, false));
        assertTrue(quick.getMessage().startsWith("LSTMLAB_QUICK=maybe"), quick.getMessage());
        var epochs = assertThrows(IllegalArgumentException.class, () -> Lab.param(Lab.EPOCHS, 1));
        assertEquals("LSTMLAB_EPOCHS=ten: expected a whole number", epochs.getMessage());
    }

    @Test
    void theEnvironmentWinsOverADatasetsParameters() {
        Lab.environment = Map.of(Lab.QUICK, "1", Lab.DATA, "/data/us8k")::get;
        LabDataset fromEnvironment = Lab.dataset("", false);
        assertTrue(fromEnvironment.isQuick());
        assertEquals(Path.of("/data/us8k") + " (quick)", fromEnvironment.toString());

        Lab.environment = Map.<String, String>of()::get;
        assertEquals(Lab.root().resolve("mine") + " (quick)", Lab.dataset("mine", true).toString());
        assertEquals("embedded synthetic dataset", Lab.dataset("", false).toString());
    }

    @Test
    void showIsAStatementThatShowsEachNamedValueUnderItsName() throws Exception {
        assertEquals(void.class, Lab.class.getMethod("show", Object.class).getReturnType(), "nothing for a kernel to echo");
        RecordingKernel kernel = new RecordingKernel();
        Display.use(kernel);
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("results", DisplayTest.results());
        named.put("curve", DisplayTest.chart());
        Lab.show(named);

        assertEquals(List.of("text/plain", "text/html", "text/plain", "image/png"),
                kernel.calls.stream().map(c -> c[2]).toList());
        assertEquals("results", kernel.calls.get(0)[3]);
        assertEquals("curve", kernel.calls.get(2)[3]);
    }

    @Test
    void bandsTableShowsTheTenMsQuirkAsTheProtocolStatesIt() {
        Table t = FeatureBands.table(FeatureConfig.book(10, 10), FeatureConfig.book(10, 100));
        // rows: 1 kHz at 10 and 100 ms, then 8 kHz at 10 and 100 ms; protocol §1.4: bins 41…240 of 441, 10…2209 of 4410
        assertEquals(List.of("41…240 of 441", "10…2209 of 4410", "41…240 of 441", "10…2209 of 4410"),
                t.stringColumn("FFT bins kept").asList());
        assertEquals(List.of(4100.0, 100.0, 4100.0, 100.0), t.doubleColumn("lowest kept (Hz)").asList());
        // a tone at f Hz falls in bin k = f·N/44100; feature j averages bins first + g·j … first + g·j + g − 1
        assertEquals(4, t.intColumn("strongest feature").getInt(1), "1 kHz at 100 ms: bin 100, (100 − 10) / 22");
        assertEquals(19, t.intColumn("strongest feature").getInt(2), "8 kHz at 10 ms: bin 80, (80 − 41) / 2");
        assertEquals(35, t.intColumn("strongest feature").getInt(3), "8 kHz at 100 ms: bin 800, (800 − 10) / 22");
        double hidden = t.doubleColumn("its mean value").getDouble(0), seen = t.doubleColumn("its mean value").getDouble(2);
        assertTrue(hidden < 1e-3 * seen, "1 kHz is invisible at 10 ms: " + hidden + " against " + seen);
    }

    @Test
    void spectrogramIsReadFromTheLoadedFeaturesNotExtractedAgain(@TempDir Path tmp) throws Exception {
        Lab.environment = Map.<String, String>of()::get;
        Display.use(new RecordingKernel());   // the load's progress bar
        Path data = TinyWavs.kaggle(tmp.resolve("tiny"), 2, 7);
        LabFeatures f = Lab.dataset(data.toString(), false).features(10, 100);
        Clip clip = f.clip(1);

        HeatMapChart chart = f.spectrogram(clip);
        double[][] direct = FeatureExtractor.of(FeatureConfig.book(10, 100)).extract(clip.file());
        List<? extends Number[]> cells = chart.getSeries("log10(1 + feature)").getHeatData();
        assertEquals(direct.length * FeatureConfig.FEATURES, cells.size(), "one column per step of a short clip");
        for (Number[] c : cells)   // cells are rounded to 0.01, so the colour bar prints short numbers
            assertEquals(Math.log10(1 + direct[c[0].intValue()][c[1].intValue()]), c[2].doubleValue(), 0.005 + 1e-9);

        Clip eightBit = f.result().dataset().clips().get(f.result().dataset().clips().size() - 1);
        var skipped = assertThrows(IllegalArgumentException.class, () -> f.spectrogram(eightBit));
        assertTrue(skipped.getMessage().contains("was skipped at 10-100 ms"), skipped.getMessage());
    }
}
