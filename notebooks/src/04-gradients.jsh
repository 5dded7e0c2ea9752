// %% [markdown]
// # 04 · Vanishing and exploding gradients
//
// Why does the LSTM beat the plain RNN on 10 ms frames (up to 400 steps)? The loss reaches step t only through
// ∂L/∂h_t, and in a plain RNN that signal is multiplied by the recurrent weights at every step back: it shrinks
// (vanishes) or grows (explodes) geometrically. The LSTM's cell state carries it additively.
//
// The reproduction's gradient study, run alone: the RNN and the LSTM, each without and with gradient-norm
// clipping, record ‖∂L/∂h_t‖ for every step t of a fixed probe batch before training and after it.
// Environment variables win over the parameters: `LSTMLAB_QUICK`, `LSTMLAB_EPOCHS`, `LSTMLAB_DATA`.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = small synthetic preset and 2 epochs (quick runs, CI)
int epochs = 20;          // training epochs before the second measurement
double clip = 1.0;        // the clipped runs' maximum gradient norm

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
var data = Lab.dataset(dataFolder, quick);   // LSTMLAB_DATA and LSTMLAB_QUICK win over the parameters

// %%
epochs = Lab.param(Lab.EPOCHS, data.isQuick() ? 2 : epochs);   // LSTMLAB_EPOCHS wins

// %% contains="sequences at 10-10 ms"
var features = data.features(10, 10);
System.out.println(features);

// %% [markdown]
// ## Four runs, probing the gradients
// ‖∂L/∂h_t‖ on the same probe batch before training (untrained; clipping changes only the updates, so one line
// per cell) and after the last epoch. The chart plots log10 of the norm, since a plain RNN's span many decades.

// %% expect=text/html,image/png
var study = Lab.gradientStudy(features, epochs, clip);
Lab.show(study.chart());

// %% [markdown]
// ## How much of the signal reaches the first step?
// The ratio ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ over the probe batch's steps: far below 1 means the gradient vanishes on its
// way back, far above 1 that it explodes.

// %% expect=text/html contains="LSTM, untrained"
Lab.show(study.ratios());
