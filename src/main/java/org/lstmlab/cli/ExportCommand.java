package org.lstmlab.cli;

import org.lstmlab.onnx.OnnxExport;
import org.lstmlab.onnx.OrtClassifier;
import org.lstmlab.train.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a trained model file as a standard inference ONNX model (RNN/LSTM op, head, Softmax).",
                "Inputs: features float [batch, T, F], lengths int32 [batch]; outputs: logits, probabilities.",
                "Metadata: format_version, class_names, feature_params, cell, recipe."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by train --save.")
    Path model;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "The ONNX file. Default: MODEL with .onnx")
    Path output;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        ModelFile mf = Cli.load(model);
        String stem = model.getFileName().toString().replaceFirst("(?<=.)\\.[^.]*$", "");   // a leading dot is no extension
        Path out = output != null ? output : model.resolveSibling(stem + ".onnx");
        OnnxExport.write(mf.model(), mf.recipe(), out);
        try (OrtClassifier check = OrtClassifier.open(out)) {   // reload: the written file must be usable as is
            spec.commandLine().getOut().printf("wrote %s (%d bytes): %s, %d classes %s, features %s%n", out,
                    Files.size(out), mf.model().config(), check.classNames().size(), check.classNames(),
                    check.featureParams().asMap());
        }
        spec.commandLine().getOut().flush();
        return Failures.OK;
    }
}
