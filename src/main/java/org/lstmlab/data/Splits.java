package org.lstmlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Seeded train/validation/test splits: the book's (protocol §2) and UrbanSound8K's fold-wise ones. */
public final class Splits {
    private Splits() {}

    /**
     * Protocol §2: train = floor(N·0.8/10)·10, validation = floor(N·0.05), test = the rest, all from one permutation of
     * 0..N-1 (first tr positions train, next va validation). N = 2553 gives 2040/127/386.
     */
    public static Split book(int n, long seed) {
        int tr = (int) (n * 0.8 / 10) * 10, va = (int) (n * 0.05);
        int[] perm = permutation(n, new Random(seed));
        return new Split(SplitConfig.book(seed), Arrays.copyOfRange(perm, 0, tr), Arrays.copyOfRange(perm, tr, tr + va),
                Arrays.copyOfRange(perm, tr + va, n));
    }

    /**
     * UrbanSound8K: test = every clip of {@code testFold}; the other nine folds train, except a validation share of
     * floor(0.05·their count) clips drawn as whole recordings (fsID groups, seeded) so that no recording sits on both
     * sides of the train/validation line.
     */
    public static Split folds(int[] folds, String[] groups, int testFold, long seed) {
        SplitConfig spec = SplitConfig.fold(testFold, seed);   // checks the fold
        List<Integer> test = new ArrayList<>(), rest = new ArrayList<>();
        for (int i = 0; i < folds.length; i++) (folds[i] == testFold ? test : rest).add(i);
        if (test.isEmpty()) throw new IllegalArgumentException("fold " + testFold + " holds no clips");
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (int i : rest) sizes.merge(groups[i], 1, Integer::sum);
        List<String> shuffled = new ArrayList<>(sizes.keySet());
        Collections.shuffle(shuffled, new Random(seed));
        int want = (int) (rest.size() * 0.05);
        int taken = 0, groupsTaken = 0;   // the groups hold every clip of rest, so they cover want (5% of it)
        while (taken < want) taken += sizes.get(shuffled.get(groupsTaken++));
        Set<String> validationGroups = new HashSet<>(shuffled.subList(0, groupsTaken));
        List<Integer> train = new ArrayList<>(), validation = new ArrayList<>();
        for (int i : rest) (validationGroups.contains(groups[i]) ? validation : train).add(i);
        Random r = new Random(seed + 1);
        return new Split(spec, shuffled(train, r), shuffled(validation, r), shuffled(test, r));
    }

    private static int[] shuffled(List<Integer> idx, Random r) {
        Collections.shuffle(idx, r);
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A uniformly random permutation of 0..n-1 (Fisher-Yates, as numpy's permutation). The one implementation for
     * splits and the trainer's epoch shuffles: recorded splits and histories depend on its exact draws.
     */
    public static int[] permutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
