package io.commpulse.report.model;

/** One row of {@code gold.mistransmission}: a sending department's (or ALL) mis-transmission rate. */
public record MistransmissionRow(String department, long communications, long flagged, Double rate, Double ciLow,
    Double ciHigh) {}
