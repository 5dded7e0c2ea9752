package org.lstmlab.data;

import org.jetbrains.bio.npy.NpyArray;
import org.jetbrains.bio.npy.NpzEntry;
import org.jetbrains.bio.npy.NpzFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A numpy .npz archive as named float64 arrays with shapes (org.jetbrains.bio:npy underneath). Reading widens
 * any numeric dtype to double; every check names the file and the array. Writing keeps insertion order;
 * scalars are stored as 1-element arrays (read them in numpy with {@code d['loss'].item()}).
 */
public final class NpzArrays {
    /** One array: its shape and its values in row-major (C) order. */
    public record Array(int[] shape, double[] data) {}

    private static final int READ_STEP = 1 << 18;
    private final Path file;
    private final Map<String, Array> arrays;

    private NpzArrays(Path file, Map<String, Array> arrays) {
        this.file = file;
        this.arrays = arrays;
    }

    /** An empty archive to fill with {@link #put} and {@link #write}. */
    public static NpzArrays create() { return new NpzArrays(null, new LinkedHashMap<>()); }

    public static NpzArrays read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (NpzFile.Reader reader = NpzFile.read(file)) {
            for (NpzEntry e : reader.introspect()) {
                NpyArray a = reader.get(e.getName(), READ_STEP);
                arrays.put(e.getName(), new Array(a.getShape(), widen(a.getData(), file, e.getName())));
            }
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith(file.toString())) throw e;
            throw new IllegalArgumentException(file + ": not a readable .npz archive (" + e + ")", e);
        } catch (Exception e) { // the Kotlin library throws IOException without declaring it
            throw new IllegalArgumentException(file + ": not a readable .npz archive (" + e + ")", e);
        }
        return new NpzArrays(file, arrays);
    }

    public boolean has(String name) { return arrays.containsKey(name); }

    /** The array, or an error naming the file, the array and what the archive does hold. */
    public Array get(String name) {
        Array a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException(source() + ": missing array '" + name + "' (it holds "
                + (arrays.isEmpty() ? "no arrays" : String.join(", ", arrays.keySet())) + ")");
        return a;
    }

    /** The array's values after checking its shape; a negative expected extent accepts any size. */
    public double[] get(String name, int... shape) {
        Array a = get(name);
        boolean ok = a.shape().length == shape.length;
        for (int d = 0; ok && d < shape.length; d++) ok = shape[d] < 0 || a.shape()[d] == shape[d];
        if (!ok) throw new IllegalArgumentException(source() + ": array '" + name + "' has shape "
                + Arrays.toString(a.shape()) + ", expected " + describe(shape));
        return a.data();
    }

    public NpzArrays put(String name, double[] data, int... shape) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != data.length)
            throw new IllegalArgumentException("array '" + name + "' has " + data.length + " values, shape "
                    + Arrays.toString(shape) + " needs " + n);
        arrays.put(name, new Array(shape.clone(), data));
        return this;
    }

    /** A scalar, stored as shape [1]. */
    public NpzArrays put(String name, double value) { return put(name, new double[] {value}, 1); }

    public void write(Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (NpzFile.Writer w = NpzFile.write(out, true)) {
                for (Map.Entry<String, Array> e : arrays.entrySet())
                    w.write(e.getKey(), e.getValue().data(), e.getValue().shape());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write npz: " + e.getMessage(), e);
        }
    }

    /** The file it was read from, for messages ("npz" for a new archive). */
    public String source() { return file == null ? "npz" : file.toString(); }

    private static String describe(int[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int d = 0; d < shape.length; d++) s.append(d > 0 ? ", " : "").append(shape[d] < 0 ? "any" : shape[d]);
        return s.append("]").toString();
    }

    private static double[] widen(Object data, Path file, String name) {
        if (data instanceof double[]) return (double[]) data;
        double[] out;
        if (data instanceof float[]) {
            float[] a = (float[]) data;
            out = new double[a.length];
            for (int k = 0; k < a.length; k++) out[k] = a[k];
        } else if (data instanceof int[]) {
            out = Arrays.stream((int[]) data).asDoubleStream().toArray();
        } else if (data instanceof long[]) {
            out = Arrays.stream((long[]) data).asDoubleStream().toArray();
        } else if (data instanceof short[]) {
            short[] a = (short[]) data;
            out = new double[a.length];
            for (int k = 0; k < a.length; k++) out[k] = a[k];
        } else if (data instanceof byte[]) {
            byte[] a = (byte[]) data;
            out = new double[a.length];
            for (int k = 0; k < a.length; k++) out[k] = a[k];
        } else if (data instanceof boolean[]) {
            boolean[] a = (boolean[]) data;
            out = new double[a.length];
            for (int k = 0; k < a.length; k++) out[k] = a[k] ? 1 : 0;
        } else {
            throw new IllegalArgumentException(file + ": array '" + name + "' is not numeric ("
                    + data.getClass().getSimpleName() + ")");
        }
        return out;
    }
}
