package org.lstmlab.data;

/** Which data: the dataset folder, its layout, and the fingerprint of its CSV and audio files. */
public record DataSource(String root, DatasetLayout layout, String fingerprint) {}
