package io.commpulse.scorecard;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * gold.kpi_scorecard from hand-made rows of the other gold tables. Every status and trend is
 * decided by hand from the numbers in the fixture; the pooled coverage interval is statsmodels'
 * wilson(14, 16) from jobs/src/test/reference/gold_reference.py, section "KpiScorecardTest".
 */
class KpiScorecardTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();

  private static TableContract gold(String name) {
    return CATALOG.table("gold." + name);
  }

  private static KpiScorecard.Inputs inputs(
      Dataset<Row> satisfaction, Dataset<Row> ab, Dataset<Row> previous) {
    Dataset<Row> mistransmission =
        frame(
            gold("mistransmission"),
            List.of(
                rec(
                    "month",
                    "2026-10",
                    "department",
                    "ALL",
                    "communications",
                    500L,
                    "flagged",
                    20L,
                    "rate",
                    0.04,
                    "ci_low",
                    0.02,
                    "ci_high",
                    0.07,
                    "target",
                    0.05),
                rec(
                    "month",
                    "2026-10",
                    "department",
                    "SALES",
                    "communications",
                    50L,
                    "flagged",
                    10L,
                    "rate",
                    0.2,
                    "ci_low",
                    0.1,
                    "ci_high",
                    0.3,
                    "target",
                    0.05)));
    Dataset<Row> sla =
        frame(
            gold("response_sla"),
            List.of(
                sla("ALL", "service_complaint", "ALL", 21.625, 10.0, 33.25, 0.6, 0.3, 0.85),
                sla("ALL", "ALL", "ALL", 50.0, 40.0, 60.0, 0.1, 0.0, 0.2),
                sla("phone", "service_complaint", "ALL", 99.0, 90.0, 110.0, 0.1, 0.0, 0.2),
                sla("ALL", "service_complaint", "P1", 1.0, 0.5, 1.5, 1.0, 0.9, 1.0)));
    Dataset<Row> social =
        frame(
            gold("social_response"),
            List.of(
                rec(
                    "month",
                    "2026-10",
                    "platform",
                    "ALL",
                    "inbound",
                    10L,
                    "replied",
                    6L,
                    "replied_24h",
                    5L,
                    "replied_24h_share",
                    0.5,
                    "replied_24h_ci_low",
                    0.2,
                    "replied_24h_ci_high",
                    0.8,
                    "negative_inbound",
                    0L),
                rec(
                    "month",
                    "2026-10",
                    "platform",
                    "weibo",
                    "inbound",
                    2L,
                    "replied",
                    2L,
                    "replied_24h",
                    2L,
                    "replied_24h_share",
                    1.0,
                    "replied_24h_ci_low",
                    0.3,
                    "replied_24h_ci_high",
                    1.0,
                    "negative_inbound",
                    0L)));
    Dataset<Row> coverage =
        frame(
            gold("coverage"),
            List.of(
                coverage("D1", "ALL", 8, 6),
                coverage("D2", "ALL", 8, 8),
                coverage("D1", "OPS", 5, 4)));
    return new KpiScorecard.Inputs(
        mistransmission, sla, social, coverage, satisfaction, ab, previous);
  }

  private static Map<String, Object> sla(
      String channel,
      String category,
      String priority,
      double mean,
      double low,
      double high,
      double within,
      double withinLow,
      double withinHigh) {
    return rec(
        "month",
        "2026-10",
        "channel",
        channel,
        "category",
        category,
        "priority",
        priority,
        "tickets",
        10L,
        "replied",
        8L,
        "first_reply_hours_mean",
        mean,
        "first_reply_hours_mean_ci_low",
        low,
        "first_reply_hours_mean_ci_high",
        high,
        "within_24h",
        6L,
        "within_24h_share",
        within,
        "within_24h_ci_low",
        withinLow,
        "within_24h_ci_high",
        withinHigh,
        "bot_first_replies",
        0L,
        "csat_responses",
        0L);
  }

  private static Map<String, Object> coverage(
      String decision, String department, long employees, long aware) {
    return rec(
        "month",
        "2026-10",
        "decision_id",
        decision,
        "title_zh",
        "t",
        "title_en",
        "t",
        "department",
        department,
        "employees",
        employees,
        "aware",
        aware,
        "target",
        0.95);
  }

  private static Dataset<Row> satisfaction(boolean overallSuppressed) {
    return frame(
        gold("satisfaction"),
        List.of(
            overallSuppressed
                ? rec(
                    "month",
                    "2026-10",
                    "question_id",
                    "overall",
                    "department",
                    "ALL",
                    "suppressed",
                    true,
                    "suppression_reason",
                    "small_group")
                : rec(
                    "month",
                    "2026-10",
                    "question_id",
                    "overall",
                    "department",
                    "ALL",
                    "suppressed",
                    false,
                    "respondents",
                    40L,
                    "mean",
                    3.6,
                    "mean_ci_low",
                    3.1,
                    "mean_ci_high",
                    4.1,
                    "top2_share",
                    0.55,
                    "top2_ci_low",
                    0.40,
                    "top2_ci_high",
                    0.70),
            rec(
                "month",
                "2026-10",
                "question_id",
                "overall",
                "department",
                "ENG",
                "suppressed",
                false,
                "respondents",
                10L,
                "mean",
                4.9,
                "mean_ci_low",
                4.5,
                "mean_ci_high",
                5.0,
                "top2_share",
                0.9,
                "top2_ci_low",
                0.6,
                "top2_ci_high",
                1.0),
            rec(
                "month",
                "2026-10",
                "question_id",
                "conv_channels",
                "department",
                "ALL",
                "suppressed",
                false,
                "respondents",
                40L,
                "mean",
                1.0,
                "mean_ci_low",
                1.0,
                "mean_ci_high",
                1.0,
                "top2_share",
                0.0,
                "top2_ci_low",
                0.0,
                "top2_ci_high",
                0.1)));
  }

  private static Dataset<Row> previous(Object... kpisAndActuals) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < kpisAndActuals.length; i += 2) {
      rows.add(
          rec(
              "month",
              "2026-09",
              "kpi",
              kpisAndActuals[i],
              "unit",
              "share",
              "comparator",
              "info",
              "actual",
              kpisAndActuals[i + 1],
              "status",
              "no_target",
              "details",
              "x"));
    }
    return frame(gold("kpi_scorecard"), rows);
  }

  private static Dataset<Row> abResults() {
    StructType schema =
        new StructType()
            .add("experiment_id", DataTypes.StringType)
            .add("decision", DataTypes.StringType);
    return TestSpark.session()
        .createDataFrame(
            List.of(
                RowFactory.create("X1", "winner"),
                RowFactory.create("X1", "winner"),
                RowFactory.create("X2", "no_difference"),
                RowFactory.create("X3", "winner")),
            schema);
  }

  @Test
  void oneRowPerKpiWithStatusAndTrend() {
    Dataset<Row> september =
        previous(
            "mistransmission_rate",
            0.0401,
            "complaint_first_response_hours",
            30.0,
            "information_coverage",
            0.875,
            "satisfaction_mean",
            3.4,
            "satisfaction_top2_share",
            0.60);
    Map<String, Row> kpis =
        byKey(
            KpiScorecard.compute(
                gold("kpi_scorecard"),
                "2026-10",
                inputs(satisfaction(false), abResults(), september)),
            "kpi");
    assertEquals(8, kpis.size());

    // 0.04 in [0.02, 0.07] against < 5%: straddles; 0.0401 -> 0.04 is a 0.25% change: flat.
    assertKpi(
        kpis.get("mistransmission_rate"),
        "share",
        "<",
        0.05,
        0.04,
        0.02,
        0.07,
        "at_risk",
        0.0401,
        "flat",
        "gold.mistransmission");
    // The ALL / service_complaint / ALL cell only: 21.625 h in [10, 33.25] against <= 24 h; 30 ->
    // 21.6: down.
    assertKpi(
        kpis.get("complaint_first_response_hours"),
        "hours",
        "<=",
        24.0,
        21.625,
        10.0,
        33.25,
        "at_risk",
        30.0,
        "down",
        "gold.response_sla");
    assertKpi(
        kpis.get("complaint_replied_24h_share"),
        "share",
        "info",
        null,
        0.6,
        0.3,
        0.85,
        "no_target",
        null,
        null,
        "gold.response_sla");
    // 0.5 in [0.2, 0.8] against >= 100%: the whole interval is below.
    assertKpi(
        kpis.get("social_replied_24h_share"),
        "share",
        ">=",
        1.0,
        0.5,
        0.2,
        0.8,
        "missed",
        null,
        null,
        "gold.social_response");
    // Pooled over the decisions' ALL rows: (6 + 8) / (8 + 8) = 0.875, Wilson(14, 16) = [0.6398,
    // 0.9650] straddles 95%.
    assertKpi(
        kpis.get("information_coverage"),
        "share",
        ">=",
        0.95,
        0.875,
        0.639771727342413,
        0.9650225122567595,
        "at_risk",
        0.875,
        "flat",
        "gold.coverage");
    // Trend targets are last month's values: 3.6 in [3.1, 4.1] against 3.4; 0.55 in [0.40, 0.70]
    // against 0.60.
    assertKpi(
        kpis.get("satisfaction_mean"),
        "likert",
        "trend_up",
        3.4,
        3.6,
        3.1,
        4.1,
        "at_risk",
        3.4,
        "up",
        "gold.satisfaction");
    assertKpi(
        kpis.get("satisfaction_top2_share"),
        "share",
        "trend_up",
        0.60,
        0.55,
        0.40,
        0.70,
        "at_risk",
        0.60,
        "down",
        "gold.satisfaction");
    // X1 and X3 have a winner (X1 twice); X2 has none.
    assertKpi(
        kpis.get("channel_experiments_decided"),
        "count",
        "info",
        null,
        2.0,
        null,
        null,
        "no_target",
        null,
        null,
        "gold.ab_results");
  }

  @Test
  void aSuppressedSatisfactionFigureIsNotJudged() {
    Map<String, Row> kpis =
        byKey(
            KpiScorecard.compute(
                gold("kpi_scorecard"), "2026-10", inputs(satisfaction(true), null, previous())),
            "kpi");
    assertEquals(7, kpis.size(), "no experiment results yet: no experiments KPI");
    for (String kpi : List.of("satisfaction_mean", "satisfaction_top2_share")) {
      Row row = kpis.get(kpi);
      assertNull(row.getAs("actual"), kpi);
      assertNull(row.getAs("ci_low"), kpi);
      assertNull(row.getAs("target"), kpi + ": no previous month to trend against");
      assertEquals("no_target", row.getAs("status"), kpi);
      assertNull(row.getAs("trend"), kpi);
    }
    assertEquals("at_risk", kpis.get("mistransmission_rate").getAs("status"));
    assertNull(kpis.get("mistransmission_rate").getAs("trend"), "no previous scorecard");
  }

  @Test
  void trendIsFlatWithinHalfAPercent() {
    assertEquals("flat", KpiScorecard.trend(100.0, 100.4), "0.4%");
    assertEquals("flat", KpiScorecard.trend(100.0, 99.6), "-0.4%");
    assertEquals("up", KpiScorecard.trend(100.0, 100.6), "0.6%");
    assertEquals("down", KpiScorecard.trend(100.0, 99.4), "-0.6%");
    assertEquals("up", KpiScorecard.trend(0.04, 0.0403), "0.75% of a small value");
    assertEquals("flat", KpiScorecard.trend(0.0, 0.0));
    assertEquals("up", KpiScorecard.trend(0.0, 0.01), "any move away from zero");
    assertNull(KpiScorecard.trend(null, 1.0));
    assertNull(KpiScorecard.trend(1.0, null));
  }

  private static void assertKpi(
      Row row,
      String unit,
      String comparator,
      Double target,
      double actual,
      Double low,
      Double high,
      String status,
      Double previous,
      String trend,
      String details) {
    String kpi = row.getAs("kpi");
    assertEquals("2026-10", row.getAs("month"));
    assertEquals(unit, row.getAs("unit"), kpi);
    assertEquals(comparator, row.getAs("comparator"), kpi);
    assertNullableClose(target, dbl(row, "target"), kpi + " target");
    close(actual, dbl(row, "actual"), EXACT, kpi + " actual");
    assertNullableClose(low, dbl(row, "ci_low"), kpi + " ci_low");
    assertNullableClose(high, dbl(row, "ci_high"), kpi + " ci_high");
    assertEquals(status, row.getAs("status"), kpi + " status");
    assertNullableClose(previous, dbl(row, "previous"), kpi + " previous");
    assertEquals(trend, row.getAs("trend"), kpi + " trend");
    assertEquals(details, row.getAs("details"), kpi);
  }

  private static void assertNullableClose(Double expected, Double actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
    } else {
      close(expected, actual, EXACT, what);
    }
  }
}
