package org.lstmlab.train;

import java.util.Random;

/**
 * Independent random streams derived from one seed, so that each draw depends only on (seed, purpose, epoch)
 * and not on how many draws came before it: resuming after any epoch gives the same shuffles, dropout masks and
 * validation draws.
 */
final class SeedStreams {
    private static final long SHUFFLE = 0x5348554646L, VALIDATION = 0x56414C4944L, DROPOUT = 0x44524F50L;

    private SeedStreams() {}

    /** The RNG for the shuffle of global epoch {@code epoch} (1-based). */
    static Random shuffle(long seed, int epoch) { return new Random(mix(seed, SHUFFLE, epoch)); }

    /** The RNG for the validation draw at the end of global epoch {@code epoch}. */
    static Random validation(long seed, int epoch) { return new Random(mix(seed, VALIDATION, epoch)); }

    /** The RNG for the dropout masks of global epoch {@code epoch}, drawn batch after batch (protocol §9.3). */
    static Random dropout(long seed, int epoch) { return new Random(mix(seed, DROPOUT, epoch)); }

    /** SplitMix64 finaliser over the three inputs. */
    static long mix(long seed, long purpose, long epoch) {
        long z = seed;
        for (long v : new long[] {purpose, epoch}) {
            z += 0x9E3779B97F4A7C15L + v;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
        }
        return z;
    }
}
