package org.lstmlab.train;

import org.lstmlab.data.NpzArrays;
import org.lstmlab.data.PackedSequences;
import org.lstmlab.data.Split;
import org.lstmlab.data.TestSequences;
import org.lstmlab.nn.CellType;
import org.lstmlab.nn.EngineConfig;
import org.lstmlab.nn.EngineKind;
import org.lstmlab.nn.Model;
import org.lstmlab.nn.ReferenceEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class ModelFileTest {
    static final PackedSequences DATA = TestSequences.sequences(50, 8, 6, 3, 21);
    static final Split SPLIT = TestSequences.split(50, 30, 12);
    static final TrainConfig C = TrainConfig.book(CellType.LSTM_STATE).withHidden(4).withEpochs(4).withReport(2).withBatchSize(5);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void savedAndLoadedModelIsTheSameModel(CellType cell) throws IOException {
        Trainer t = Trainer.fresh(C.withCell(cell).withEpochs(2), DATA, SPLIT).engine(new ReferenceEngine()).probeGradients(1);
        History h = t.train();
        ModelFile f = ModelFile.save(dir.resolve("m.lstmlab"), t.model(), t.recipe(), h);
        ModelFile back = ModelFile.load(f.path());
        Model a = t.model(), b = back.model();
        assertEquals(a.config(), b.config());
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(a.params().tensors()[k], b.params().tensors()[k]);
            assertArrayEquals(a.adam().s[k], b.adam().s[k]);
            assertArrayEquals(a.adam().t[k], b.adam().t[k]);
        }
        assertArrayEquals(a.adam().n, b.adam().n);
        assertEquals(t.recipe(), back.recipe(), "the recipe round-trips through JSON to equal records");
        assertEquals(h.epochs(), back.history().epochs());
        assertEquals(h.toCsv(), back.history().toCsv());
        assertEquals(h.gradientNormsCsv(), back.history().gradientNormsCsv());
        assertEquals(new EngineConfig(EngineKind.REFERENCE, 1), back.recipe().engine());
        assertEquals(DATA.source(), back.recipe().data());
        assertEquals(SPLIT.spec(), back.recipe().split());
    }

    /** Checkpoint after epoch 3 of 4, "crash", load, resume: the same history bytes and weights as never stopping. */
    @Test
    void resumingFromACheckpointEqualsTheUninterruptedRun() throws IOException {
        Path whole = dir.resolve("whole.lstmlab"), cut = dir.resolve("cut.lstmlab");
        Trainer a = Trainer.fresh(C, DATA, SPLIT).engine(new ReferenceEngine()).probeGradients(1);
        a.listener(ModelFile.checkpoints(whole, a, History.empty(), 1));
        History uninterrupted = a.train();

        Trainer b = Trainer.fresh(C, DATA, SPLIT).engine(new ReferenceEngine()).probeGradients(1);
        b.listener(ModelFile.checkpoints(cut, b, History.empty(), 1)).listener(new TrainingListener() {
            @Override public void epochFinished(EpochRecord r) { if (r.epoch() == 3) throw new IllegalStateException("killed"); }
        });
        assertThrows(IllegalStateException.class, b::train);

        ModelFile saved = ModelFile.load(cut);
        assertEquals(3, saved.history().size());
        History rest = Trainer.of(saved).on(DATA, SPLIT).engine(new ReferenceEngine()).probeGradients(1).resumeRun().train();
        History resumed = saved.history().then(rest);
        assertArrayEquals(uninterrupted.deterministicCsv().getBytes(StandardCharsets.UTF_8),
                resumed.deterministicCsv().getBytes(StandardCharsets.UTF_8));
        assertEquals(uninterrupted.gradientNormsCsv(), resumed.gradientNormsCsv());
        for (int k = 0; k < 4; k++) assertArrayEquals(a.model().params().tensors()[k], saved.model().params().tensors()[k]);
        assertEquals(uninterrupted.toCsv(), ModelFile.load(whole).history().toCsv(), "the last checkpoint holds the whole run");
    }

    @Test
    void sameSeedGivesTheSameHistoryBytesWithTheReferenceEngine() {
        byte[] x = Trainer.fresh(C, DATA, SPLIT).engine(new ReferenceEngine()).train().deterministicCsv().getBytes(StandardCharsets.UTF_8);
        byte[] y = Trainer.fresh(C, DATA, SPLIT).engine(new ReferenceEngine()).train().deterministicCsv().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(x, y);
    }

    /**
     * A model file of format version 1 (zip: model.json, recipe.json, tensors.bin, history CSVs), written by
     * {@code train --data <synthetic small kaggle> --cell lstm --window 100 --epochs 2 --report 1 --hidden 3
     * --engine reference --save}. Version 2 keeps the tensors as .npy arrays, so version 1 is refused by its number.
     */
    @Test
    void aVersionOneModelFileIsRefusedByItsVersion() throws Exception {
        Path v1 = Path.of(ModelFileTest.class.getResource("/models/lstm-v1.model").toURI());
        assertFault(v1, "format version 1 is not supported (this build reads 3; version 1 kept its tensors in tensors.bin");
    }

    /**
     * A model file of format version 2 (an untyped recipe whose split was known only by its name), written by the same
     * train command as the version 1 file. Version 3 types the recipe, so version 2 is refused by its number.
     */
    @Test
    void aVersionTwoModelFileIsRefusedByItsVersion() throws Exception {
        Path v2 = Path.of(ModelFileTest.class.getResource("/models/lstm-v2.model").toURI());
        assertFault(v2, "format version 2 is not supported (this build reads 3; version 2 kept an untyped recipe");
    }

    /** The tensors as numpy sees them: one .npy entry per array, in the network's shapes, beside the JSON entries. */
    @Test
    void theFileIsAnNpzArchiveOfTheTensors() throws IOException {
        Trainer t = Trainer.fresh(C.withEpochs(1), DATA, SPLIT).engine(new ReferenceEngine());
        History h = t.train();
        Path f = ModelFile.save(dir.resolve("m.model"), t.model(), t.recipe(), h).path();
        try (ZipFile zip = new ZipFile(f.toFile())) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            assertTrue(names.containsAll(java.util.List.of("W.npy", "b.npy", "Wo.npy", "bo.npy", "adam_s_W.npy", "adam_t_bo.npy",
                    "adam_n.npy", "model.json", "recipe.json", "history.csv", "gradient-norms.csv")), names.toString());
            byte[] w = zip.getInputStream(zip.getEntry("W.npy")).readAllBytes();
            String header = new String(w, 10, w.length - 10, StandardCharsets.ISO_8859_1);
            assertEquals("\u0093NUMPY", new String(w, 0, 6, StandardCharsets.ISO_8859_1), "the .npy magic");
            assertTrue(header.replace(" ", "").contains("'shape':(12,16,)"), "W is (inputs + hidden) x (4 gates x hidden): "
                    + header.substring(0, 80));
        }
        NpzArrays npz = NpzArrays.read(f);
        assertArrayEquals(t.model().params().wo, npz.get("Wo", 4, 3));
        assertArrayEquals(t.model().adam().n, npz.ints("adam_n", 4));
    }

    @Test
    void damagedFilesFailWithTheFileNamed() throws IOException {
        Trainer t = Trainer.fresh(C.withEpochs(1), DATA, SPLIT).engine(new ReferenceEngine());
        History h = t.train();
        Path good = ModelFile.save(dir.resolve("good.lstmlab"), t.model(), t.recipe(), h).path();
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.lstmlab");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertFault(truncated, "not a readable .npz archive");

        Path text = dir.resolve("notes.lstmlab");
        Files.writeString(text, "hello");
        assertFault(text, "not a readable .npz archive");

        Path flipped = rewrite(good, "flipped.lstmlab", "Wo.npy", b -> b[b.length - 3] ^= 1);
        assertFault(flipped, "the tensors fail their CRC-32 check");

        Path noTensor = rewrite(good, "short.lstmlab", "adam_t_W.npy", null);
        assertFault(noTensor, "missing array 'adam_t_W'");

        Path noHistory = rewrite(good, "nohistory.lstmlab", "history.csv", null);
        assertFault(noHistory, "the entry history.csv is missing");

        Path otherShape = rewriteText(good, "shape.lstmlab", "model.json", s -> s.replace("\"hidden\" : 4", "\"hidden\" : 5"));
        assertFault(otherShape, "array 'W' has shape [12, 16], expected [13, 20]");

        Path future = rewriteText(good, "future.lstmlab", "model.json", s -> s.replace("\"format_version\" : 3", "\"format_version\" : 9"));
        assertFault(future, "format version 9 is not supported");

        assertThrows(NoSuchFileException.class, () -> ModelFile.load(dir.resolve("missing.lstmlab")));
    }

    private static void assertFault(Path file, String why) {
        String msg = assertThrows(IOException.class, () -> ModelFile.load(file)).getMessage();
        assertTrue(msg.contains("model file " + file) && msg.contains(why), msg);
    }

    interface Edit { void apply(byte[] b); }
    interface TextEdit { String apply(String s); }

    private Path rewriteText(Path src, String name, String entry, TextEdit edit) throws IOException {
        return rewrite(src, name, entry, null, edit);
    }

    private Path rewrite(Path src, String name, String entry, Edit edit) throws IOException {
        return rewrite(src, name, entry, edit, null);
    }

    /** Copies the zip, changing one entry (edit), replacing its text (textEdit), or dropping it (both null). */
    private Path rewrite(Path src, String name, String entry, Edit edit, TextEdit textEdit) throws IOException {
        Path out = dir.resolve(name);
        try (ZipFile in = new ZipFile(src.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    if (edit == null && textEdit == null) continue;
                    if (edit != null) edit.apply(data);
                    else data = textEdit.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out;
    }
}
