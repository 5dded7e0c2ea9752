package org.lstmlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Resolves a file name taken from a CSV row inside its audio folder, refusing names that would leave it:
 * absolute paths, {@code ..} segments, and symbolic links whose target lies outside. A missing file is not refused
 * here (the loader reports it as unreadable).
 */
final class SafePaths {
    private SafePaths() {}

    /** Why a CSV-derived path was refused; the message names the CSV file, the row and the rule. */
    static final class Refused extends Exception {
        final String rule;

        Refused(Path csv, int row, String value, String rule, String why) {
            super(csv.getFileName() + " row " + row + ": '" + value + "' refused by rule '" + rule + "': " + why);
            this.rule = rule;
        }
    }

    static Path resolve(Path folder, String name, Path csv, int row) throws Refused {
        if (name.isEmpty()) throw new Refused(csv, row, name, "empty-name", "no file name");
        if (name.indexOf('\0') >= 0) throw new Refused(csv, row, name, "bad-character", "NUL in file name");
        Path rel;
        try {
            rel = folder.getFileSystem().getPath(name);
        } catch (RuntimeException e) {
            throw new Refused(csv, row, name, "bad-character", e.getMessage());
        }
        if (rel.isAbsolute() || name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*"))
            throw new Refused(csv, row, name, "absolute-path", "paths from data files must be relative to " + folder);
        if (Arrays.asList(name.split("[/\\\\]")).contains(".."))
            throw new Refused(csv, row, name, "parent-segment", "'..' would leave " + folder);
        Path file = folder.resolve(rel).normalize();
        if (!file.startsWith(folder.normalize()))
            throw new Refused(csv, row, name, "parent-segment", "resolves outside " + folder);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
            try {
                Path real = file.toRealPath(), base = folder.toRealPath();
                if (!real.startsWith(base))
                    throw new Refused(csv, row, name, "symlink-escape", "links to " + real + ", outside " + base);
            } catch (IOException e) {
                throw new Refused(csv, row, name, "symlink-escape", "link cannot be followed: " + e.getMessage());
            }
        }
        return file;
    }
}
