package org.lstmlab.data;

import org.lstmlab.audio.WavInfo;
import org.lstmlab.audio.WavReader;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.FeatureExtractor;
import org.lstmlab.features.SkippedClipException;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a dataset's files are, from their headers alone (a few hundred bytes each): clips per format (rate, bits,
 * channels, codec) with how many of them book mode keeps, and a histogram of durations. Read before training, it
 * shows why book mode skips what it skips.
 */
public final class DatasetFormats {
    /** Histogram bins are this many seconds wide; past MAX_BINS the last bin is open-ended. */
    private static final double BIN_SECONDS = 0.5;
    private static final int MAX_BINS = 20;

    /** One clip's header: null info when the full reader cannot read it. */
    private record Header(WavInfo info, boolean keptByBook) {}

    /** A row of the formats table; the codec names the encoding, EXTENSIBLE and any container but RIFF. */
    private record Format(Integer rate, Integer bits, Integer channels, String codec) {
        static final Format UNREADABLE = new Format(null, null, null, "unreadable");

        static Format of(WavInfo i) {
            return i == null ? UNREADABLE : new Format(i.sampleRate(), i.bitsPerSample(), i.channels(), i.encoding().label()
                    + (i.extensible() ? " EXTENSIBLE" : "") + (i.container() == WavInfo.Container.RIFF ? "" : " " + i.container()));
        }
    }

    private final String name;
    private final List<Header> headers;

    private DatasetFormats(String name, List<Header> headers) {
        this.name = name;
        this.headers = headers;
    }

    /** Reads every clip's header, in parallel; a file that cannot be read counts as unreadable, never stops the report. */
    public static DatasetFormats of(SoundDataset ds) {
        FeatureExtractor book = FeatureExtractor.of(FeatureConfig.book(10, 10));
        List<Clip> clips = ds.clips();
        return new DatasetFormats(ds.root().getFileName().toString(),
                Parallel.map(clips.size(), Runtime.getRuntime().availableProcessors(), c -> header(book, clips.get(c).file())));
    }

    private static Header header(FeatureExtractor book, Path file) {
        WavInfo info;
        try {
            info = WavReader.readInfo(file);
        } catch (IOException e) {
            info = null;
        }
        try {
            book.plan(file);
            return new Header(info, true);
        } catch (SkippedClipException e) {
            return new Header(info, false);
        }
    }

    /** rate Hz, bits, channels, codec, clips, kept by book: one row per format, most clips first; unreadable last. */
    public Table formats() {
        Map<Format, int[]> counts = new LinkedHashMap<>(); // clips, kept by book
        for (Header h : headers) {
            int[] n = counts.computeIfAbsent(Format.of(h.info()), f -> new int[2]);
            n[0]++;
            if (h.keptByBook()) n[1]++;
        }
        Table t = Table.create(name + ": formats", IntColumn.create("rate Hz"), IntColumn.create("bits"), IntColumn.create("channels"),
                StringColumn.create("codec"), IntColumn.create("clips"), IntColumn.create("kept by book"));
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Format, int[]> e) -> e.getKey() == Format.UNREADABLE).thenComparing(e -> -e.getValue()[0]))
                .forEach(e -> {
                    Format f = e.getKey();
                    t.intColumn("rate Hz").append(f.rate());   // a missing value for an unreadable clip
                    t.intColumn("bits").append(f.bits());
                    t.intColumn("channels").append(f.channels());
                    t.stringColumn("codec").append(f.codec());
                    t.intColumn("clips").append(e.getValue()[0]);
                    t.intColumn("kept by book").append(e.getValue()[1]);
                });
        return t;
    }

    /** from s, to s, clips, kept by book: durations of the readable clips in bins of half a second. */
    public Table durations() {
        double longest = headers.stream().filter(h -> h.info() != null).mapToDouble(h -> h.info().seconds()).max().orElse(0);
        int bins = Math.min(MAX_BINS, (int) (longest / BIN_SECONDS) + 1);
        int[] clips = new int[bins], kept = new int[bins];
        for (Header h : headers) {
            if (h.info() == null) continue;
            int b = Math.min(bins - 1, (int) (h.info().seconds() / BIN_SECONDS));
            clips[b]++;
            if (h.keptByBook()) kept[b]++;
        }
        Table t = Table.create(name + ": durations", StringColumn.create("from s"), StringColumn.create("to s"),
                IntColumn.create("clips"), IntColumn.create("kept by book"));
        for (int b = 0; b < bins; b++) {
            t.stringColumn("from s").append(String.format(Locale.ROOT, "%.1f", b * BIN_SECONDS));
            t.stringColumn("to s").append(b == MAX_BINS - 1 ? "" : String.format(Locale.ROOT, "%.1f", (b + 1) * BIN_SECONDS));
            t.intColumn("clips").append(clips[b]);
            t.intColumn("kept by book").append(kept[b]);
        }
        return t;
    }

    /** Both tables as text, the histogram drawn with bars, for the dataset command. */
    public String text() {
        StringBuilder s = new StringBuilder(formats().printAll()).append("\n\n").append(name)
                .append(": durations, clips (of them kept by book)\n");
        Table d = durations();
        int most = Math.max(1, (int) d.intColumn("clips").max());
        for (int b = 0; b < d.rowCount(); b++) {
            String to = d.stringColumn("to s").get(b), bin = d.stringColumn("from s").get(b) + (to.isEmpty() ? "+" : "-" + to);
            int clips = d.intColumn("clips").get(b);
            s.append(String.format(Locale.ROOT, "  %9s s %-40s %d (%d)%n", bin, "#".repeat((int) Math.ceil(40.0 * clips / most)),
                    clips, d.intColumn("kept by book").get(b)));
        }
        long unreadable = headers.stream().filter(h -> h.info() == null).count();
        if (unreadable > 0) s.append("  ").append(unreadable).append(" unreadable clips have no duration\n");
        return s.toString();
    }
}
