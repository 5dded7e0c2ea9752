// %% [markdown]
// # 03 · The chapter
//
// The chapter's six models (plain RNN, LSTM and LSTM-state, each at 10 ms and 100 ms windows every 10 ms, hidden
// size 20) on the book's schedule: the 10 ms models train 10 epochs and then 100 more with Adam state kept, the
// 100 ms models 100 epochs. The results table puts the book's accuracy and seconds beside ours; every chart is
// exported (PNG, SVG, PDF) into the report folder `reports/<run-id>/`, with the run manifest.
//
// On the embedded synthetic data the accuracies are not the book's: the point is the comparison between models.
// Environment variables win over the parameters: `LSTMLAB_QUICK=1` runs the same shape at a few epochs on the
// small preset (CI), `LSTMLAB_EPOCHS` gives every model that many epochs, `LSTMLAB_DATA` sets the dataset,
// `LSTMLAB_REPORTS` where run folders go, `LSTMLAB_LANG` the lab report's language. Re-running a finished
// configuration reads it back instead of training.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = small synthetic preset, a few epochs (quick runs, CI)
int epochs = 0;           // 0 = the book's schedule (the quick one in quick mode); n = n epochs for every model
String lang = "en";       // the lab report's language: "en" or "ko"

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
var data = Lab.dataset(dataFolder, quick);   // LSTMLAB_DATA and LSTMLAB_QUICK win over the parameters

// %%
epochs = Lab.param(Lab.EPOCHS, epochs);      // LSTMLAB_EPOCHS wins
lang = Lab.param(Lab.LANG, lang);            // LSTMLAB_LANG wins

// %% [markdown]
// ## Run
// Two models train at a time, each with its own live bar; the book's log lines print below.

// %% expect=text/html contains="us_basic_10_10|us_state_10_100" lacks="Book accuracy"
var run = Lab.reproduce(data, epochs).run();

// %% [markdown]
// ## The results, with the book's numbers side by side

// %% expect=text/html contains="us_basic_10_10|us_lstm_10_10|us_state_10_10|us_basic_10_100|us_lstm_10_100|us_state_10_100"
Lab.show(run.results());

// %% [markdown]
// ## Every chart of the report
// Accuracy by window and layer (the book as a second series), training time, learning curves, a confusion matrix
// per model, the example clip's spectrogram at both windows, and the gradient-norm study.

// %% expect=image/png contains="gradient-norms|charts exported to"
Lab.show(run.charts());
System.out.println("charts exported to " + run.dir().resolve("charts") + " (PNG, SVG, PDF)");

// %% [markdown]
// ## The lab report
// The chapter's report written from this run: overview, one block per model with its log lines, the gradient
// study, the conclusion drawn from the numbers beside the book's, per-class F1, confusion matrices, baselines and
// the recipe. It is also saved as `report.html` (one file with every chart inside), `report.md` and `report.pdf`
// in the run folder; `java -jar target/lstm-lab.jar report <run folder> --lang ko` rewrites it in Korean.

// %% expect=text/html contains="2.1 |3-1. |3-2. |us_state_10_100 test report"
Lab.report(run, lang);
