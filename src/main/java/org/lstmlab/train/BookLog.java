package org.lstmlab.train;

import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.CellType;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;

/**
 * The book's log lines, character for character (protocol §6), as a listener that writes whole lines to a sink.
 * Numbers follow Python's '{:5.3f}': correctly rounded half-to-even on the exact binary value, right-aligned
 * to width 5, and nan/inf spelt as Python spells them.
 */
public record BookLog(Consumer<String> out) implements TrainingListener {
    /** Each line (without its newline) goes to {@code lines}. */
    public static BookLog to(Consumer<String> lines) { return new BookLog(lines); }

    public static BookLog to(PrintStream stream) { return new BookLog(stream::println); }

    /** us_basic_10_10, us_state_10_100, ... (protocol §3.1). */
    public static String modelName(CellType cell, FeatureConfig params) {
        return "us_" + cell.bookName() + "_" + params.intervalMs() + "_" + params.windowMs();
    }

    public static String started(String model) { return "Model " + model + " train started:"; }

    public static String epoch(int epoch, double cost, double trainAccuracy, double validationAccuracy,
                               long secondsSinceLast, long secondsTotal) {
        return "    Epoch " + epoch + ": cost=" + f53(cost) + ", accuracy=" + f53(trainAccuracy) + "/"
                + f53(validationAccuracy) + " (" + secondsSinceLast + "/" + secondsTotal + " secs)";
    }

    public static String ended(String model, long seconds) { return "Model " + model + " train ended in " + seconds + " secs:"; }

    /** The test line; the book's format string ends with a newline, so an empty line follows it. */
    public static String test(String model, double accuracy, long seconds) {
        return "Model " + model + " test report: accuracy = " + f53(accuracy) + ", (" + seconds + " secs)\n";
    }

    /** Python's '{:5.3f}'.format(v). */
    public static String f53(double v) {
        String s;
        if (Double.isNaN(v)) s = "nan";
        else if (Double.isInfinite(v)) s = v > 0 ? "inf" : "-inf";
        else {
            s = new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
            if (v < 0 || (v == 0 && 1 / v < 0)) s = s.startsWith("-") ? s : "-" + s;
        }
        return s.length() >= 5 ? s : " ".repeat(5 - s.length()) + s;
    }

    @Override public void trainingStarted(Start s) { if (s.report() > 0) out.accept(started(s.modelName())); }

    @Override public void reported(Report r) {
        EpochRecord e = r.epoch();
        out.accept(epoch(e.runEpoch(), e.cost(), e.trainAccuracy(), e.validationAccuracy(), r.secondsSinceLast(), r.secondsTotal()));
    }

    @Override public void trainingEnded(String model, History h, long seconds) { out.accept(ended(model, seconds)); }

    /** The project's additions, one line each after the book's lines of a call: "Model &lt;name&gt; &lt;note&gt;". */
    @Override public void noted(String model, String note) { out.accept("Model " + model + " " + note); }

    @Override public void tested(String model, double accuracy, long seconds) { out.accept(test(model, accuracy, seconds)); }
}
