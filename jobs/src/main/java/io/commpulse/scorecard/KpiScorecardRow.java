package io.commpulse.scorecard;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.kpi_scorecard}: a strategy KPI's month against its target.
 *
 * @param status a {@link KpiStatus} code ({@link KpiStatus#of} reads it back)
 */
@GoldRow("gold.kpi_scorecard")
public record KpiScorecardRow(
    String month,
    String kpi,
    String unit,
    String comparator,
    Double target,
    Double actual,
    Double ciLow,
    Double ciHigh,
    String status,
    Double previous,
    String trend,
    String details,
    String state) {}
