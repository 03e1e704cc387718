package io.commpulse.report.model;

/**
 * One row of {@code gold.department_scorecard}. A suppressed row carries no figure: whatever the table holds, the
 * report never sees a number for it.
 *
 * @param status met, at_risk, missed, no_target or suppressed
 */
public record DepartmentKpiRow(String department, String kpi, String unit, String comparator, Double target,
    Double actual, Double ciLow, Double ciHigh, String status, boolean suppressed) {

  public static final String SUPPRESSED = "suppressed";

  public DepartmentKpiRow {
    if (suppressed || SUPPRESSED.equals(status)) {
      suppressed = true;
      status = SUPPRESSED;
      actual = null;
      ciLow = null;
      ciHigh = null;
    }
  }
}
