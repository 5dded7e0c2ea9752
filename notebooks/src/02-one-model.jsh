// %% [markdown]
// # 02 · One model, step by step
//
// The chapter's LSTM (hidden size 20) on the 100 ms features: build it, train it with a live progress bar and the
// book's log lines, look at its learning curve and confusion matrix, save it, export it to ONNX and run the
// exported model with ONNX Runtime.
//
// Defaults: the embedded synthetic dataset and the book's 100 epochs. Environment variables win over the
// parameters: `LSTMLAB_QUICK=1` makes a short run, `LSTMLAB_EPOCHS` sets the epochs, `LSTMLAB_DATA` the dataset.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = small synthetic preset and 3 epochs (quick runs, CI)
int epochs = 100;         // the book trains the 100 ms models for 100 epochs
int report = 20;          // a book log line every `report` epochs (every epoch in quick mode)

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
var data = Lab.dataset(dataFolder, quick);   // LSTMLAB_DATA and LSTMLAB_QUICK win over the parameters

// %%
epochs = Lab.param(Lab.EPOCHS, data.isQuick() ? 3 : epochs);   // LSTMLAB_EPOCHS wins

// %% [markdown]
// ## Data
// Book-mode features at a 100 ms window every 10 ms, split 80 / 5 / 15 as the book does (protocol §2).

// %% contains="sequences at 10-100 ms"
var features = data.features(10, 100);
System.out.println(features);

// %% [markdown]
// ## Train
// A progress bar redraws in place; the book's log lines (`Epoch 20: cost=…, accuracy=…/… (…/… secs)`) print below.
// Calling `epochs(n)` again continues training with the Adam state kept, as the book's 10 + 100 runs do.

// %% expect=text/html contains="train started|train ended|Epoch "
var lstm = Lab.train(features.lstm().report(data.isQuick() ? 1 : report)).epochs(epochs);

// %% expect=image/png
Lab.show(lstm.curve());

// %% [markdown]
// ## Test
// The whole test split in one pass (the book's test line), then per-class precision, recall and F1 (Tribuo) and
// the confusion matrix.

// %% expect=text/html,image/png contains="test report|<th>class</th>"
Lab.show(lstm.perClass());
Lab.show(lstm.confusion());

// %% [markdown]
// ## Save, reload, export to ONNX, run with ONNX Runtime
// The model file keeps the weights, the Adam state, the history and the recipe (data, split, feature parameters,
// training settings, engine, versions). The ONNX file is a standard inference model (ONNX LSTM op with
// `sequence_lens`, then the head and softmax) that any ONNX runtime can load.

// %% contains="reloaded"
var reloaded = Lab.load(lstm.save(Lab.reports().resolve("notebooks/" + lstm.name() + ".model")));
System.out.println("reloaded " + reloaded.path().getFileName() + ": " + reloaded.history().size()
        + " epochs, split " + reloaded.recipe().split() + ", trained by " + reloaded.recipe().engine());

// %% expect=text/html contains="ONNX Runtime"
var onnx = lstm.exportOnnx(reloaded.path().resolveSibling(lstm.name() + ".onnx"));
Lab.show(lstm.compareWithOrt(onnx));
