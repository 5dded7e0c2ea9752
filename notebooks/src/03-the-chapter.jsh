// %% [markdown]
// # 03 · The chapter
//
// The chapter's six models (plain RNN, LSTM and LSTM-state, each at 10 ms and 100 ms windows every 10 ms, hidden
// size 20) on the book's schedule: the 10 ms models train 10 epochs and then 100 more with Adam state kept, the
// 100 ms models 100 epochs. The results table puts the book's accuracy and seconds beside ours; every chart is
// exported (PNG, SVG, PDF) into the report folder `reports/<run-id>/`, with the run manifest.
//
// On the embedded synthetic data the accuracies are not the book's: the point is the comparison between models.
// `LSTMLAB_QUICK=1` runs the same shape at a few epochs on the small preset (CI). Re-running a finished
// configuration reads it back instead of training again.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = small synthetic preset, a few epochs (quick runs, CI)

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
dataFolder = Lab.param(Lab.DATA, dataFolder);   // environment variables win (CI runs quick)
quick = Lab.param(Lab.QUICK, quick);

// %% [markdown]
// ## Run
// Two models train at a time, each with its own live bar; the book's log lines print below.

// %% expect=text/html contains="us_basic_10_10|us_state_10_100"
var data = Lab.dataset(dataFolder).quick(quick);
var run = Lab.reproduce(data).run();

// %% [markdown]
// ## The results, with the book's numbers side by side

// %% expect=text/html contains="us_basic_10_10|us_lstm_10_10|us_state_10_10|us_basic_10_100|us_lstm_10_100|us_state_10_100"
String resultsId = Lab.show(run.results());

// %% [markdown]
// ## Every chart of the report
// Accuracy by window and layer (the book as a second series), training time, learning curves, a confusion matrix
// per model, the example clip's spectrogram at both windows, and the gradient-norm study.

// %% expect=image/png contains="charts exported to"
for (var chart : run.charts().entrySet()) {
    System.out.println(chart.getKey());
    Lab.show(chart.getValue());
}
System.out.println("charts exported to " + run.dir().resolve("charts") + " (PNG, SVG, PDF)");
