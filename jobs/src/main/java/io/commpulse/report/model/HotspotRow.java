package io.commpulse.report.model;

/** One row of {@code gold.hotspots}: a problem category's count, rank and change on the previous month. */
public record HotspotRow(String domain, String category, long count, double share, int rank, Long previousCount,
    Long change, Double changeShare) {}
