package io.commpulse.commlog;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.hotspots}: a problem category's count, rank and change on the previous
 * month.
 */
@GoldRow("gold.hotspots")
public record HotspotRow(
    String month,
    String domain,
    String category,
    long count,
    double share,
    int rank,
    Long previousCount,
    Long change,
    Double changeShare) {}
