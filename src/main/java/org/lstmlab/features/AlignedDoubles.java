package org.lstmlab.features;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * One double[] carved into slices that start on 64-byte cache lines, for the vector FFT: an AVX-512 load or store
 * that straddles two lines costs about twice as much, and a Java array's elements start wherever the heap put it.
 * <p>The array is made big enough to be a G1 humongous object, which starts at a heap region's first byte and is
 * never moved, so the address of element i is (region start) + (array header) + 8i, and the header size is known.
 * Under another collector, or if the JVM's options cannot be read, the slices are only as aligned as the array
 * happens to be: slower, never wrong.
 */
final class AlignedDoubles {
    private static final int LINE = 64 / Double.BYTES;
    /** Index of the first element on a cache line, given that the array starts on one. */
    private static final int FIRST = firstOnALine();
    private static final int HUMONGOUS = humongousDoubles();

    private final double[] array;
    private int next = FIRST;

    /** Room for slices totalling {@code doubles}, each rounded up to whole cache lines. */
    AlignedDoubles(int doubles) {
        array = new double[Math.max(FIRST + doubles, HUMONGOUS)];
    }

    double[] array() { return array; }

    /** The offset of a new slice of {@code length} doubles; the slices never overlap. */
    int slice(int length) {
        int at = next;
        next += lines(length);
        if (next > array.length) throw new IllegalStateException("slices of " + next + " doubles in " + array.length);
        return at;
    }

    /** Rounds a request up to whole cache lines, as {@link #slice} does, for sizing the whole. */
    static int lines(int length) { return (length + LINE - 1) / LINE * LINE; }

    /** From the size of a double[]'s header, which only sun.misc.Unsafe states. */
    @SuppressWarnings("removal")
    private static int firstOnALine() {
        try {
            return (64 - sun.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET % 64) % 64 / Double.BYTES;
        } catch (LinkageError e) {
            return 0;
        }
    }

    /** The smallest double[] that G1 allocates as humongous (half a region), or 0 where that is unknown. */
    private static int humongousDoubles() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())) return 0;
            long region = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
            return (int) Math.min(Integer.MAX_VALUE - 8, region / 2 / Double.BYTES + 1);
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }
}
