// %% [markdown]
// # 01 · The data
//
// The chapter classifies urban sounds (10 classes) from FFT features of short windows. This notebook opens the
// dataset, shows what is in it, draws one clip, shows the book's feature quirk and the feature cache.
//
// The defaults run the **embedded synthetic dataset** (generated on first use into `datasets/`). Its sounds are
// synthetic, so its accuracies are not the book's. Point `dataFolder` at the real data to use it (see
// `datasets/README.md`). Environment variables win over the parameters: `LSTMLAB_DATA`, `LSTMLAB_QUICK`.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder
boolean quick = false;    // true = the small synthetic preset (quick runs, CI)

// %%
%jars ../target/lstm-lab.jar

// %%
import org.lstmlab.notebook.*;
var data = Lab.dataset(dataFolder, quick);   // LSTMLAB_DATA and LSTMLAB_QUICK win over the parameters

// %% [markdown]
// ## The metadata
// One row per line of the label file. The class index is the order of first appearance (protocol §1.2).

// %% expect=text/html contains="<th>class</th>|<th>Count</th>"
Lab.show(data.metadata());
Lab.show(data.summary());

// %% [markdown]
// ## Formats and durations
// Each file's header, read before any feature: clips per format (rate, bits, channels, codec) and a histogram of
// durations in half seconds, each with how many of them book mode keeps. On real data this shows why about half of
// it is skipped.

// %% expect=text/html contains="<th>codec</th>|<th>kept by book</th>|<th>from s</th>"
Lab.show(data.formats());
Lab.show(data.durations());

// %% [markdown]
// ## Features and the skip rules
// Book mode keeps only 16-bit, 44.1 kHz files of at least one second and reads the left channel only (protocol
// §1.3). The first load extracts features from every file in parallel (a progress bar) and writes a cache beside
// the data.

// %% contains="sequences at 10-10 ms"
var f10 = data.features(10, 10);
System.out.println(f10);

// %% contains="sequences at 10-100 ms"
var f100 = data.features(10, 100);
System.out.println(f100);

// %% expect=text/html contains="<th>rule</th>|<th>kept</th>"
Lab.show(f100.skips());
Lab.show(f100.clipsPerClass());

// %% [markdown]
// ## One clip: waveform and spectrograms at both windows
// The spectrograms are the features loaded above, read back from memory: nothing is extracted twice.

// %% expect=image/png
var clip = f100.clip(0);   // the first clip kept
Lab.show(Lab.waveform(clip));

// %% expect=image/png
Lab.show(f10.spectrogram(clip));
Lab.show(f100.spectrogram(clip));

// %% [markdown]
// ## The book's feature quirk
// The book keeps FFT bins N−200g … N−100g−1 (protocol §1.4). With N = 441 (10 ms) that is bins 41…240 of 100 Hz
// each: **everything below 4.1 kHz is thrown away**, and features 90…99 mirror 80…89. With N = 4410 (100 ms) the
// same slice starts at bin 10, i.e. 100 Hz. A pure 1 kHz tone shows it: invisible at 10 ms, plain at 100 ms.

// %% expect=text/html contains="1000 Hz|41…240 of 441"
Lab.show(Lab.bands(f10, f100));

// %% [markdown]
// ## The feature cache
// The cache is keyed by the dataset's fingerprint, every feature parameter and a format version; a stale or
// corrupt cache is rebuilt (protocol §1.6). Loading again reads it instead of the audio.

// %% contains="from cache"
var again = data.features(10, 100);
System.out.println(again);
