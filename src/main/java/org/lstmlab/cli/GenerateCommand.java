package org.lstmlab.cli;

import org.lstmlab.data.synth.SyntheticPreset;
import org.lstmlab.data.synth.SyntheticUrbanSounds;
import org.lstmlab.nn.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the embedded synthetic urban-sound dataset (Kaggle and UrbanSound8K layouts) unless "
                + "a complete one with the same preset and seed is already there. Prints the dataset folder.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--preset", defaultValue = "small", description = "small (600 clips, for CI) or book (5,435 clips). Default: ${DEFAULT-VALUE}")
    String preset;

    @Option(names = "--seed", defaultValue = "1234", description = "Generator seed; the same seed gives identical files. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", description = "Output folder. Default: datasets/synthetic-<preset>")
    Path out;

    @Override
    public Integer call() throws Exception {
        SyntheticPreset p;
        try {
            p = SyntheticPreset.parse(preset);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage()); // "--preset must be small or book, ..."
        }
        Path dir = SyntheticUrbanSounds.ensure(out != null ? out : Path.of(p.defaultFolder()), p, seed);
        spec.commandLine().getOut().println(dir.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
