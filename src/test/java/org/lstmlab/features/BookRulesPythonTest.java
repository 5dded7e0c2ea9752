package org.lstmlab.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.audio.Python;
import org.lstmlab.audio.PythonWave;
import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.Progress;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SkipReport;
import org.lstmlab.data.SoundDataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Differential: the book's reader run by Python's own wave module over {@link BookCorpus} gives the corpus table
 * (Python 3.11's, the book's; from 3.12 EXTENSIBLE PCM also opens), and the left channel book mode reads is the one
 * Python reads, byte for byte; and a dataset of the corpus loaded in book mode keeps and skips per rule what Python's
 * wave keeps and skips. Skipped, saying so, when no python3 is installed.
 */
class BookRulesPythonTest {
    @TempDir Path dir;

    @Test
    void pythonsWaveDecidesTheCorpusAsTheTableSays() throws Exception {
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        Map<String, BookCorpus.Entry> entries = BookCorpus.write(corpus).stream()
                .collect(Collectors.toMap(BookCorpus.Entry::name, Function.identity()));
        List<String> out = Python.run("/org/lstmlab/features/book_reader.py", dir, corpus.toString());
        int minor = Integer.parseInt(out.get(0).split("\\.")[1]);
        assertEquals(entries.size(), out.size() - 1, "one line per corpus file");
        for (String line : out.subList(1, out.size())) {
            String[] f = line.split("\t", -1);
            BookCorpus.Entry e = entries.get(f[0]);
            SkipReason rule = e.rule(minor);
            assertEquals(rule == null ? "kept" : rule.rule(), f[1], "Python 3." + minor + " on " + f[0]);
            if (rule == null || rule == SkipReason.TOO_SHORT) assertEquals(e.frames(minor), Integer.parseInt(f[2]), f[0]);
            if (rule == null) assertEquals(f[3], leftChannelSha256(corpus.resolve(f[0])), "left channel of " + f[0]);
        }
    }

    @Test
    void aDatasetOfTheCorpusKeepsAndSkipsPerRuleWhatPythonsWaveDoes() throws Exception {
        Path train = Files.createDirectories(dir.resolve("Train"));
        Map<String, BookCorpus.Entry> entries = BookCorpus.write(train).stream()
                .collect(Collectors.toMap(BookCorpus.Entry::name, Function.identity()));
        StringBuilder csv = new StringBuilder("ID,Class\n");
        for (String name : new TreeSet<>(entries.keySet())) csv.append(name, 0, name.length() - 4).append(",c").append(name.length() % 3).append('\n');
        Files.writeString(dir.resolve("train.csv"), csv);
        FeatureConfig params = FeatureConfig.book(10, 100);
        List<String> out = Python.run("/org/lstmlab/features/book_reader.py", dir, train.toString());
        int minor = Integer.parseInt(out.get(0).split("\\.")[1]);
        Map<String, String> python = new TreeMap<>();
        for (String line : out.subList(1, out.size())) {
            String[] f = line.split("\t", -1);
            BookCorpus.Entry e = entries.get(f[0]);
            // from 3.12 wave also opens EXTENSIBLE PCM, which the book's Python did not: that file counts as the book's
            String outcome = minor >= 12 && e.framesFrom312() >= 0 ? e.rule().rule() : f[1];
            python.put("Train/" + f[0], outcome.equals("kept") ? "kept, " + params.steps(Integer.parseInt(f[2])) + " steps" : outcome);
        }
        LoadResult r = SoundDataset.open(dir).load(params, new LoadConfig(2, false, Progress.Sink.NONE));
        Map<String, String> ours = new TreeMap<>();
        for (int i = 0; i < r.sequences().size(); i++) ours.put(r.dataset().relative(r.clip(i)), "kept, " + r.sequences().length(i) + " steps");
        for (SkipReport.Skip s : r.skips().skipped()) ours.put(s.path(), s.reason().rule());
        assertEquals(counts(python), counts(ours), "clips kept and skipped per rule, Python 3." + minor + "'s wave against book mode's load");
        assertEquals(python, ours, "each file: kept with the steps of the frames read, or its rule");
        assertTrue(r.skips().refusedRows().isEmpty(), r.skips().refusedRows().toString());
    }

    private static Map<String, Long> counts(Map<String, String> outcomes) {
        return outcomes.values().stream().collect(Collectors.groupingBy(o -> o.split(",")[0], TreeMap::new, Collectors.counting()));
    }

    private static String leftChannelSha256(Path wav) throws Exception {
        try (PythonWave w = PythonWave.open(wav)) {
            double[] left = w.int16Channel(0, null);
            ByteBuffer b = ByteBuffer.allocate(2 * w.frames()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < w.frames(); i++) b.putShort((short) left[i]);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        }
    }
}
