package org.lstmlab.report;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fonts this machine has for the PDF and the charts. Only fonts with TrueType outlines count (PDFBox embeds
 * those; CFF-outline OpenType fonts it cannot), and a font is used only for the characters its cmap maps, so a
 * character no font has is reported, never drawn as a box. Korean fonts come first for Korean, Latin ones for English.
 */
final class Fonts {
    /** Debian packages that bring a missing script: Hangul, else Latin and the symbols. */
    static final String HANGUL_PACKAGE = "fonts-nanum", LATIN_PACKAGE = "fonts-dejavu-core";
    private static final List<String> HANGUL = List.of("nanumgothic.ttf", "nanumbarungothic.ttf", "malgun.ttf",
            "applesdgothicneo.ttc", "applegothic.ttf", "notosanskr-regular.ttf", "undotum.ttf", "gulim.ttc");
    private static final List<String> LATIN = List.of("dejavusans.ttf", "liberationsans-regular.ttf", "arial.ttf",
            "arial unicode.ttf", "segoeui.ttf", "helvetica.ttc");
    private static final List<String> MONO = List.of("dejavusansmono.ttf", "liberationmono-regular.ttf",
            "nanumgothiccoding.ttf", "consola.ttf", "menlo.ttc", "cour.ttf");
    /** At most this many fonts share a text (each a fallback of the one before). */
    static final int MAX_CHAIN = 3;

    /** Fonts chosen for a text, best first, and what none of them has (empty when all is covered). */
    record Chain(List<Path> files, String missing) {
        boolean complete() { return missing.isEmpty(); }

        /** One line: what is missing and which package brings it. */
        String advice(String step) {
            String pkg = missing.codePoints().anyMatch(Fonts::isHangul) ? HANGUL_PACKAGE : LATIN_PACKAGE;
            String shown = missing.codePointCount(0, missing.length()) > 12 ? missing.substring(0, missing.offsetByCodePoints(0, 12)) + "…" : missing;
            return step + ": no font on this machine has " + shown + "; install one, e.g. apt-get install " + pkg
                    + " (Debian/Ubuntu), then run `report` on the run folder again";
        }
    }

    private final List<Path> files;

    private Fonts(List<Path> files) { this.files = files; }

    /** The fonts in the usual folders of Linux, macOS and Windows. */
    static Fonts system() {
        String home = System.getProperty("user.home", "");
        List<Path> dirs = new ArrayList<>(List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
                Path.of(home, ".fonts"), Path.of(home, ".local/share/fonts"), Path.of("/Library/Fonts"),
                Path.of("/System/Library/Fonts"), Path.of(home, "Library/Fonts")));
        String windows = System.getenv("WINDIR");
        if (windows != null) dirs.add(Path.of(windows, "Fonts"));
        return in(dirs);
    }

    /** The font files (.ttf, .ttc, .otf) under these folders. */
    static Fonts in(List<Path> dirs) {
        List<Path> found = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d, 6)) {
                s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(ttf|ttc|otf)")).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                // an unreadable font folder just has no fonts for us
            }
        }
        return new Fonts(found);
    }

    /** Up to {@link #MAX_CHAIN} fonts that between them have every character of text. */
    Chain chain(String text, Lang lang) {
        Set<Integer> left = codePoints(text);
        List<Path> chosen = new ArrayList<>();
        for (Path f : ranked(lang)) {
            if (left.isEmpty() || chosen.size() == MAX_CHAIN) break;
            Set<Integer> has = covered(f, left);
            if (has.isEmpty()) continue;
            chosen.add(f);
            left.removeAll(has);
        }
        return new Chain(chosen, left.stream().map(Character::toString).collect(Collectors.joining()));
    }

    /** A monospaced font that has every character of text (the log lines), or null. */
    Path mono(String text) {
        Set<Integer> wanted = codePoints(text);
        return files.stream().filter(p -> MONO.contains(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(p -> MONO.indexOf(p.getFileName().toString().toLowerCase(Locale.ROOT))))
                .filter(p -> covered(p, wanted).size() == wanted.size()).findFirst().orElse(null);
    }

    /** An AWT font (12 pt) that has every character of text, or null when no font here has them all. */
    Font awt(String text, Lang lang) {
        Set<Integer> wanted = codePoints(text);
        for (Path f : ranked(lang)) {
            if (covered(f, wanted).size() < wanted.size()) continue;
            try {
                Font[] fonts = Font.createFonts(f.toFile());
                if (fonts.length > 0 && fonts[0].canDisplayUpTo(text) == -1) return fonts[0].deriveFont(12f);
            } catch (IOException | FontFormatException e) {
                // AWT cannot read it: try the next
            }
        }
        return null;
    }

    private static Set<Integer> codePoints(String text) {
        return text.codePoints().filter(c -> c > ' ' && !Character.isWhitespace(c)).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The language's preferred fonts first (in their order), then everything else by name. */
    private List<Path> ranked(Lang lang) {
        List<String> order = new ArrayList<>(lang == Lang.KO ? HANGUL : LATIN);
        order.addAll(lang == Lang.KO ? LATIN : HANGUL);
        Comparator<Path> rank = Comparator.comparingInt(p -> {
            int i = order.indexOf(p.getFileName().toString().toLowerCase(Locale.ROOT));
            return i < 0 ? order.size() : i;
        });
        return files.stream().sorted(rank.thenComparing(p -> p.getFileName().toString())).toList();
    }

    /** The code points of wanted that the font maps to a glyph (none for CFF outlines or an unreadable file). */
    static Set<Integer> covered(Path file, Set<Integer> wanted) {
        Set<Integer> has = new TreeSet<>();
        try {
            if (file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                try (TrueTypeCollection c = new TrueTypeCollection(file.toFile())) {
                    c.processAllFonts(f -> { if (has.isEmpty()) has.addAll(covered(f, wanted)); });
                }
            } else {
                try (TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
                    has.addAll(covered(f, wanted));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a font PDFBox can embed: it covers nothing
        }
        return has;
    }

    private static Set<Integer> covered(TrueTypeFont f, Set<Integer> wanted) throws IOException {
        CmapLookup cmap = f.getUnicodeCmapLookup(false);
        if (cmap == null || !f.getTableMap().containsKey("glyf")) return Set.of();
        return wanted.stream().filter(c -> cmap.getGlyphId(c) > 0).collect(Collectors.toSet());
    }

    static boolean isHangul(int c) { return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL; }

    /** The bold face beside a regular one (NanumGothicBold.ttf, DejaVuSans-Bold.ttf), if the folder has it. */
    static Path bold(Path regular) {
        String name = regular.getFileName().toString(), base = name.replaceFirst("(-Regular)?\\.(ttf|ttc|otf)$", "");
        String ext = name.substring(name.lastIndexOf('.'));
        for (String candidate : List.of(base + "Bold" + ext, base + "-Bold" + ext, base + "bd" + ext)) {
            Path p = regular.resolveSibling(candidate);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }
}
