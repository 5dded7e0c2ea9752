package org.lstmlab.report;

import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.features.FeatureParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Packed sequences made up for tests: each class lights its own bands, plus noise, at random lengths. */
final class TinyData {
    private TinyData() {}

    static PackedSequences sequences(int n, int classes, int features, int maxSteps, long seed) {
        Random rng = new Random(seed);
        int[] lengths = new int[n], labels = new int[n];
        float[] x = new float[n * maxSteps * features];
        List<String> paths = new ArrayList<>(), names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add("class" + c);
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            lengths[i] = 2 + rng.nextInt(maxSteps - 1);
            paths.add("clip" + i + ".wav");
            for (int t = 0; t < lengths[i]; t++)
                for (int f = 0; f < features; f++) {
                    double signal = f % classes == labels[i] ? 1.5 : 0;
                    x[(i * maxSteps + t) * features + f] = (float) (signal + rng.nextGaussian());
                }
        }
        return new PackedSequences(FeatureParams.book(10, 100), features, maxSteps, lengths, x, labels, names, paths,
                "tiny-" + seed);
    }

    /** First 60% train, 10% validation, the rest test. */
    static Split split(int n) {
        int tr = n * 6 / 10, va = n / 10;
        int[] train = new int[tr], val = new int[va], test = new int[n - tr - va];
        for (int i = 0; i < n; i++) {
            if (i < tr) train[i] = i;
            else if (i < tr + va) val[i - tr] = i;
            else test[i - tr - va] = i;
        }
        return new Split("tiny", train, val, test);
    }
}
