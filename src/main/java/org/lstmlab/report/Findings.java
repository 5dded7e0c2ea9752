package org.lstmlab.report;

import org.lstmlab.experiment.GradientStudy;
import org.lstmlab.experiment.ModelResult;
import org.lstmlab.experiment.ResultsTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the numbers say, written from them: the summary table beside the book's, the conclusions (which layer won at
 * each window, what the larger window did to each layer, where the ordering agrees with the book's) and the
 * gradient study's figures. Nothing here is fixed text: each sentence is chosen and filled from the measurements.
 */
final class Findings {
    /** The book's table times cover this many epochs (the 10-ms models' +100 run, the 100-ms models' only run). */
    static final int BOOK_EPOCHS = 100;
    /** Accuracy differences below this (in points) count as equal. */
    static final double SAME_POINTS = 0.05;
    /** A first/last gradient ratio beyond these bounds vanishes or explodes. */
    static final double VANISHES = 1e-2, EXPLODES = 1e2;

    private final Lang lang;
    private final List<ResultsTable.Entry> models;

    /** rows: the results table's rows; only the recurrent models (those trained for epochs) are read. */
    Findings(Lang lang, List<ResultsTable.Entry> rows) {
        this.lang = lang;
        this.models = rows.stream().filter(e -> e.epochs() > 0).toList();
    }

    List<Integer> windows() { return models.stream().map(ResultsTable.Entry::windowMs).distinct().sorted().toList(); }

    /** Window, layer, accuracy, seconds with the book's beside them, and the speed-up per epoch. */
    Block.Table summary() {
        List<List<String>> rows = new ArrayList<>();
        for (ResultsTable.Entry e : models)
            rows.add(List.of(Integer.toString(e.windowMs()), e.layer(), number(100 * e.accuracy(), 1),
                    number(100 * e.bookAccuracy(), 1), number(e.seconds(), 1), number(e.bookSeconds(), 0),
                    speedUp(e) > 0 ? number(speedUp(e), 1) + "×" : "—"));
        return new Block.Table(List.of(lang.text("sum.col.window"), lang.text("sum.col.layer"), lang.text("sum.col.acc"),
                lang.text("sum.col.bookacc"), lang.text("sum.col.sec"), lang.text("sum.col.booksec"),
                lang.text("sum.col.speedup")), rows, Set.of(0, 2, 3, 4, 5, 6));
    }

    /** Book seconds per epoch over this run's; NaN (shown as a dash) where the book has no time. */
    static double speedUp(ResultsTable.Entry e) { return (e.bookSeconds() / BOOK_EPOCHS) / (e.seconds() / e.epochs()); }

    /** The conclusions, one sentence each, in the order: per window, per layer, against the book, time. */
    List<String> conclusions(boolean synthetic, boolean quick) {
        List<String> out = new ArrayList<>();
        List<Integer> ws = windows();
        for (int w : ws) if (at(w).size() > 1) out.add(ranking(w));
        if (ws.size() > 1) {
            int small = ws.get(0), large = ws.get(ws.size() - 1);
            for (String layer : layers()) windowEffect(layer, small, large).ifPresent(out::add);
            bookWindowEffect(small, large).ifPresent(out::add);
        }
        for (int w : ws) bookRanking(w).ifPresent(out::add);
        for (int w : ws) lstmTime(w).ifPresent(out::add);
        DoubleSummaryStatistics speed = models.stream().mapToDouble(Findings::speedUp).filter(v -> v > 0).summaryStatistics();
        if (speed.getCount() > 0) out.add(lang.text("conc.speed", number(speed.getMin(), 1), number(speed.getMax(), 1)));
        if (synthetic) out.add(lang.text("conc.caveat.synthetic"));
        if (quick) out.add(lang.text("conc.caveat.quick"));
        return out;
    }

    private List<String> layers() { return models.stream().map(ResultsTable.Entry::layer).distinct().toList(); }

    private List<ResultsTable.Entry> at(int window) { return models.stream().filter(e -> e.windowMs() == window).toList(); }

    private ResultsTable.Entry find(int window, String layer) {
        return at(window).stream().filter(e -> e.layer().equals(layer)).findFirst().orElse(null);
    }

    /** "At 10 ms, LSTM+state scored highest (57.7%), followed by LSTM (48.6%), RNN (37.4%)." */
    String ranking(int window) {
        List<ResultsTable.Entry> byAccuracy = sorted(at(window), ResultsTable.Entry::accuracy);
        ResultsTable.Entry best = byAccuracy.get(0);
        List<String> tied = byAccuracy.stream().filter(e -> same(e.accuracy(), best.accuracy())).map(ResultsTable.Entry::layer).toList();
        if (tied.size() > 1) return lang.text("conc.tie", window, String.join(", ", tied), percent(best.accuracy()));
        List<String> rest = byAccuracy.stream().skip(1).map(e -> e.layer() + " (" + percent(e.accuracy()) + ")").toList();
        return lang.text("conc.rank", window, best.layer(), percent(best.accuracy()), String.join(", ", rest));
    }

    java.util.Optional<String> windowEffect(String layer, int small, int large) {
        ResultsTable.Entry a = find(small, layer), b = find(large, layer);
        if (a == null || b == null) return java.util.Optional.empty();
        double points = 100 * (b.accuracy() - a.accuracy());
        String key = Math.abs(points) < SAME_POINTS ? "conc.window.same" : points > 0 ? "conc.window.up" : "conc.window.down";
        return java.util.Optional.of(lang.text(key, layer, percent(a.accuracy()), percent(b.accuracy()),
                lang.text("points", (points > 0 ? "+" : "") + number(points, 1))));
    }

    /** Whether each layer moved with the larger window the way it moved in the book. */
    java.util.Optional<String> bookWindowEffect(int small, int large) {
        List<String> agree = new ArrayList<>(), differ = new ArrayList<>();
        for (String layer : layers()) {
            ResultsTable.Entry a = find(small, layer), b = find(large, layer);
            if (a == null || b == null || Double.isNaN(a.bookAccuracy()) || Double.isNaN(b.bookAccuracy())) continue;
            (Math.signum(round1(b.accuracy() - a.accuracy())) == Math.signum(round1(b.bookAccuracy() - a.bookAccuracy()))
                    ? agree : differ).add(layer);
        }
        if (agree.isEmpty() && differ.isEmpty()) return java.util.Optional.empty();
        if (differ.isEmpty()) return java.util.Optional.of(lang.text("conc.bookwindow.agree"));
        return java.util.Optional.of(agree.isEmpty() ? lang.text("conc.bookwindow.against", String.join(", ", differ))
                : lang.text("conc.bookwindow.differ", String.join(", ", differ), String.join(", ", agree)));
    }

    /** The ranking at one window against the book's, over the layers the book has. */
    java.util.Optional<String> bookRanking(int window) {
        List<ResultsTable.Entry> here = at(window).stream().filter(e -> !Double.isNaN(e.bookAccuracy())).toList();
        if (here.size() < 2) return java.util.Optional.empty();
        String ours = order(here, ResultsTable.Entry::accuracy), book = order(here, ResultsTable.Entry::bookAccuracy);
        return java.util.Optional.of(ours.equals(book) ? lang.text("conc.book.agree", window, ours)
                : lang.text("conc.book.differ", window, ours, book));
    }

    /** An LSTM epoch's time over an RNN epoch's at one window, against the book's. */
    java.util.Optional<String> lstmTime(int window) {
        ResultsTable.Entry rnn = find(window, "RNN"), lstm = find(window, "LSTM");
        if (rnn == null || lstm == null || Double.isNaN(rnn.bookSeconds()) || Double.isNaN(lstm.bookSeconds()))
            return java.util.Optional.empty();
        double ours = (lstm.seconds() / lstm.epochs()) / (rnn.seconds() / rnn.epochs());
        return java.util.Optional.of(lang.text("conc.time", window, number(ours, 1), number(lstm.bookSeconds() / rnn.bookSeconds(), 1)));
    }

    /** "LSTM+state > LSTM > RNN", ties joined by "=" (accuracies equal to 0.1 points). */
    static String order(List<ResultsTable.Entry> rows, java.util.function.ToDoubleFunction<ResultsTable.Entry> score) {
        List<ResultsTable.Entry> s = sorted(rows, score);
        StringBuilder b = new StringBuilder(s.get(0).layer());
        for (int i = 1; i < s.size(); i++)
            b.append(round1(score.applyAsDouble(s.get(i - 1)) - score.applyAsDouble(s.get(i))) == 0 ? " = " : " > ").append(s.get(i).layer());
        return b.toString();
    }

    private static List<ResultsTable.Entry> sorted(List<ResultsTable.Entry> rows, java.util.function.ToDoubleFunction<ResultsTable.Entry> score) {
        return rows.stream().sorted(Comparator.comparingDouble(score).reversed()).toList();
    }

    /** A fraction's difference in points rounded to 0.1 (what the report prints), so printed ties are ties. */
    private static double round1(double fraction) { return Math.round(1000 * fraction) / 10.0; }

    private static boolean same(double a, double b) { return round1(a - b) == 0; }

    // ----- the gradient study

    /** One study run: ‖∂L/∂h_1‖, ‖∂L/∂h_T‖ (T = the last step any sequence of the batch reaches) and their ratio. */
    record Gradient(String label, String layer, double clip, int steps, double first, double last) {
        double ratio() { return first / last; }
    }

    static List<Gradient> gradients(List<ModelResult> study, java.util.function.Function<ModelResult, String> label) {
        List<Gradient> out = new ArrayList<>();
        for (ModelResult m : study) {
            if (GradientStudy.lastEpoch(m) == 0) continue;   // never trained: the report reads runs after training
            double[] v = m.gradientNorms().get(GradientStudy.lastEpoch(m));
            int t = v.length;
            while (t > 0 && !(v[t - 1] > 0 && Double.isFinite(v[t - 1]))) t--;
            if (t > 0) out.add(new Gradient(label.apply(m), m.cell().isLstm() ? "LSTM" : "RNN", m.clipNorm(), t, v[0], v[t - 1]));
        }
        return out;
    }

    Block.Table gradientTable(List<Gradient> gs) {
        List<List<String>> rows = new ArrayList<>();
        for (Gradient g : gs)
            rows.add(List.of(g.label(), Integer.toString(g.steps()), sci(g.first()), sci(g.last()), sci(g.ratio()), verdict(g.ratio())));
        return new Block.Table(List.of(lang.text("grad.col.run"), lang.text("grad.col.steps"), lang.text("grad.col.first"),
                lang.text("grad.col.last"), lang.text("grad.col.ratio"), lang.text("grad.col.verdict")), rows, Set.of(1, 2, 3, 4));
    }

    String verdict(double ratio) {
        return lang.text(ratio < VANISHES ? "grad.vanishes" : ratio > EXPLODES ? "grad.explodes" : "grad.keeps");
    }

    /** The LSTM against the RNN without clipping, then what clipping did to each. */
    List<String> gradientFindings(List<Gradient> gs) {
        List<String> out = new ArrayList<>();
        Gradient rnn = pick(gs, "RNN", false), lstm = pick(gs, "LSTM", false);
        for (Gradient g : gs) if (g.ratio() == 0) out.add(lang.text("grad.zero", g.label()));
        if (rnn != null && lstm != null && rnn.ratio() > 0 && lstm.ratio() > 0) {
            double times = lstm.ratio() / rnn.ratio();
            out.add(times >= 1 ? lang.text("grad.compare", sci(times), sci(lstm.ratio()), sci(rnn.ratio()))
                    : lang.text("grad.compare.rnn", sci(1 / times), sci(rnn.ratio()), sci(lstm.ratio())));
        }
        for (String layer : List.of("RNN", "LSTM")) {
            Gradient plain = pick(gs, layer, false), clipped = pick(gs, layer, true);
            if (plain != null && clipped != null && plain.ratio() + clipped.ratio() > 0)
                out.add(lang.text("grad.clip", layer, number(clipped.clip(), 1), sci(plain.ratio()), sci(clipped.ratio())));
        }
        return out;
    }

    private static Gradient pick(List<Gradient> gs, String layer, boolean clipped) {
        return gs.stream().filter(g -> g.layer().equals(layer) && (g.clip() > 0) == clipped).findFirst().orElse(null);
    }

    // ----- numbers as the report prints them

    static String percent(double fraction) { return number(100 * fraction, 1) + "%"; }

    /** Fixed decimals; a dash for a missing value. */
    static String number(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Three significant digits, in scientific notation outside 0.001..10000 (gradient norms span many decades). */
    static String sci(double v) {
        if (v == 0) return "0";
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.isNaN(v) ? "—" : Double.toString(v);
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e4 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2e", v);
    }
}
