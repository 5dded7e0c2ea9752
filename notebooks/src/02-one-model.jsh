// %% [markdown]
// # 02 · One model, step by step
//
// The chapter's LSTM (hidden size 20) on the 100 ms features: build it, train it with a live progress bar and the
// book's log lines, look at its learning curve and confusion matrix, save it, export it to ONNX and run the
// exported model with ONNX Runtime.
//
// Defaults: the embedded synthetic dataset and the book's 100 epochs. `LSTMLAB_QUICK=1` makes a short run,
// `LSTMLAB_EPOCHS` sets the epochs, `LSTMLAB_DATA` the dataset.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = small synthetic preset and a few epochs (quick runs, CI)
int epochs = 100;         // the book trains the 100 ms models for 100 epochs
int report = 20;          // a book log line every `report` epochs

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
dataFolder = Lab.param(Lab.DATA, dataFolder);   // environment variables win (CI runs quick)
quick = Lab.param(Lab.QUICK, quick);
epochs = Lab.param(Lab.EPOCHS, quick ? 3 : epochs);
report = quick ? 1 : report;

// %% [markdown]
// ## Data
// Book-mode features at a 100 ms window every 10 ms, split 80 / 5 / 15 as the book does (protocol §2).

// %% contains="sequences at 10-100 ms"
var features = Lab.dataset(dataFolder).quick(quick).features(10, 100);
System.out.println(features);

// %% [markdown]
// ## Train
// A progress bar redraws in place; the book's log lines (`Epoch 20: cost=…, accuracy=…/… (…/… secs)`) print below.
// Calling `epochs(n)` again continues training with the Adam state kept, as the book's 10 + 100 runs do.

// %% expect=text/html contains="train started|train ended|Epoch "
var lstm = Lab.train(features.lstm().report(report)).epochs(epochs);

// %% expect=image/png
String curveId = Lab.show(lstm.curve());

// %% [markdown]
// ## Test
// The whole test split in one pass (the book's test line), then per-class precision, recall and F1 (Tribuo) and
// the confusion matrix.

// %% expect=text/html,image/png contains="test report|<th>class</th>"
var test = lstm.test();
String perClassId = Lab.show(lstm.perClass());
String confusionId = Lab.show(lstm.confusion());

// %% [markdown]
// ## Save, reload, export to ONNX, run with ONNX Runtime
// The model file keeps the weights, the Adam state, the history and the recipe (config, seed, feature parameters,
// class names, data fingerprint, versions). The ONNX file is a standard inference model (ONNX LSTM op with
// `sequence_lens`, then the head and softmax) that any ONNX runtime can load.

// %% contains="reloaded|ORT test accuracy"
import java.nio.file.*;
import org.lstmlab.train.ModelFile;
Path out = Lab.root().resolve("reports/notebooks/02-one-model");
Path saved = lstm.save(out.resolve(lstm.name() + ".model"));
var reloaded = ModelFile.load(saved);
System.out.println("reloaded " + saved.getFileName() + ": " + reloaded.history().size() + " epochs, recipe keys "
        + reloaded.recipe().asMap().keySet());
Path onnx = lstm.exportOnnx(out.resolve(lstm.name() + ".onnx"));
var ort = lstm.ort(onnx);
System.out.println(String.format("Java test accuracy %.3f, ORT test accuracy %.3f (%d samples)",
        test.accuracy(), ort.accuracy(), ort.size()));
