package io.commpulse.report.model;

import java.util.List;

/** The tables a monthly report reads; their versions go into the manifest. */
public final class ReportTables {
  public static final String SCORECARD = "gold.kpi_scorecard";
  public static final String COVERAGE = "gold.coverage";
  public static final String SATISFACTION = "gold.satisfaction";
  public static final String RESPONSE_SLA = "gold.response_sla";
  public static final String SOCIAL = "gold.social_response";
  public static final String MISTRANSMISSION = "gold.mistransmission";
  public static final String HOTSPOTS = "gold.hotspots";
  public static final String AB_RESULTS = "gold.ab_results";
  public static final String INGEST_AUDIT = "ops.ingest_audit";
  public static final String QUARANTINE = "bronze.quarantine";
  public static final String EMPLOYEES = "silver.employees";
  public static final String DEPARTMENT_SCORECARD = "gold.department_scorecard";
  public static final String AUTOMATION_CANDIDATES = "gold.automation_candidates";
  public static final String FOLLOWUP_COVERAGE = "gold.followup_coverage";
  public static final String FEEDBACK_LOOP = "gold.feedback_loop";
  public static final String RESTATEMENTS = "ops.restatements";

  public static final List<String> ALL =
      List.of(
          SCORECARD,
          COVERAGE,
          SATISFACTION,
          RESPONSE_SLA,
          SOCIAL,
          MISTRANSMISSION,
          HOTSPOTS,
          AB_RESULTS,
          INGEST_AUDIT,
          QUARANTINE,
          EMPLOYEES,
          DEPARTMENT_SCORECARD,
          AUTOMATION_CANDIDATES,
          FOLLOWUP_COVERAGE,
          FEEDBACK_LOOP,
          RESTATEMENTS);

  /**
   * The strategy's follow-through tables, added after the first reports: optional, a lake without
   * them renders.
   */
  public static final List<String> FOLLOW_THROUGH =
      List.of(DEPARTMENT_SCORECARD, AUTOMATION_CANDIDATES, FOLLOWUP_COVERAGE, FEEDBACK_LOOP);

  /** Tables without which there is no report. */
  public static final List<String> REQUIRED = List.of(SCORECARD);

  private ReportTables() {}
}
