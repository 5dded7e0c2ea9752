package org.lstmlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The two folder layouts a dataset can have. KAGGLE (Analytics Vidhya, the book's): {@code train.csv} or
 * {@code Train.csv} (ID, Class) and {@code Train/<ID>.wav}. URBANSOUND8K: {@code metadata/UrbanSound8K.csv} and
 * {@code audio/fold1..10/<slice_file_name>}. The synthetic generator's root holds one of each in {@code kaggle/}
 * and {@code urbansound8k/}.
 */
public enum DatasetLayout {
    KAGGLE, URBANSOUND8K;

    /** The sub-folder name the synthetic generator uses for this layout: kaggle or urbansound8k. */
    public String folder() { return name().toLowerCase(Locale.ROOT); }

    /** The layout of {@code root} itself, else of its {@code kaggle/} sub-folder (preferred), else of {@code urbansound8k/}. */
    public static DatasetLayout detect(Path root) {
        for (DatasetLayout l : values()) if (l.matches(root)) return l;
        for (DatasetLayout l : values()) if (l.matches(root.resolve(l.folder()))) return l;
        throw new IllegalArgumentException(root + ": no dataset here; expected train.csv (or Train.csv) with Train/, "
                + "or metadata/UrbanSound8K.csv with audio/, or the sub-folders kaggle/ or urbansound8k/ (see datasets/README.md)");
    }

    /** The folder that holds this layout's files: {@code root} itself or its sub-folder of this layout's name. */
    public Path datasetRoot(Path root) {
        if (matches(root)) return root;
        if (matches(root.resolve(folder()))) return root.resolve(folder());
        throw new IllegalArgumentException(root + ": no " + this + " dataset here or in " + folder() + "/");
    }

    boolean matches(Path dir) {
        return switch (this) {
            case KAGGLE -> kaggleCsv(dir).isPresent() && Files.isDirectory(dir.resolve("Train"));
            case URBANSOUND8K -> Files.isRegularFile(dir.resolve("metadata/UrbanSound8K.csv")) && Files.isDirectory(dir.resolve("audio"));
        };
    }

    /** train.csv, as the book's code opens it, or Train.csv, as its readme names it (protocol §1.1). */
    static Optional<Path> kaggleCsv(Path dir) {
        return Stream.of("train.csv", "Train.csv").map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }
}
