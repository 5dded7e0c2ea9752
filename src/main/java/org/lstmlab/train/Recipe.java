package org.lstmlab.train;

import org.lstmlab.data.DataSource;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.SplitConfig;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.nn.EngineConfig;
import org.lstmlab.recipe.Json;
import org.lstmlab.recipe.Versions;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to remake a trained model, as records: the data it was trained on and its class names, the
 * split's spec (so the split can be drawn again), the feature parameters, the last call's training settings and the
 * engine that ran it, the versions, and the training so far (epochs, one {@link Call} per training call, the current
 * {@link Run}). It lives here, where data, features, nn and train meet; model files and ONNX exports carry it as JSON
 * ({@link Json}). Before the first call the engine is null.
 */
public record Recipe(DataSource data, List<String> classes, SplitConfig split, FeatureConfig features, TrainConfig training,
                     EngineConfig engine, Versions versions, int epochsTrained, List<Call> schedule, Run run) {

    /** One training call: its first epoch, settings and engine, and the cost and train accuracy it ended at. */
    public record Call(int firstEpoch, TrainConfig training, EngineConfig engine, double lastCost, double lastTrainAccuracy) {}

    /**
     * The model's latest run (a call resumed after a break continues it): its first epoch, planned epochs and settings,
     * and under early stopping the best report so far (bestEpoch 0: none yet), the kept epoch once the run ended and
     * the epoch after which it stopped (0: it did not).
     */
    public record Run(int firstEpoch, int epochs, TrainConfig training, int bestEpoch, double bestValue, int keptEpoch,
                      int stoppedAfter) {
        /** Epochs of this run done when the model has trained {@code epochsTrained} in all. */
        int done(int epochsTrained) { return epochsTrained - firstEpoch + 1; }
    }

    public Recipe {
        if (classes != null) classes = List.copyOf(classes);
        schedule = List.copyOf(schedule);
    }

    /** A fresh model's, to be trained on this data and split: no engine has run yet. */
    static Recipe fresh(TrainConfig training, PackedSequences on, Split s) {
        return new Recipe(on.source(), on.classNames(), s.spec(), on.params(), training, null, Versions.current(), 0, List.of(), null);
    }

    Recipe withEpochsTrained(int n) { return new Recipe(data, classes, split, features, training, engine, versions, n, schedule, run); }

    Recipe withRun(Run r) { return new Recipe(data, classes, split, features, training, engine, versions, epochsTrained, schedule, r); }

    /** After a call: what it trained on and how, and its entry in the schedule. */
    Recipe withCall(PackedSequences on, Split s, TrainConfig t, EngineConfig ran, Call call) {
        List<Call> calls = new ArrayList<>(schedule);
        calls.add(call);
        return new Recipe(on.source(), on.classNames(), s.spec(), on.params(), t, ran, Versions.current(), epochsTrained, calls, run);
    }

    public String toJson() { return Json.write(this); }

    public static Recipe fromJson(String json) { return Json.read(json, Recipe.class); }
}
