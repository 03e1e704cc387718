package io.commpulse.scorecard;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.SchemaCatalog;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.department_scorecard from hand-made gold rows. Counts and ranks by hand; Wilson bounds from
 * the textbook formula (Python, statistics.NormalDist): wilson(17, 20) = [0.6396, 0.9476],
 * wilson(39, 40) = [0.8712, 0.9956].
 */
class DepartmentScorecardTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final String M = "2026-10";
  private static Dataset<Row> coverage;
  private static Dataset<Row> mistransmission;
  private static Map<String, Row> cells;

  private static Map<String, Object> cov(String decision, String dept, long employees, long aware) {
    return rec(
        "month",
        M,
        "decision_id",
        decision,
        "title_zh",
        "决定",
        "title_en",
        "Decision",
        "department",
        dept,
        "employees",
        employees,
        "aware",
        aware,
        "target",
        0.95);
  }

  private static Map<String, Object> mis(
      String dept, long communications, long flagged, double low, double high) {
    return rec(
        "month",
        M,
        "department",
        dept,
        "communications",
        communications,
        "flagged",
        flagged,
        "rate",
        (double) flagged / communications,
        "ci_low",
        low,
        "ci_high",
        high,
        "target",
        0.05);
  }

  private static Map<String, Object> kpi(
      String code,
      String unit,
      String comparator,
      Double target,
      double actual,
      double low,
      double high,
      String status) {
    return rec(
        "month",
        M,
        "kpi",
        code,
        "unit",
        unit,
        "comparator",
        comparator,
        "target",
        target,
        "actual",
        actual,
        "ci_low",
        low,
        "ci_high",
        high,
        "status",
        status,
        "details",
        "gold");
  }

  @BeforeAll
  static void compute() {
    coverage =
        frame(
            CATALOG.table("gold.coverage"),
            List.of(
                cov("D1", "SALES", 10, 8),
                cov("D1", "OPS", 20, 20),
                cov("D1", "ALL", 30, 28),
                cov("D2", "SALES", 10, 9),
                cov("D2", "OPS", 20, 19),
                cov("D2", "ALL", 30, 28)));
    mistransmission =
        frame(
            CATALOG.table("gold.mistransmission"),
            List.of(
                mis("SALES", 100, 2, 0.0055, 0.0700),
                mis("OPS", 50, 6, 0.0562, 0.2380),
                mis("ALL", 150, 8, 0.0273, 0.1016)));
    Dataset<Row> satisfaction =
        frame(
            CATALOG.table("gold.satisfaction"),
            List.of(
                rec(
                    "month",
                    M,
                    "question_id",
                    "overall",
                    "department",
                    "SALES",
                    "suppressed",
                    true,
                    "suppression_reason",
                    "small_group"),
                rec(
                    "month",
                    M,
                    "question_id",
                    "overall",
                    "department",
                    "OPS",
                    "suppressed",
                    false,
                    "respondents",
                    12L,
                    "mean",
                    3.4,
                    "mean_ci_low",
                    3.0,
                    "mean_ci_high",
                    3.8),
                rec(
                    "month",
                    M,
                    "question_id",
                    "overall",
                    "department",
                    "HR",
                    "suppressed",
                    false,
                    "respondents",
                    8L,
                    "mean",
                    3.9,
                    "mean_ci_low",
                    3.5,
                    "mean_ci_high",
                    4.3),
                rec(
                    "month",
                    M,
                    "question_id",
                    "conv_channels",
                    "department",
                    "HR",
                    "suppressed",
                    false,
                    "respondents",
                    8L,
                    "mean",
                    1.0,
                    "mean_ci_low",
                    0.5,
                    "mean_ci_high",
                    1.5)));
    Dataset<Row> company =
        frame(
            CATALOG.table("gold.kpi_scorecard"),
            List.of(
                kpi("information_coverage", "share", ">=", 0.95, 56 / 60.0, 0.84, 0.97, "at_risk"),
                kpi(
                    "mistransmission_rate",
                    "share",
                    "<",
                    0.05,
                    8 / 150.0,
                    0.0273,
                    0.1016,
                    "at_risk"),
                kpi("complaint_first_response_hours", "hours", "<=", 24.0, 20.0, 18.0, 22.0, "met"),
                kpi("social_replied_24h_share", "share", ">=", 1.0, 0.9, 0.85, 0.94, "missed")));
    Dataset<Row> previous =
        frame(
            CATALOG.table("gold.department_scorecard"),
            List.of(
                rec(
                    "month",
                    "2026-09",
                    "department",
                    "OPS",
                    "kpi",
                    "satisfaction_mean",
                    "unit",
                    "likert",
                    "comparator",
                    "trend_up",
                    "actual",
                    3.6,
                    "status",
                    "no_target",
                    "suppressed",
                    false)));
    cells =
        byKey(
            DepartmentScorecard.compute(
                CATALOG.table("gold.department_scorecard"),
                M,
                new DepartmentScorecard.Inputs(
                    coverage, mistransmission, satisfaction, company, previous, "CS")),
            "department",
            "kpi");
  }

  @Test
  void coverageAndMistransmissionRowsAddUpToTheCompanyFigures() {
    long aware = 0;
    long pairs = 0;
    long flagged = 0;
    long communications = 0;
    for (Map.Entry<String, Row> cell : cells.entrySet()) {
      if (cell.getKey().endsWith("/information_coverage")) {
        aware += lng(cell.getValue(), "numerator");
        pairs += lng(cell.getValue(), "denominator");
      } else if (cell.getKey().endsWith("/mistransmission_rate")) {
        flagged += lng(cell.getValue(), "numerator");
        communications += lng(cell.getValue(), "denominator");
      }
    }
    long companyAware =
        coverage.where("department = 'ALL'").collectAsList().stream()
            .mapToLong(r -> lng(r, "aware"))
            .sum();
    long companyPairs =
        coverage.where("department = 'ALL'").collectAsList().stream()
            .mapToLong(r -> lng(r, "employees"))
            .sum();
    assertEquals(companyAware, aware, "56 aware employee-decision pairs");
    assertEquals(companyPairs, pairs, "60 pairs");
    Row all = mistransmission.where("department = 'ALL'").first();
    assertEquals(lng(all, "flagged"), flagged);
    assertEquals(lng(all, "communications"), communications);
    close(
        56 / 60.0,
        dbl(cells.get("SALES/information_coverage"), "company_actual"),
        EXACT,
        "company value beside");
  }

  @Test
  void eachDepartmentIsJudgedOnItsOwnInterval() {
    Row sales = cells.get("SALES/information_coverage");
    close(17 / 20.0, dbl(sales, "actual"), EXACT, "8 + 9 of 10 + 10");
    close(0.9476312541037835, dbl(sales, "ci_high"), EXACT, "wilson(17, 20) high");
    assertEquals("missed", sales.getAs("status"), "the whole interval is below 95%");
    Row ops = cells.get("OPS/information_coverage");
    close(39 / 40.0, dbl(ops, "actual"), EXACT, "20 + 19 of 40");
    close(0.8711863103652591, dbl(ops, "ci_low"), EXACT, "wilson(39, 40) low");
    assertEquals("at_risk", ops.getAs("status"), "the interval straddles 95%");
    assertEquals(
        "at_risk",
        cells.get("SALES/mistransmission_rate").getAs("status"),
        "0.55% .. 7.0% straddles 5%");
    assertEquals(
        "missed",
        cells.get("OPS/mistransmission_rate").getAs("status"),
        "5.6% .. 23.8% is above 5%");
  }

  @Test
  void ranksPutTheBestDepartmentFirst() {
    assertEquals(1, (int) cells.get("OPS/information_coverage").getAs("rank"), "97.5% beats 85%");
    assertEquals(2, (int) cells.get("SALES/information_coverage").getAs("rank"));
    assertEquals(
        1,
        (int) cells.get("SALES/mistransmission_rate").getAs("rank"),
        "lower is better: 2% beats 12%");
    assertEquals(2, (int) cells.get("OPS/mistransmission_rate").getAs("ranked_departments"));
    assertEquals(
        1,
        (int) cells.get("HR/satisfaction_mean").getAs("rank"),
        "3.9 beats 3.4; SALES is not ranked");
    assertEquals(2, (int) cells.get("HR/satisfaction_mean").getAs("ranked_departments"));
  }

  @Test
  void suppressedSatisfactionStaysSuppressed() {
    Row sales = cells.get("SALES/satisfaction_mean");
    assertTrue((Boolean) sales.getAs("suppressed"));
    assertEquals("suppressed", sales.getAs("status"));
    for (String figure : List.of("actual", "ci_low", "ci_high", "denominator", "rank")) {
      assertNull(sales.getAs(figure), figure);
    }
    Row ops = cells.get("OPS/satisfaction_mean");
    close(3.6, dbl(ops, "target"), EXACT, "September's own value");
    assertEquals("at_risk", ops.getAs("status"), "3.0 .. 3.8 straddles 3.6");
    assertEquals(12L, lng(ops, "denominator"));
    assertEquals(
        "no_target", cells.get("HR/satisfaction_mean").getAs("status"), "no September value");
  }

  @Test
  void theServiceDepartmentCarriesTheCustomerResponseKpis() {
    Row complaints = cells.get("CS/complaint_first_response_hours");
    close(20.0, dbl(complaints, "actual"), EXACT, "the company figure");
    assertEquals("met", complaints.getAs("status"));
    assertNull(complaints.getAs("rank"), "one department owns it: nothing to rank");
    assertEquals("missed", cells.get("CS/social_replied_24h_share").getAs("status"));
    assertEquals(
        2 + 2 + 3 + 2, cells.size(), "coverage 2, mis-transmission 2, satisfaction 3, service 2");
  }
}
