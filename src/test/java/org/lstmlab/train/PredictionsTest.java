package org.lstmlab.train;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.TestSequences;
import org.lstmlab.nn.Argmax;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.Model;
import org.junit.jupiter.api.Test;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class PredictionsTest {

    @Test
    void accuracyCountsRowsWhosePredictionIsTheLabel() {
        Predictions p = new Predictions(new int[] {7, 8, 9, 10, 11}, new int[] {0, 1, 1, 2, 0}, new int[] {0, 1, 2, 2, 1});
        assertEquals(3, p.correct());
        assertEquals(0.6, p.accuracy(), 0);
    }

    @Test
    void chunkedEvaluationEqualsOneRowAtATime() {
        PackedSequences data = TestSequences.sequences(Predictions.CHUNK + 57, 22, 7, 4, 5);
        Model m = Trainer.newModel(TrainConfig.book(CellType.RNN), data);
        java.util.Arrays.fill(m.params().wo, 0.1);
        for (int k = 0; k < m.params().wo.length; k += 3) m.params().wo[k] = -0.2;
        LastStepLinearEngine e = new LastStepLinearEngine();
        int[] all = IntStream.range(0, data.size()).toArray();
        Predictions p = Predictions.of(e, m, data, all);
        assertEquals(2, e.logitCalls, "two chunks");
        int correct = 0;
        for (int i : all) {
            int pred = Argmax.of(e.logits(m, data.batch(new int[] {i}))[0]);
            assertEquals(pred, p.predicted()[i]);
            assertEquals(data.label(i), p.actual()[i]);
            if (pred == data.label(i)) correct++;
        }
        assertEquals((double) correct / all.length, p.accuracy(), 0);
    }
}
