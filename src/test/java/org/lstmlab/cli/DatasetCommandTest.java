package org.lstmlab.cli;

import org.lstmlab.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DatasetCommandTest {
    final CliRun cli = new CliRun();

    /** Kaggle layout: two good clips, one at 48 kHz, one row pointing outside. */
    static Path dataset(Path root) throws Exception {
        Path train = Files.createDirectories(root.resolve("Train"));
        Random r = new Random(3);
        for (String id : new String[] {"a", "b", "c"}) {
            double[][] s = new double[1][44100 + 441 * 5];
            for (int i = 0; i < s[0].length; i++) s[0][i] = r.nextGaussian() * 0.1;
            WavWriter.pcm16().channels(1).sampleRate(id.equals("c") ? 48000 : 44100).write(train.resolve(id + ".wav"), s);
        }
        Files.writeString(root.resolve("Train.csv"), "ID,Class\na,siren\nb,dog_bark\nc,siren\n../../x,siren\n");
        return root;
    }

    @Test
    void aBadWindowIsAUsageErrorThatNamesIt(@TempDir Path dir) throws Exception {
        for (String bad : new String[] {"100", "10-x", "10-0"}) {
            CliRun run = new CliRun();
            assertEquals(2, run.run("bench-features", "--data", dataset(dir).toString(), "--windows", bad), bad);
            assertTrue(run.err.toString().contains("Invalid value for option '--windows' (I-W): interval-window pairs in ms like 10-100, got '" + bad + "'"), run.err.toString());
            assertEquals("", run.out.toString(), "nothing is timed");
        }
        CliRun mode = new CliRun(); // a bad --mode is named as such, not blamed on --windows
        assertEquals(2, mode.run("bench-features", "--data", dataset(dir).toString(), "--mode", "fancy"));
        assertTrue(mode.err.toString().contains("Invalid value for option '--mode'"), mode.err.toString());
    }

    @Test
    void printsClipsPerClassSkipsPerRuleTmaxAndMemory(@TempDir Path dir) throws Exception {
        assertEquals(0, cli.run("dataset", "--data", dataset(dir).toString(), "--no-cache", "--list-skipped"), cli.err.toString());
        String s = cli.out.toString();
        assertTrue(s.contains("Dataset KAGGLE"), s);
        assertTrue(s.contains("kept book 10-10") && s.contains("kept book 10-100"), s);
        assertTrue(s.matches("(?s).*3 sample-rate\\s*\\|\\s*1\\s*\\|\\s*1\\s*\\|.*"), s);
        assertTrue(s.matches("(?s).*T max\\s*\\|\\s*105\\s*\\|\\s*96\\s*\\|.*"), s);
        assertTrue(s.contains("Train/c.wav: sample-rate"), s);
        assertTrue(s.contains("Train.csv row 5: '../../x.wav' refused by rule 'parent-segment'"), s);
        assertTrue(s.matches("(?s).*48000\\s*\\|\\s*16\\s*\\|\\s*1\\s*\\|\\s*PCM\\s*\\|\\s*1\\s*\\|\\s*0\\s*\\|.*"), "the formats table: " + s);
        assertTrue(s.contains("1.0-1.5 s ######################################## 2 (2)"), "the durations: " + s); // c.wav: 0.96 s
        assertFalse(Files.exists(dir.resolve(".lstm-lab-cache")));
    }
}
