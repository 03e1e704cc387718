package io.commpulse.report.model;

import io.commpulse.scorecard.KpiStatus;

/** One row of {@code gold.kpi_scorecard}. */
public record KpiRow(String month, String kpi, String unit, String comparator, Double target, Double actual,
    Double ciLow, Double ciHigh, KpiStatus status, Double previous, String trend, String details) {

  public boolean hasTarget() {
    return status != KpiStatus.NO_TARGET;
  }

  /** Whether lower values are better (mis-transmission, response time). */
  public boolean lowerIsBetter() {
    return "<".equals(comparator) || "<=".equals(comparator);
  }

  public static KpiStatus status(String code) {
    for (KpiStatus s : KpiStatus.values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown KPI status '" + code + "'");
  }
}
