package io.commpulse.commlog;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.mistransmission}: one sending department's month, or the company's (ALL).
 */
@GoldRow("gold.mistransmission")
public record MistransmissionRow(
    String month,
    String department,
    long communications,
    long flagged,
    Double rate,
    Double ciLow,
    Double ciHigh,
    double target,
    String status) {}
