package org.lstmlab.nn;

/** What one training step reports: the batch's mean loss and accuracy from the forward pass before the update. */
public record StepResult(double loss, double accuracy) {}
