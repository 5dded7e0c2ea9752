// %% [markdown]
// # 01 · The data
//
// The chapter classifies urban sounds (10 classes) from FFT features of short windows. This notebook opens the
// dataset, shows what is in it, draws one clip, shows the book's feature quirk and the feature cache.
//
// The defaults run the **embedded synthetic dataset** (generated on first use into `datasets/`). Its sounds are
// synthetic, so its accuracies are not the book's. Point `dataFolder` at the real data to use it (see
// `datasets/README.md`). Environment variables override the parameters: `LSTMLAB_DATA`, `LSTMLAB_QUICK`.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = the small synthetic preset (quick runs, CI)

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
dataFolder = Lab.param(Lab.DATA, dataFolder);   // environment variables win (CI runs quick)
quick = Lab.param(Lab.QUICK, quick);

// %% [markdown]
// ## The metadata
// One row per line of the label file. The class index is the order of first appearance (protocol §1.2).

// %% expect=text/html contains="<th>class</th>"
var data = Lab.dataset(dataFolder).quick(quick);
String metadataId = Lab.show(data.metadata());

// %% expect=text/html contains="<th>Count</th>"
String summaryId = Lab.show(data.summary());

// %% [markdown]
// ## Features and the skip rules
// Book mode keeps only 16-bit, 44.1 kHz files of at least one second and reads the left channel only. The first
// load extracts features from every file in parallel (a progress bar) and writes a cache beside the data.

// %% expect=text/html contains="<th>rule</th>"
var f10 = data.features(10, 10);
var f100 = data.features(10, 100);
System.out.println("10 ms:  " + f10);
System.out.println("100 ms: " + f100);
String skipsId = Lab.show(f100.skips());

// %% expect=text/html contains="<th>kept</th>"
String keptId = Lab.show(f100.clipsPerClass());

// %% [markdown]
// ## One clip: waveform and spectrograms at both windows

// %% expect=image/png
import org.lstmlab.audio.*;
import org.knowm.xchart.*;
var clip = f100.result().clip(0);
var audio = WavReader.read(clip.file());
double[] left = audio.samples()[0];
int stride = Math.max(1, left.length / 4000);   // at most 4000 points keep the chart light
double[] ts = new double[left.length / stride], ys = new double[ts.length];
for (int i = 0; i < ts.length; i++) { ts[i] = (double) i * stride / audio.sampleRate(); ys[i] = left[i * stride]; }
var waveform = new XYChartBuilder().width(800).height(250)
        .title(clip.id() + " (" + clip.className() + "), " + audio.info().sampleRate() + " Hz")
        .xAxisTitle("time (s)").yAxisTitle("amplitude").build();
waveform.addSeries("left channel", ts, ys).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
String waveId = Lab.show(waveform);

// %% expect=image/png
import org.lstmlab.features.*;
import org.lstmlab.plot.Charts;
String name = clip.className() + " (clip " + clip.id() + ")";
String spec10 = Lab.show(Charts.spectrogram(name + ", features at 10 ms", FeatureExtractor.of(f10.params()).extract(audio), 0.01, 200));
String spec100 = Lab.show(Charts.spectrogram(name + ", features at 100 ms", FeatureExtractor.of(f100.params()).extract(audio), 0.01, 200));

// %% [markdown]
// ## The book's feature quirk
// The book keeps FFT bins N−200g … N−100g−1. With N = 441 (10 ms) that is bins 41…240 of 100 Hz each:
// **everything below 4.1 kHz is thrown away**, and features 90…99 mirror 80…89. With N = 4410 (100 ms) the same
// slice starts at bin 10, i.e. 100 Hz. A pure 1 kHz tone shows it: invisible at 10 ms, plain at 100 ms.

// %% expect=text/html contains="1000 Hz"
import tech.tablesaw.api.*;
var quirk = Table.create("what the features see of a pure tone",
        StringColumn.create("tone"), IntColumn.create("window (ms)"), DoubleColumn.create("lowest kept (Hz)"),
        IntColumn.create("strongest feature"), DoubleColumn.create("its mean value"));
for (int hz : new int[] {1000, 8000}) {
    double[] tone = new double[44100];
    for (int i = 0; i < tone.length; i++) tone[i] = 0.5 * Math.sin(2 * Math.PI * hz * i / 44100.0);
    var toneAudio = new Audio(new WavInfo(WavInfo.Encoding.PCM, 1, 44100, 16, tone.length, false), new double[][] {tone});
    for (var p : new FeatureConfig[] {f10.params(), f100.params()}) {
        var ex = FeatureExtractor.of(p);
        double[][] x = ex.extract(toneAudio);
        double[] mean = new double[FeatureConfig.FEATURES];
        for (double[] frame : x) for (int j = 0; j < mean.length; j++) mean[j] += frame[j] / x.length;
        int best = 0;
        for (int j = 1; j < mean.length; j++) if (mean[j] > mean[best]) best = j;
        quirk.stringColumn(0).append(hz + " Hz");
        quirk.intColumn(1).append(p.windowMs());
        quirk.doubleColumn(2).append(ex.firstBin() * 44100.0 / p.chunkSize());
        quirk.intColumn(3).append(best);
        quirk.doubleColumn(4).append(Math.round(mean[best] * 1000) / 1000.0);
    }
}
String quirkId = Lab.show(quirk);

// %% [markdown]
// ## The feature cache
// The cache is keyed by the dataset's fingerprint, every feature parameter and a format version; a stale or
// corrupt cache is rebuilt. Loading again reads it instead of the audio.

// %% contains="from cache: true"
long t0 = System.nanoTime();
var again = data.features(10, 100);
System.out.println(String.format("from cache: %s, %d sequences in %.2f s (first load: from cache %s)",
        again.fromCache(), again.sequences().size(), (System.nanoTime() - t0) / 1e9, f100.fromCache()));
