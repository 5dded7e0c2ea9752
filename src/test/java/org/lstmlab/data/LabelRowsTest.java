package org.lstmlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.audio.WavWriter;
import org.lstmlab.features.FeatureConfig;
import org.lstmlab.features.SkipReason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The label CSVs of both layouts: real CSV syntax, and each row that cannot be a clip refused by file, row and rule. */
class LabelRowsTest {
    @TempDir Path dir;

    private Path kaggle(String csv, String... ids) throws IOException {
        Path train = Files.createDirectories(dir.resolve("Train"));
        for (String id : ids) WavWriter.pcm16().write(train.resolve(id + ".wav"), TinyDatasets.noise(1, 44100, id.hashCode()));
        Files.write(dir.resolve("train.csv"), csv.getBytes(StandardCharsets.UTF_8));
        return dir;
    }

    @Test
    void quotedFieldsDoubledQuotesLineBreaksBomAndCrlf() throws Exception {
        String csv = "\uFEFFID,Class\r\n1,siren\r\n\r\n\"2\",\"dog, \"\"bark\"\"\"\r\n3,\"a class\r\nover two lines\"\r\n4,siren\r\n";
        SoundDataset ds = SoundDataset.open(kaggle(csv, "1", "2", "3", "4"));
        assertEquals(List.of("siren", "dog, \"bark\"", "a class\nover two lines"), ds.classNames());
        assertEquals(List.of("1", "2", "3", "4"), ds.clips().stream().map(Clip::id).toList());
        // the row a clip starts on, as an editor numbers lines: a blank line and a field over two lines count
        assertEquals(List.of(2, 4, 5, 7), ds.clips().stream().map(Clip::line).toList());
        assertTrue(ds.refusedRows().isEmpty(), ds.refusedRows().toString());
    }

    @Test
    void anIdListedTwiceWithOneClassKeepsTheFirstRow() throws Exception {
        SoundDataset ds = SoundDataset.open(kaggle("ID,Class\n1,siren\n2,dog_bark\n1,siren\n", "1", "2"));
        assertEquals(List.of(2, 3), ds.clips().stream().map(Clip::line).toList());
        assertEquals(List.of("train.csv row 4: '1' refused by rule 'duplicate-id': also in row 2"), ds.refusedRows());
    }

    @Test
    void anIdListedTwiceWithTwoClassesIsRefusedEverywhereNamingBothRowsAndLabels() throws Exception {
        SoundDataset ds = SoundDataset.open(kaggle("ID,Class\n7,siren\n2,dog_bark\n7,drilling\n", "7", "2"));
        assertEquals(List.of("2"), ds.clips().stream().map(Clip::id).toList(), "the clip can land in neither train nor test");
        String why = "'7' refused by rule 'duplicate-id': listed in rows 2 (siren), 4 (drilling), which disagree";
        assertEquals(List.of("train.csv row 2: " + why, "train.csv row 4: " + why), ds.refusedRows());
        assertEquals(List.of("siren", "dog_bark", "drilling"), ds.classNames(), "classes still count every row (protocol 1.2)");
    }

    @Test
    void anEmptyIdIsRefusedRatherThanReadAsTrainDotWav() throws Exception {
        SoundDataset ds = SoundDataset.open(kaggle("ID,Class\n,siren\n\"\",siren\n1,dog_bark\n2\n", "1"));
        assertEquals(List.of("1"), ds.clips().stream().map(Clip::id).toList());
        assertEquals(List.of("train.csv row 2: '' refused by rule 'empty-id': the row has no ID",
                "train.csv row 3: '' refused by rule 'empty-id': the row has no ID",
                "train.csv row 5: refused by rule 'missing-column': expected ID,Class"), ds.refusedRows());
    }

    @Test
    void aMissingFileIsSkippedAsFileNotFound() throws Exception {
        SoundDataset ds = SoundDataset.open(kaggle("ID,Class\n1,siren\n2,siren\n", "1"));
        LoadResult r = ds.load(FeatureConfig.book(10, 100), SoundDatasetTest.QUIET);
        SkipReport.Skip skip = r.skips().skipped().get(0);
        assertEquals("Train/2.wav", skip.path());
        assertEquals(SkipReason.UNREADABLE, skip.reason());
        assertEquals("file not found", skip.detail());
    }

    @Test
    void anUnclosedQuoteStopsTheCsvNamingItsLine() throws Exception {
        Path root = kaggle("ID,Class\n1,siren\n2,\"siren\n" + "3,x\n".repeat(20000), "1");
        IOException e = assertThrows(IOException.class, () -> SoundDataset.open(root));
        assertTrue(e.getMessage().startsWith(root.resolve("train.csv") + " line 3: not CSV from here on"), e.getMessage());
    }

    @Test
    void anUrbanSoundSliceListedTwiceIsRefusedNamingRowsClassesAndFolds() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        for (String f : new String[] {"fold1/a.wav", "fold1/b.wav", "fold2/b.wav"}) {
            Files.createDirectories(audio.resolve(f).getParent());
            WavWriter.pcm16().write(audio.resolve(f), TinyDatasets.noise(1, 44100, f.hashCode()));
        }
        Files.createDirectories(dir.resolve("metadata"));
        Files.writeString(dir.resolve("metadata/UrbanSound8K.csv"), "slice_file_name,fsID,start,end,salience,fold,classID,class\r\n"
                + "a.wav,1,0,1,1,1,3,dog_bark\r\n"
                + "b.wav,2,0,1,1,1,8,siren\r\n"
                + "a.wav,1,0,1,1,1,3,dog_bark\r\n"   // the same row again
                + "b.wav,2,0,1,1,2,8,siren\r\n");   // a copy of b.wav sits in fold2/ too: which fold is it?
        SoundDataset ds = SoundDataset.open(dir);
        assertEquals(List.of("a.wav"), ds.clips().stream().map(Clip::id).toList());
        String b = "'b.wav' refused by rule 'duplicate-id': listed in rows 3 (siren, fold 1), 5 (siren, fold 2), which disagree";
        assertEquals(List.of("UrbanSound8K.csv row 3: " + b, "UrbanSound8K.csv row 4: 'a.wav' refused by rule 'duplicate-id': also in row 2",
                "UrbanSound8K.csv row 5: " + b), ds.refusedRows());
    }

    @Test
    void urbanSoundRowsCheckClassIdFoldAndFolder() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        for (String f : new String[] {"fold1/a.wav", "fold3/b.wav", "fold2/c.wav", "fold1/e.wav"}) {
            Files.createDirectories(audio.resolve(f).getParent());
            WavWriter.pcm16().write(audio.resolve(f), TinyDatasets.noise(1, 44100, f.hashCode()));
        }
        Files.createDirectories(dir.resolve("metadata"));
        Files.writeString(dir.resolve("metadata/UrbanSound8K.csv"), "slice_file_name,fsID,start,end,salience,fold,classID,class\n"
                + "a.wav,1,0,1,1,1,3,dog_bark\n"
                + "b.wav,2,0,1,1,5,8,siren\n"        // the file is in fold3/
                + "c.wav,3,0,1,1,2,3,siren\n"        // classID 3 is dog_bark above
                + "d.wav,4,0,1,1,11,4,drilling\n"    // no fold 11
                + "e.wav,5,0,1,1,1,8,dog_bark\n"     // classID 8 is siren above
                + "g.wav,7,0,1,1,1,9,dog_bark\n"     // dog_bark is classID 3 above
                + "f.wav,6,0,1,1,2,4,drilling\n");   // in no folder: the load says so
        SoundDataset ds = SoundDataset.open(dir);
        assertEquals(List.of("a.wav", "f.wav"), ds.clips().stream().map(Clip::id).toList());
        assertEquals(List.of(
                "UrbanSound8K.csv row 3: 'b.wav' refused by rule 'wrong-fold': it is in fold3/, the row says fold 5",
                "UrbanSound8K.csv row 4: 'siren' refused by rule 'class-mismatch': row 2 gives classID 3 to 'dog_bark'",
                "UrbanSound8K.csv row 5: '11' refused by rule 'bad-fold': folds are 1..10",
                "UrbanSound8K.csv row 6: 'dog_bark' refused by rule 'class-mismatch': row 3 gives classID 8 to 'siren'",
                "UrbanSound8K.csv row 7: 'dog_bark' refused by rule 'class-mismatch': classID 9, row 2 gives it classID 3"),
                ds.refusedRows());
        LoadResult r = ds.load(FeatureConfig.book(10, 100), SoundDatasetTest.QUIET);
        assertEquals("file not found", r.skips().skipped().get(0).detail());
    }
}
