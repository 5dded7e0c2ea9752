package org.lstmlab.train;

import org.junit.jupiter.api.Test;
import org.lstmlab.nn.CellType;

import static org.junit.jupiter.api.Assertions.*;

class EnginesTest {

    @Test
    void kindsParseCaseInsensitivelyAndOpen() {
        assertEquals(EngineKind.REFERENCE, EngineKind.parse("Reference"));
        assertEquals(EngineKind.AUTO, EngineKind.parse(" auto "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EngineKind.parse("gpu")).getMessage().contains("java, reference, ort or auto"));
        assertEquals("java-reference", Engines.open(EngineKind.REFERENCE).name());
        try (var ort = Engines.open(EngineKind.ORT)) {
            assertEquals("ort", ort.name());
        }
    }

    @Test
    void configDefaultsAreTheBooksAndSurviveAMapRoundTrip() {
        TrainConfig c = TrainConfig.book(CellType.RNN);
        assertEquals(20, c.hidden());
        assertEquals(10, c.epochs());
        assertEquals(10, c.batchSize());
        assertEquals(0.001, c.learningRate());
        assertEquals(0, c.clipNorm());
        assertEquals(100, c.validationSamples());
        assertEquals(1234, c.seed());
        TrainConfig d = c.withClipNorm(5).withEngine(EngineKind.REFERENCE).withEpochs(100).withReport(20).withSeed(7);
        assertEquals(d, TrainConfig.fromMap(d.asMap()));
        assertEquals(5, d.adam().clipNorm());
        assertEquals(0.9, d.adam().beta1());
        assertThrows(IllegalArgumentException.class, () -> c.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> c.withLearningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> c.withClipNorm(-1));
    }
}
