package org.lstmlab.features;

import org.lstmlab.audio.Audio;
import org.lstmlab.audio.PythonWave;
import org.lstmlab.audio.Resampler;
import org.lstmlab.audio.WavFile;
import org.lstmlab.audio.WavFormatException;
import org.lstmlab.audio.WavInfo;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A clip to a T x 100 matrix (protocol §1.4). BOOK: left channel at raw int16 scale, rectangular frames, full-DFT
 * magnitude / floor(N/2), bins N-200g .. N-100g-1 (mirrored past N/2) averaged in groups of g, and the skip rules of
 * protocol §1.3. CORRECTED: mono down-mix resampled to 44.1 kHz in [-1, 1), optional Hann window, bins 1..100g, optional
 * log1p of each band mean; only unreadable or shorter-than-one-window clips are skipped.
 * Thread-safe: each thread gets its own FFT plan and buffers.
 */
public final class FeatureExtractor {
    private static final int SAMPLE_RATE = FeatureConfig.SAMPLE_RATE;
    private final FeatureConfig params;
    private final int n, hop, g, lo;
    private final double scale;
    /** A band's sum of |X[k]| to its mean |X[k]| / scale: one multiply per feature, not two divisions. */
    private final double perBinOfSum;
    private final double[] window;
    private final ThreadLocal<Workspace> workspace;
    private final Resampler resampler = Resampler.to(SAMPLE_RATE);

    private FeatureExtractor(FeatureConfig params) {
        this.params = params;
        this.n = params.chunkSize();
        this.hop = params.hop();
        this.g = params.groupSize();
        boolean book = params.mode() == FeatureMode.BOOK;
        this.lo = book ? n - 200 * g : 1;
        this.window = params.hann() ? hann(n) : null;
        double gain = 0;
        for (int i = 0; i < n; i++) gain += window == null ? 1 : window[i];
        // book: floor(N/2); corrected: half the window's sum, so a sine of amplitude A reads about A either way
        this.scale = book ? n / 2 : gain / 2;
        this.perBinOfSum = 1 / (scale * g);
        this.workspace = ThreadLocal.withInitial(Workspace::new);
    }

    public static FeatureExtractor of(FeatureConfig params) { return new FeatureExtractor(params); }

    public FeatureConfig params() { return params; }

    /** First FFT bin that feeds feature 0 (book: N - 200g; corrected: 1). */
    public int firstBin() { return lo; }

    /**
     * The skip rules a header alone decides, in the book's order, or empty if the clip is kept. Book mode: a header
     * Python's wave cannot open (up to 3.11: anything but a plain PCM RIFF file) is unreadable, then
     * {@link BookRules}. Corrected mode keeps every readable clip at least one window long.
     */
    public Optional<SkipReason> skipReason(WavInfo info) { return check(info).map(SkippedClipException::reason); }

    private Optional<SkippedClipException> check(WavInfo info) {
        if (params.mode() == FeatureMode.CORRECTED)
            return (long) info.frames() * SAMPLE_RATE >= (long) n * info.sampleRate() ? Optional.empty()
                    : Optional.of(new SkippedClipException(null, SkipReason.TOO_SHORT, info.frames() + " frames at "
                            + info.sampleRate() + " Hz, one window needs " + n + " at 44.1 kHz"));
        if (info.container() != WavInfo.Container.RIFF || info.encoding() != WavInfo.Encoding.PCM || info.extensible())
            return Optional.of(new SkippedClipException(null, SkipReason.UNREADABLE, (info.extensible() ? "WAVE_FORMAT_EXTENSIBLE "
                    : "") + info.encoding().label() + " in " + info.container() + ", which Python's wave (to 3.11) cannot open"));
        return BookRules.check(info.channels(), info.bitsPerSample(), info.sampleWidth(), info.sampleRate(), info.frames());
    }

    /** The T x 100 features of a decoded clip, or the rule that skips it (the exception names no file). */
    public double[][] extract(Audio audio) throws SkippedClipException { return extract(audio, Layout.ROWS); }

    private <T> T extract(Audio audio, Layout<T> layout) throws SkippedClipException {
        Optional<SkippedClipException> skip = check(audio.info());
        if (skip.isPresent()) throw skip.get();
        double[] signal = params.mode() == FeatureMode.BOOK ? leftInt16(audio) : correctedSignal(audio);
        return frames(signal, steps(signal.length), layout);
    }

    /** Frames in a signal of this length at 44.1 kHz; a signal shorter than one window is skipped. */
    private int steps(int length) throws SkippedClipException {
        int steps = params.steps(length);
        if (steps == 0)
            throw new SkippedClipException(null, SkipReason.TOO_SHORT, length + " samples at 44.1 kHz, one window is " + n);
        return steps;
    }

    /**
     * The features of a WAV file: the header is checked first (cheap), then the file is decoded. Book mode reads the
     * file as Python's wave does ({@link PythonWave}) and decodes the left channel only, straight to int16 values,
     * into this thread's reused buffer. Any read or decode failure is the 'unreadable' rule, as the book's
     * try/except made it.
     */
    public double[][] extract(Path wav) throws SkippedClipException { return extract(wav, Layout.ROWS); }

    /** What a clip's header promises before extraction: its number of frames, and a warning when the file reads short. */
    public record Plan(int steps, Optional<String> warning) {}

    /**
     * The {@link Plan} of {@link #extract(Path)}, from the header alone (cheap), or the rule that skips the clip: a
     * dataset load sizes its packed array with it before extracting.
     */
    public Plan plan(Path wav) throws SkippedClipException {
        if (params.mode() == FeatureMode.BOOK) return with(wav, PythonWave::open, w -> new Plan(steps(kept(w)), w.warning()));
        return with(wav, WavFile::open, file -> {
            WavInfo info = file.info();
            Optional<SkippedClipException> skip = check(info);
            if (skip.isPresent()) throw skip.get();
            return new Plan(steps(resampler.length(info.frames(), info.sampleRate())), info.warning());
        });
    }

    /**
     * Writes the clip's features as floats, row-major, into dest from offset: the packed sequences' storage, so a
     * dataset load makes no per-clip arrays. The clip must have the given number of frames (from {@link #plan(Path)});
     * one that no longer does, changed on disk meanwhile, is unreadable.
     */
    public void extractInto(Path wav, float[] dest, int offset, int steps) throws SkippedClipException {
        extract(wav, Layout.into(dest, offset, steps));
    }

    private <T> T extract(Path wav, Layout<T> layout) throws SkippedClipException {
        if (params.mode() == FeatureMode.CORRECTED) return with(wav, WavFile::open, file -> extract(file.audio(), layout));
        return with(wav, PythonWave::open, file -> {
            int frames = kept(file);
            Workspace w = workspace.get();
            w.signal = file.int16Channel(0, w.signal);
            return frames(w.signal, steps(frames), layout); // the reused buffer may be longer than the clip
        });
    }

    /** The frames of a file that {@link BookRules} keep. */
    private static int kept(PythonWave w) throws SkippedClipException {
        Optional<SkippedClipException> skip = BookRules.check(w.channels(), w.bits(), w.sampleWidth(), w.frameRate(), w.frames());
        if (skip.isPresent()) throw skip.get();
        return w.frames();
    }

    /** Opening a file, or the work on it once open. */
    private interface FileStep<A, B> {
        B apply(A a) throws IOException, SkippedClipException;
    }

    /** Any read or decode failure is the 'unreadable' rule, as the book's try/except made it. */
    private static <F extends Closeable, T> T with(Path wav, FileStep<Path, F> opener, FileStep<F, T> work)
            throws SkippedClipException {
        try (F file = opener.apply(wav)) {
            return work.apply(file);
        } catch (SkippedClipException e) {
            throw e.file() == null ? e.in(wav) : e;
        } catch (NoSuchFileException e) {
            throw new SkippedClipException(wav, SkipReason.UNREADABLE, "file not found");
        } catch (WavFormatException e) {
            throw new SkippedClipException(wav, SkipReason.UNREADABLE, e.fault());
        } catch (IOException e) {
            throw new SkippedClipException(wav, SkipReason.UNREADABLE, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new SkippedClipException(wav, SkipReason.UNREADABLE, e.toString());
        }
    }

    /** Book scale: channel 0 only, as the int16 values themselves. */
    private static double[] leftInt16(Audio audio) {
        return Arrays.stream(audio.samples()[0]).map(v -> v * 32768.0).toArray();
    }

    /** Corrected scale (protocol §8.2-8.3): every channel averaged, band-limited resampling to 44.1 kHz, kept in [-1, 1). */
    private double[] correctedSignal(Audio audio) { return resampler.apply(audio.mono()).samples()[0]; }

    private <T> T frames(double[] signal, int steps, Layout<T> layout) {
        Workspace w = workspace.get();
        T out = layout.create(steps);
        for (int t = 0; t < steps; t++) {
            w.spectrum.bandSums(signal, t * hop, w.sums);
            bands(w.sums, w.features);
            layout.put(out, t, w.features);
        }
        return out;
    }

    /** How a clip's features are stored: made for its number of frames, then filled a frame at a time. */
    private interface Layout<T> {
        T create(int steps);

        void put(T out, int t, double[] features);

        /** A double[] per frame, for inspection and the spec's exactness. */
        Layout<double[][]> ROWS = new Layout<>() {
            @Override public double[][] create(int steps) { return new double[steps][FeatureConfig.FEATURES]; }

            @Override public void put(double[][] out, int t, double[] f) { System.arraycopy(f, 0, out[t], 0, f.length); }
        };

        /** Row-major floats from offset in dest, as packed sequences store features, for a clip of the given frames. */
        static Layout<float[]> into(float[] dest, int offset, int steps) {
            return new Layout<>() {
                @Override public float[] create(int actual) {
                    if (actual != steps) throw new IllegalStateException(actual + " frames, where its header gave " + steps);
                    return dest;
                }

                @Override public void put(float[] out, int t, double[] f) {
                    for (int j = 0; j < f.length; j++) out[offset + t * f.length + j] = (float) f[j];
                }
            };
        }
    }

    /** Feature j = mean of |X[k]| / scale over the j-th group of g bins. */
    private void bands(double[] sums, double[] features) {
        for (int j = 0; j < FeatureConfig.FEATURES; j++) {
            double mean = sums[j] * perBinOfSum;
            features[j] = params.logMagnitude() ? Math.log1p(mean) : mean;
        }
    }

    /** Periodic Hann window, the usual choice for spectral analysis. */
    private static double[] hann(int n) {
        return IntStream.range(0, n).mapToDouble(i -> 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n)).toArray();
    }

    /** Per-thread FFT plan and buffers. */
    private final class Workspace {
        final FrameSpectrum spectrum = new FrameSpectrum(n, lo, g, FeatureConfig.FEATURES, window);
        /** Book mode's decoded left channel, reused across clips. */
        double[] signal;
        final double[] sums = new double[FeatureConfig.FEATURES];
        final double[] features = new double[FeatureConfig.FEATURES];
    }
}
