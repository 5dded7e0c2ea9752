package org.lstmlab.cli;

import org.lstmlab.data.synth.SyntheticPreset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the embedded synthetic urban-sound dataset (Kaggle and UrbanSound8K layouts) unless "
                + "a complete one with the same preset and seed is already there. Prints the dataset folder.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin PresetMixin synthetic;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: datasets/synthetic-<preset>")
    Path out;

    @Override public Integer call() throws Exception {
        SyntheticPreset p = synthetic.preset(false);
        Path dir = SyntheticUrbanSounds.ensure(out != null ? out : Path.of(p.defaultFolder()), p, synthetic.seed);
        spec.commandLine().getOut().println(dir.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return Failures.OK;
    }
}
