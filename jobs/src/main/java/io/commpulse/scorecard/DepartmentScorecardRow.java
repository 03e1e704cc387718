package io.commpulse.scorecard;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.department_scorecard}: one department's month of one KPI.
 *
 * @param status a {@link KpiStatus} code, or {@code suppressed} for a survey figure withheld for
 *     anonymity
 */
@GoldRow("gold.department_scorecard")
public record DepartmentScorecardRow(
    String month,
    String department,
    String kpi,
    String unit,
    String comparator,
    Double target,
    Double actual,
    Double ciLow,
    Double ciHigh,
    String status,
    Long numerator,
    Long denominator,
    Double companyActual,
    Integer rank,
    Integer rankedDepartments,
    boolean suppressed) {

  /** The status of a suppressed row. */
  public static final String SUPPRESSED = "suppressed";
}
