package org.lstmlab.data;

import org.jetbrains.bio.npy.NpyArray;
import org.jetbrains.bio.npy.NpzFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A numpy .npz archive (org.jetbrains.bio:npy underneath): named float64, float32 or int32 arrays with shapes, and
 * optionally other files beside them in the same zip, which numpy's {@code np.load} returns as bytes. {@link #get}
 * widens any numeric dtype to double; {@link #floats} and {@link #ints} return the stored type. Every check names
 * the file and the array. Writing keeps insertion order, uncompressed; scalars are 1-element arrays (read them in
 * numpy with {@code d['loss'].item()}).
 */
public final class NpzArrays {
    /** One array widened to float64: its shape and its values in row-major (C) order. */
    public record Array(int[] shape, double[] data) {}

    /** As stored: the shape and a double[], float[], int[] or other numeric Java array. */
    private record Stored(int[] shape, Object data) {}

    private static final int READ_STEP = 1 << 18, CHUNK = 1 << 16;
    private final Path file;
    private final Map<String, Stored> arrays;
    private final Map<String, byte[]> files;

    private NpzArrays(Path file, Map<String, Stored> arrays, Map<String, byte[]> files) {
        this.file = file;
        this.arrays = arrays;
        this.files = files;
    }

    /** An empty archive to fill with {@link #put} and {@link #write}. */
    public static NpzArrays create() { return new NpzArrays(null, new LinkedHashMap<>(), new LinkedHashMap<>()); }

    public static NpzArrays read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
        Map<String, Stored> arrays = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile()); NpzFile.Reader reader = NpzFile.read(file)) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        files.put(name, in.readAllBytes());
                    }
                    continue;
                }
                name = name.substring(0, name.length() - 4);
                NpyArray a = reader.get(name, READ_STEP);
                if (a.getData() instanceof String[])
                    throw new IllegalArgumentException(file + ": array '" + name + "' is not numeric ("
                            + a.getData().getClass().getSimpleName() + ")");
                arrays.put(name, new Stored(a.getShape(), a.getData()));
            }
        } catch (Exception e) { // the Kotlin library throws IOException without declaring it
            if (e instanceof IllegalArgumentException own && String.valueOf(e.getMessage()).startsWith(file.toString())) throw own;
            throw new IllegalArgumentException(file + ": not a readable .npz archive (" + e + ")", e);
        }
        return new NpzArrays(file, arrays, files);
    }

    public boolean has(String name) { return arrays.containsKey(name); }

    /** The array widened to float64, or an error naming the file, the array and what the archive does hold. */
    public Array get(String name) {
        Stored a = stored(name);
        return new Array(a.shape(), widen(a.data()));
    }

    /** The array's values after checking its shape; a negative expected extent accepts any size. */
    public double[] get(String name, int... shape) { return widen(checked(name, shape).data()); }

    /** A float32 array's values after checking its shape (as {@link #get(String, int...)}). */
    public float[] floats(String name, int... shape) {
        if (!(checked(name, shape).data() instanceof float[] a)) throw dtype(name, "float32");
        return a;
    }

    /** An int32 array's values after checking its shape (as {@link #get(String, int...)}). */
    public int[] ints(String name, int... shape) {
        if (!(checked(name, shape).data() instanceof int[] a)) throw dtype(name, "int32");
        return a;
    }

    /** A file stored beside the arrays (e.g. JSON), or an error naming the archive and the file. */
    public byte[] file(String name) {
        byte[] b = files.get(name);
        if (b == null) throw new IllegalArgumentException(source() + ": the entry " + name + " is missing");
        return b;
    }

    public NpzArrays put(String name, double[] data, int... shape) { return store(name, data, data.length, shape); }

    public NpzArrays put(String name, float[] data, int... shape) { return store(name, data, data.length, shape); }

    public NpzArrays put(String name, int[] data, int... shape) { return store(name, data, data.length, shape); }

    /** A scalar, stored as shape [1]. */
    public NpzArrays put(String name, double value) { return put(name, new double[] {value}, 1); }

    /** A file to store beside the arrays, such as a JSON document. */
    public NpzArrays putFile(String name, byte[] content) {
        if (name.endsWith(".npy")) throw new IllegalArgumentException("'" + name + "' would read as an array");
        files.put(name, content);
        return this;
    }

    /** The archive at {@code out}: the arrays through org.jetbrains.bio:npy, then the files copied in beside them. */
    public void write(Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Path npz = files.isEmpty() ? out : Files.createTempFile(parent, out.getFileName().toString(), ".npz.part");
            try {
                try (NpzFile.Writer w = NpzFile.write(npz, false)) {
                    arrays.forEach((name, a) -> {
                        if (a.data() instanceof double[] d) w.write(name, d, a.shape());
                        else if (a.data() instanceof float[] f) w.write(name, f, a.shape());
                        else w.write(name, (int[]) a.data(), a.shape());
                    });
                }
                if (!files.isEmpty()) withFiles(npz, out);
            } finally {
                if (npz != out) Files.deleteIfExists(npz);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write npz: " + e.getMessage(), e);
        }
    }

    private void withFiles(Path npz, Path out) throws IOException {
        try (ZipFile in = new ZipFile(npz.toFile()); OutputStream raw = Files.newOutputStream(out);
             ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream a = in.getInputStream(e)) {
                    a.transferTo(zip);
                }
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
    }

    /**
     * CRC-32 over every array's name, shape and values (little-endian), independent of how the zip stores them:
     * the zip reader checks no checksum, so the formats that need integrity record this one.
     */
    public long crc32() {
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Stored> e : arrays.entrySet()) {
            crc.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            buf.clear();
            for (int d : e.getValue().shape()) buf.putInt(d);
            crc.update(buf.array(), 0, buf.position());
            Object data = e.getValue().data();
            int n = java.lang.reflect.Array.getLength(data);
            for (int off = 0; off < n; off += CHUNK) {
                int len = Math.min(CHUNK, n - off), bytes = len * 4;
                buf.clear();
                if (data instanceof float[] f) buf.asFloatBuffer().put(f, off, len);
                else if (data instanceof int[] i) buf.asIntBuffer().put(i, off, len);
                else {
                    buf.asDoubleBuffer().put(widen(data), off, len);
                    bytes = len * 8;
                }
                crc.update(buf.array(), 0, bytes);
            }
        }
        return crc.getValue();
    }

    /** The file it was read from, for messages ("npz" for a new archive). */
    public String source() { return file == null ? "npz" : file.toString(); }

    private NpzArrays store(String name, Object data, int length, int[] shape) {
        long n = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (n != length)
            throw new IllegalArgumentException("array '" + name + "' has " + length + " values, shape "
                    + Arrays.toString(shape) + " needs " + n);
        arrays.put(name, new Stored(shape.clone(), data));
        return this;
    }

    private Stored stored(String name) {
        Stored a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException(source() + ": missing array '" + name + "' (it holds "
                + (arrays.isEmpty() ? "no arrays" : String.join(", ", arrays.keySet())) + ")");
        return a;
    }

    private Stored checked(String name, int[] shape) {
        Stored a = stored(name);
        boolean ok = a.shape().length == shape.length;
        for (int d = 0; ok && d < shape.length; d++) ok = shape[d] < 0 || a.shape()[d] == shape[d];
        if (!ok) throw new IllegalArgumentException(source() + ": array '" + name + "' has shape "
                + Arrays.toString(a.shape()) + ", expected " + describe(shape));
        return a;
    }

    private IllegalArgumentException dtype(String name, String expected) {
        return new IllegalArgumentException(source() + ": array '" + name + "' holds "
                + stored(name).data().getClass().getComponentType() + " values, expected " + expected);
    }

    private static String describe(int[] shape) {
        return Arrays.stream(shape).mapToObj(d -> d < 0 ? "any" : String.valueOf(d)).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Any numeric or boolean array as float64 (the reflective loop is for small arrays: float32 data use floats). */
    private static double[] widen(Object data) {
        if (data instanceof double[] d) return d;
        double[] out = new double[java.lang.reflect.Array.getLength(data)];
        for (int k = 0; k < out.length; k++) {
            Object v = java.lang.reflect.Array.get(data, k);
            out[k] = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
        }
        return out;
    }
}
