package org.lstmlab.cli;

import org.lstmlab.features.FeatureConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A frame hop and length in ms, written interval-window as in the book's cache names: 10-100. */
record Window(int intervalMs, int windowMs) {
    static final String HELP = "Interval-window in ms (frame hop, frame length), as in the book's 10-100";

    /** Reads "10-100"; refuses what no feature setting could use, saying why. */
    static final class Converter implements ITypeConverter<Window> {
        @Override public Window convert(String s) {
            String[] iw = s.trim().split("-", -1);
            String want = "interval-window pairs in ms like 10-100, got '" + s + "'";
            if (iw.length != 2) throw new TypeConversionException(want);
            try {
                Window w = new Window(Integer.parseInt(iw[0].trim()), Integer.parseInt(iw[1].trim()));
                FeatureConfig.book(w.intervalMs, w.windowMs);   // its checks: positive, at least 200 samples
                return w;
            } catch (NumberFormatException e) {
                throw new TypeConversionException(want);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(want + ": " + e.getMessage());
            }
        }
    }
}
