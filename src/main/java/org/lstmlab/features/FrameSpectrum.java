package org.lstmlab.features;

import org.lstmlab.recipe.Versions;

/**
 * Band sums of DFT magnitudes of several frames: band j adds |X[k]| over k = lo + j·g .. lo + j·g + g - 1 of the
 * full length-n DFT (k may pass n/2: the mirror |X[k]| = |X[n-k]| of real input). One instance per thread: it owns
 * its plans and buffers.
 */
interface FrameSpectrum {

    /** Frames per call that make full use of the implementation. */
    int batch();

    /**
     * out[f][j] = Σ_k |DFT(w · x[s .. s + n))[k]| over band j, s = first + f·hop, for f < count (count <= batch()),
     * with the hop and the window w given at construction (rectangular if null). Every frame lies inside x.
     */
    void bandSums(double[] x, int first, int count, double[][] out);

    /** The fastest implementation available for this length: vectorised mixed-radix FFT, else JTransforms. */
    static FrameSpectrum create(int n, int hop, int lo, int g, int bands, double[] window) {
        int[] radices = radices(n);
        if (radices != null && VECTOR_API) return new VectorFftSpectrum(n, hop, radices, lo, g, bands, window);
        return new JTransformsSpectrum(n, hop, lo, g, bands, window);
    }

    /** Prime factors of n if all are 2, 3, 5 or 7 (the butterflies the vectorised FFT has), else null. */
    private static int[] radices(int n) {
        java.util.List<Integer> f = new java.util.ArrayList<>();
        for (int p : new int[] {7, 5, 3, 2}) while (n % p == 0) { f.add(p); n /= p; }
        return n == 1 ? f.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /** The vectorised FFT needs the incubating Vector API (java --add-modules jdk.incubator.vector). */
    boolean VECTOR_API = Versions.vectorApi() && !Boolean.getBoolean("lstmlab.noVectorFft");
}
