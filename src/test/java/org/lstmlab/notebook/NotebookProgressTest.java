package org.lstmlab.notebook;

import org.lstmlab.train.EpochRecord;
import org.lstmlab.train.History;
import org.lstmlab.train.TrainingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.InstantSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class NotebookProgressTest {

    @AfterEach
    void forgetKernel() {
        Display.use(null);
    }

    /** A clock the test moves by hand. */
    static final class ManualClock implements InstantSource {
        long millis;
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
    }

    @Test
    void inAKernelTheBarIsDrawnOnceThenUpdatedInPlaceAndAlwaysShowsTheEnd() {
        RecordingKernel kernel = new RecordingKernel();
        Display.use(kernel);
        ManualClock clock = new ManualClock();
        NotebookProgress bar = new NotebookProgress("lstm <10 ms>", clock);
        for (int i = 1; i <= 1000; i++) {
            if (i % 100 == 0) clock.millis += NotebookProgress.MIN_REDRAW_MILLIS;   // 10 redraw intervals pass
            if (i == 550) clock.millis += NotebookProgress.MIN_REDRAW_MILLIS - 1;   // not quite one
            bar.update(i, 1000, "loss=" + i);
        }

        assertEquals("display", kernel.calls.get(0)[0]);
        // within a redraw interval updates are dropped; one redraw per interval, and the last one is never dropped
        assertEquals(1 + 9 + 1, kernel.calls.size(), "the first draw, one redraw at i = 100, 200, ..., 900, and the end");
        Object[] last = kernel.calls.get(kernel.calls.size() - 1);
        assertArrayEquals(new Object[] {"update", "d0", "text/html"}, new Object[] {last[0], last[1], last[2]});
        String html = (String) last[3];
        assertTrue(html.contains("value=\"1000\" max=\"1000\"") && html.contains("loss=1000"), html);
        assertTrue(html.contains("lstm &lt;10 ms&gt;"), html);
    }

    @Test
    void outsideAKernelPrintsTheConsolesLinesOnePerTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Display.use(new JupyterKernel.Text(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        NotebookProgress bar = new NotebookProgress("epochs");
        for (int i = 0; i <= 50; i++) bar.update(i, 50, "");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length);
        assertEquals("epochs: 25/50 (50%)", lines[5]);
        assertEquals("epochs: 50/50 (100%)", lines[10]);
    }

    @Test
    void trainingEventsDriveOneBarPerCallOverAllBatches() {
        RecordingKernel kernel = new RecordingKernel();
        Display.use(kernel);
        TrainingListener bar = TrainingListener.progress(new NotebookProgress());
        // a call of 2 epochs of 3 batches that resumes at epoch 5
        bar.trainingStarted(new TrainingListener.Start("us_lstm_10_100", 5, 2, 3, 10, 1));
        bar.batchFinished(new TrainingListener.BatchDone("us_lstm_10_100", 6, 6, 3, 3, 0.5, 0.75, 1.25, 0.5));
        var history = new History(List.of(new EpochRecord(5, 5, 2.0, 0.25, 0.2, 1.0),
                new EpochRecord(6, 6, 1.25, 0.5, 0.4, 1.0)), Map.of());
        bar.trainingEnded("us_lstm_10_100", history, 7);

        String first = (String) kernel.calls.get(0)[3];
        assertTrue(first.contains("us_lstm_10_100") && first.contains("value=\"0\" max=\"6\""), first);
        String atLastBatch = (String) kernel.calls.get(1)[3];
        assertTrue(atLastBatch.contains("6/6") && atLastBatch.contains("epoch 2/2 cost=1.250 accuracy=0.500"), atLastBatch);
        String end = (String) kernel.calls.get(kernel.calls.size() - 1)[3];
        assertTrue(end.contains("2 epochs in 7 s, cost=1.250 accuracy=0.500"), end);

        bar.trainingStarted(new TrainingListener.Start("us_lstm_10_100", 7, 1, 3, 10, 1));
        assertEquals("display", kernel.calls.get(kernel.calls.size() - 1)[0], "a new call draws a new bar");
    }

    @Test
    void modelsTrainingAtOnceGetABarEach() throws Exception {
        RecordingKernel kernel = new RecordingKernel();
        Display.use(kernel);
        TrainingListener bars = TrainingListener.progress(new NotebookProgress());
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            String model = k == 0 ? "us_basic_10_10" : "us_state_10_100";
            threads[k] = new Thread(() -> {
                bars.trainingStarted(new TrainingListener.Start(model, 1, 1, 4, 10, 1));
                for (int b = 1; b <= 4; b++) bars.batchFinished(new TrainingListener.BatchDone(model, 1, 1, b, 4, 1, 0, 1, 0));
            });
            threads[k].start();
        }
        for (Thread t : threads) t.join();

        // each bar's id only ever shows its own model, and each ends at 4/4
        Map<String, String> modelOfId = new java.util.HashMap<>(), lastOfId = new java.util.HashMap<>();
        for (Object[] c : kernel.calls) {
            String id = (String) c[1], html = (String) c[3];
            String model = html.contains("us_basic_10_10") ? "us_basic_10_10" : "us_state_10_100";
            assertEquals(modelOfId.computeIfAbsent(id, x -> model), model, html);
            lastOfId.put(id, html);
        }
        assertEquals(2, modelOfId.size());
        lastOfId.values().forEach(html -> assertTrue(html.contains("4/4"), html));
    }
}
