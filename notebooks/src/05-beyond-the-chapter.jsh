// %% [markdown]
// # 05 · Beyond the chapter: overfitting and the book's remedies
//
// On small data an LSTM's main risk is overfitting: it learns the training clips better than it generalises. The
// book's own framework has the remedies (its chapter 8): an L2 weight decay added after each Adam step, and a
// dropout layer, which its chapter 10 puts right after a recurrent layer. Early stopping is an addition.
//
// The study trains the LSTM-state model at 100 ms with no remedy, L2 0.1 (the book's chapter-8 value), dropout with
// keep probability 0.5 (the book's chapter-10 value), both, and early stopping (patience 20 epochs); beside it, the
// LSTM and the GRU without remedy at both windows. Each trains the book's schedule and validates every 5 epochs. The table sets
// each model's accuracy on its whole training split against its test accuracy; the gap is their difference. The
// remedies are not tuned to the data: if none narrows the gap here, the table shows it.
// Environment variables win over the parameters: `LSTMLAB_QUICK`, `LSTMLAB_EPOCHS`, `LSTMLAB_DATA`, `LSTMLAB_REPORTS`.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = small synthetic preset, a few epochs (quick runs, CI)
int epochs = 0;           // 0 = the book's schedule (the quick one in quick mode); n = n epochs for every model

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
var data = Lab.dataset(dataFolder, quick);   // LSTMLAB_DATA and LSTMLAB_QUICK win over the parameters

// %%
epochs = Lab.param(Lab.EPOCHS, epochs);      // LSTMLAB_EPOCHS wins

// %% [markdown]
// ## Run the study
// Two models train at a time, each with its own live bar; the book's log lines print below, and early stopping says
// in a line of its own after them which epoch's weights it kept. A finished study is read back, not retrained.

// %% expect=text/html contains="overfit_early_state_10_100"
var study = Lab.overfitting(data, epochs).run();

// %% [markdown]
// ## Train accuracy, test accuracy and the gap

// %% expect=text/html contains="early stopping|LSTM 10 ms|GRU 100 ms"
Lab.show(study.overfitting().table());

// %% [markdown]
// ## Each run's curves
// Train accuracy is each epoch's mean over its batches (with dropout active, as the book measures it), validation
// accuracy is measured every 5 epochs on freshly drawn validation clips; a diamond marks the epoch whose weights
// early stopping kept. The same chart is exported (PNG, SVG, PDF) to the run folder's `charts/overfitting-curves`.

// %% expect=image/png
Lab.show(study.overfitting().chart());
