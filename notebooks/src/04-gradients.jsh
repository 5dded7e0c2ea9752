// %% [markdown]
// # 04 · Vanishing and exploding gradients
//
// Why does the LSTM beat the plain RNN on 10 ms frames (up to 400 steps)? The loss reaches step t only through
// ∂L/∂h_t, and in a plain RNN that signal is multiplied by the recurrent weights at every step back: it shrinks
// (vanishes) or grows (explodes) geometrically. The LSTM's cell state carries it additively.
//
// We record ‖∂L/∂h_t‖ for every step t of a fixed probe batch, before training and after it, for the RNN, the LSTM
// and the RNN trained with gradient-norm clipping.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = small synthetic preset and a few epochs (quick runs, CI)
int epochs = 20;          // training epochs before the second measurement
double clip = 1.0;        // the clipping model's maximum gradient norm

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
dataFolder = Lab.param(Lab.DATA, dataFolder);   // environment variables win (CI runs quick)
quick = Lab.param(Lab.QUICK, quick);
epochs = Lab.param(Lab.EPOCHS, quick ? 2 : epochs);

// %% contains="sequences at 10-10 ms"
var features = Lab.dataset(dataFolder).quick(quick).features(10, 10);
System.out.println(features);

// %% [markdown]
// ## Train three models, probing the gradients
// `probeGradients(n)` measures ‖∂L/∂h_t‖ on the same probe batch before training (epoch 0) and every n epochs.

// %% expect=text/html
import java.util.*;
var setups = new LinkedHashMap<String, LabFeatures.Setup>();
setups.put("RNN", features.rnn().report(0));
setups.put("LSTM", features.lstm().report(0));
setups.put("RNN, clip " + clip, features.rnn().report(0).clip(clip));
var norms = new LinkedHashMap<String, double[]>();
for (var e : setups.entrySet()) {
    var m = Lab.train(e.getValue()).probeGradients(epochs).epochs(epochs);
    var probed = m.history().gradientNorms();
    if (!e.getKey().contains("clip")) norms.put(e.getKey() + ", untrained", probed.get(0));   // clipping changes only the updates
    norms.put(e.getKey() + ", after " + epochs + " epochs", probed.get(epochs));
}

// %% expect=image/png
import org.lstmlab.plot.Charts;
String chartId = Lab.show(Charts.gradientNorms("‖∂L/∂h_t‖ through time (10 ms frames)", norms));

// %% [markdown]
// ## How much of the signal reaches the first step?
// The ratio ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ over the probe batch's steps: far below 1 means the gradient vanishes on its
// way back, far above 1 that it explodes.

// %% expect=text/html contains="LSTM, untrained"
import tech.tablesaw.api.*;
var ratios = Table.create("gradient reaching step 1", StringColumn.create("model"), IntColumn.create("steps"),
        StringColumn.create("‖∂L/∂h_T‖"), StringColumn.create("‖∂L/∂h_1‖"), StringColumn.create("log10 ratio"));
for (var e : norms.entrySet()) {
    double[] g = e.getValue();
    int last = g.length - 1;
    while (last > 0 && g[last] == 0) last--;   // steps past the probe batch's longest sequence carry nothing
    ratios.stringColumn(0).append(e.getKey());
    ratios.intColumn(1).append(last + 1);
    ratios.stringColumn(2).append(String.format("%.2e", g[last]));
    ratios.stringColumn(3).append(String.format("%.2e", g[0]));
    ratios.stringColumn(4).append(String.format("%.1f", Math.log10(g[0] / g[last])));
}
String ratiosId = Lab.show(ratios);
