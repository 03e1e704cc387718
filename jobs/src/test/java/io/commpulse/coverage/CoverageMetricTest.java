package io.commpulse.coverage;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.metrics.DataCutoff;
import io.commpulse.schema.SchemaCatalog;
import java.sql.Date;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.coverage on ten employees and two decisions. Eligibility and counts are worked out by hand
 * in the comments; Wilson intervals (statsmodels), exact binomial p-values (scipy binom.cdf) and
 * medians (numpy) come from jobs/src/test/reference/gold_reference.py, section
 * "CoverageMetricTest".
 */
class CoverageMetricTest {
  private static final String MONTH = "2026-10";
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static Map<String, Row> cells;

  @BeforeAll
  static void compute() {
    // D1 is published 2026-10-08 17:30 UTC = 2026-10-09 01:30 in Shanghai: publication day 9
    // October.
    // D2 is published 2026-10-12 02:00 UTC = 10:00 in Shanghai: publication day 12 October.
    Dataset<Row> decisions =
        frame(
            CATALOG.table("silver.decisions"),
            List.of(
                decision("D1", "2026-10-08T17:30:00Z"), decision("D2", "2026-10-12T02:00:00Z")));
    Dataset<Row> employees =
        frame(
            CATALOG.table("silver.employees"),
            List.of(
                employee("k01", "OPS", "2020-01-01", null),
                employee("k02", "OPS", "2020-01-01", null),
                employee("k03", "OPS", "2020-01-01", null),
                employee("k04", "OPS", "2020-01-01", null),
                // hired on D1's publication day in Shanghai (the UTC date would be the day before):
                // eligible for D1
                employee("k05", "OPS", "2026-10-09", null),
                // left the day before D1's publication day in Shanghai (the UTC date would be that
                // day): not eligible
                employee("k06", "OPS", "2020-01-01", "2026-10-08"),
                employee("k07", "SALES", "2020-01-01", null),
                // last working day is D1's publication day: eligible for D1, gone for D2
                employee("k08", "SALES", "2020-01-01", "2026-10-09"),
                // hired after D1: eligible for D2 only
                employee("k09", "SALES", "2026-10-10", null),
                employee("k10", "SALES", "2020-01-01", null)));
    // D1 eligible: OPS k01-k05 (5), SALES k07 k08 k10 (3). D2 eligible: OPS k01-k05 (5), SALES k07
    // k09 k10 (3).
    Dataset<Row> acks =
        frame(
            CATALOG.table("silver.acknowledgements"),
            List.of(
                ack("D1", "k01", "OPS", "2026-10-08T18:30:00Z", "email"), // 1 h after publication
                ack("D1", "k02", "OPS", "2026-10-08T19:30:00Z", "wecom"), // 2 h
                ack("D1", "k03", "OPS", "2026-10-09T01:30:00Z", "wecom"), // 8 h
                ack("D1", "k05", "OPS", "2026-10-09T05:30:00Z", "email"), // 12 h
                ack("D1", "k07", "SALES", "2026-10-08T20:30:00Z", "email"), // 3 h
                ack("D1", "k08", "SALES", "2026-10-10T17:30:00Z", "intranet"), // 48 h
                ack("D1", "k06", "OPS", "2026-10-08T18:00:00Z", "email"), // not eligible: ignored
                ack("D1", "k09", "SALES", "2026-10-08T18:00:00Z", "wecom"), // not eligible: ignored
                ack(
                    "D1",
                    "k99",
                    null,
                    "2026-10-08T18:00:00Z",
                    "email"), // not on the roster: ignored
                ack("D2", "k01", "OPS", "2026-10-12T02:30:00Z", "wecom"), // 0.5 h
                ack("D2", "k02", "OPS", "2026-10-12T03:30:00Z", "wecom"), // 1.5 h
                ack("D2", "k03", "OPS", "2026-10-12T04:30:00Z", "email"), // 2.5 h
                ack("D2", "k04", "OPS", "2026-10-12T05:30:00Z", "wecom"), // 3.5 h
                ack("D2", "k05", "OPS", "2026-10-12T06:30:00Z", "email"), // 4.5 h
                ack("D2", "k07", "SALES", "2026-10-12T02:15:00Z", "wecom"), // 0.25 h
                ack("D2", "k09", "SALES", "2026-10-12T12:00:00Z", "email"), // 10 h
                ack("D2", "k10", "SALES", "2026-10-13T02:00:00Z", "wecom"))); // 24 h
    cells =
        byKey(
            CoverageMetric.compute(
                CATALOG.table("gold.coverage"),
                MONTH,
                decisions,
                employees,
                acks,
                DataCutoff.of(YearMonth.of(2026, 10), ZoneOffset.UTC, true)),
            "decision_id",
            "department");
  }

  private static Map<String, Object> decision(String id, String published) {
    return rec(
        "decision_id",
        id,
        "title_zh",
        "决定" + id,
        "title_en",
        "Decision " + id,
        "owner_department",
        "OPS",
        "published_at",
        utc(published),
        "source_timezone",
        "Asia/Shanghai",
        "channels",
        List.of("email", "wecom"),
        "month",
        MONTH,
        "batch_id",
        "b1");
  }

  private static Map<String, Object> employee(String key, String dept, String hired, String left) {
    return rec(
        "employee_key",
        key,
        "department",
        dept,
        "department_name_zh",
        dept,
        "department_name_en",
        dept,
        "hire_date",
        Date.valueOf(hired),
        "leave_date",
        left == null ? null : Date.valueOf(left),
        "month",
        MONTH,
        "batch_id",
        "b1");
  }

  private static Map<String, Object> ack(
      String decision, String employee, String dept, String aware, String channel) {
    return rec(
        "decision_id",
        decision,
        "employee_key",
        employee,
        "department",
        dept,
        "aware_at",
        utc(aware),
        "channel",
        channel,
        "source_timezone",
        "Asia/Shanghai",
        "month",
        MONTH,
        "batch_id",
        "b1");
  }

  @Test
  void oneRowPerDecisionAndDepartmentPlusAll() {
    assertEquals(
        List.of("D1/ALL", "D1/OPS", "D1/SALES", "D2/ALL", "D2/OPS", "D2/SALES"),
        new ArrayList<>(cells.keySet()));
    Row d1 = cells.get("D1/ALL");
    assertEquals("决定D1", d1.getAs("title_zh"));
    assertEquals("Decision D1", d1.getAs("title_en"));
    assertEquals(MONTH, d1.getAs("month"));
  }

  @Test
  void eligibilityIsJudgedOnThePublicationDayInTheSourceTimeZone() {
    assertEquals(8L, lng(cells.get("D1/ALL"), "employees"), "k01-k05, k07, k08, k10");
    assertEquals(
        5L,
        lng(cells.get("D1/OPS"), "employees"),
        "k05 hired that day counts; k06 gone the day before");
    assertEquals(
        3L,
        lng(cells.get("D1/SALES"), "employees"),
        "k08 on its last day counts; k09 not yet hired");
    assertEquals(8L, lng(cells.get("D2/ALL"), "employees"), "k01-k05, k07, k09, k10");
    assertEquals(3L, lng(cells.get("D2/SALES"), "employees"));
  }

  @Test
  void decisionBelowTarget() {
    Row d1 = cells.get("D1/ALL");
    assertEquals(
        6L, lng(d1, "aware"), "k01 k02 k03 k05 k07 k08; ineligible and unknown readers ignored");
    close(0.75, dbl(d1, "share"), EXACT, "6 of 8");
    close(0.40927543031016883, dbl(d1, "ci_low"), EXACT, "wilson(6, 8) low");
    close(0.9285207872478909, dbl(d1, "ci_high"), EXACT, "wilson(6, 8) high");
    close(0.95, dbl(d1, "target"), EXACT, "target");
    close(0.057244650273437586, dbl(d1, "p_below_target"), 1e-9, "scipy binom.cdf(6, 8, 0.95)");
    assertFalse((Boolean) d1.getAs("meets_target"));
    assertEquals("missed", d1.getAs("status"), "the interval 0.409-0.929 lies below 0.95");
    close(5.5, dbl(d1, "median_hours_to_aware"), EXACT, "numpy median of [1, 2, 8, 12, 3, 48]");
    assertEquals("email", d1.getAs("top_channel"), "email 3, wecom 2, intranet 1");
    close(0.5, dbl(d1, "top_channel_share"), EXACT, "3 of 6 aware");

    Row ops = cells.get("D1/OPS");
    assertEquals(4L, lng(ops, "aware"));
    close(0.3755346297625252, dbl(ops, "ci_low"), EXACT, "wilson(4, 5) low");
    close(0.9637758913675698, dbl(ops, "ci_high"), EXACT, "wilson(4, 5) high");
    close(0.22621906250000018, dbl(ops, "p_below_target"), 1e-9, "binom.cdf(4, 5, 0.95)");
    assertEquals("at_risk", ops.getAs("status"), "the interval 0.376-0.964 straddles 0.95");
    close(5.0, dbl(ops, "median_hours_to_aware"), EXACT, "median of [1, 2, 8, 12]");
    assertEquals("email", ops.getAs("top_channel"), "email 2 and wecom 2 tie: alphabetical");
    close(0.5, dbl(ops, "top_channel_share"), EXACT, "2 of 4");

    Row sales = cells.get("D1/SALES");
    assertEquals(2L, lng(sales, "aware"));
    close(0.2076596008020477, dbl(sales, "ci_low"), EXACT, "wilson(2, 3) low");
    close(0.1426250000000001, dbl(sales, "p_below_target"), 1e-9, "binom.cdf(2, 3, 0.95)");
    close(25.5, dbl(sales, "median_hours_to_aware"), EXACT, "median of [3, 48]");
    assertEquals("email", sales.getAs("top_channel"), "email 1 and intranet 1 tie: alphabetical");
  }

  @Test
  void decisionThatReachedEveryone() {
    Row d2 = cells.get("D2/ALL");
    assertEquals(8L, lng(d2, "aware"));
    close(1.0, dbl(d2, "share"), EXACT, "8 of 8");
    close(0.6755924351161198, dbl(d2, "ci_low"), EXACT, "wilson(8, 8) low");
    close(1.0, dbl(d2, "ci_high"), EXACT, "wilson(8, 8) high");
    close(1.0, dbl(d2, "p_below_target"), 1e-9, "binom.cdf(8, 8, 0.95)");
    assertTrue((Boolean) d2.getAs("meets_target"));
    assertEquals(
        "at_risk", d2.getAs("status"), "8 of 8, but the interval 0.676-1 reaches below 0.95");
    close(
        3.0,
        dbl(d2, "median_hours_to_aware"),
        EXACT,
        "median of [0.5, 1.5, 2.5, 3.5, 4.5, 0.25, 10, 24]");
    assertEquals("wecom", d2.getAs("top_channel"), "wecom 5, email 3");
    close(5 / 8.0, dbl(d2, "top_channel_share"), EXACT, "5 of 8");
    close(2.5, dbl(cells.get("D2/OPS"), "median_hours_to_aware"), EXACT, "median of [0.5 .. 4.5]");
    close(0.5655175352168252, dbl(cells.get("D2/OPS"), "ci_low"), EXACT, "wilson(5, 5) low");
    close(
        10.0,
        dbl(cells.get("D2/SALES"), "median_hours_to_aware"),
        EXACT,
        "median of [0.25, 10, 24]");
    assertEquals("wecom", cells.get("D2/SALES").getAs("top_channel"), "wecom 2, email 1");
  }
}
