package org.lstmlab.cli;

import org.lstmlab.data.DatasetFormats;
import org.lstmlab.data.DatasetSummary;
import org.lstmlab.data.LoadConfig;
import org.lstmlab.data.LoadResult;
import org.lstmlab.data.SkipReport;
import org.lstmlab.data.SoundDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Summary of a dataset at the given windows: layout, clips per class, skipped files per rule, T max, memory; then its
 * formats and durations with what book mode keeps of each.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Loads a dataset (features cached beside it) and prints clips per class, skipped files per rule, T max "
                + "and memory, then clips per format and a histogram of durations, each with how many book mode keeps.")
public final class DatasetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataMixin data;
    @Mixin WindowsMixin features;
    @Mixin ThreadsMixin threads;
    @Mixin OutputMixin output;

    @Option(names = "--no-cache", description = "Extract afresh and write no cache.") boolean noCache;

    @Option(names = "--list-skipped",
            description = "Also list every skipped file and refused CSV row with its rule, and every file kept with a warning.")
    boolean listSkipped;

    @Override public Integer call() throws Exception {
        SoundDataset ds = data.open();
        LoadConfig load = new LoadConfig(threads.threads, !noCache, output.progress());
        DatasetSummary summary = DatasetSummary.of(ds, features.configs(), load);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary.text());
        out.println();
        out.print(DatasetFormats.of(ds).text());
        if (listSkipped) {
            for (LoadResult r : summary.loads()) {
                out.println("\nskipped at " + r.sequences().params().tag() + ":");
                for (SkipReport.Skip s : r.skips().skipped()) out.println("  " + s);
                for (SkipReport.Warning w : r.skips().warnings()) out.println("  " + w);
            }
            for (String m : ds.refusedRows()) out.println("  " + m);
            for (String m : ds.foldConflicts()) out.println("  " + m);
        }
        out.flush();
        return Failures.OK;
    }
}
