package org.lstmlab.data;

import java.nio.file.Path;

/**
 * One accepted CSV row: the line it starts on (1-based; a quoted field may span lines), the clip's ID (Kaggle ID or
 * UrbanSound8K slice name), class name and index (first appearance), audio file, and for UrbanSound8K its fold,
 * Freesound ID and salience (Kaggle: fold 0, fsId = id, salience 0).
 */
public record Clip(int line, String id, String className, int label, Path file, int fold, String fsId, int salience) {}
