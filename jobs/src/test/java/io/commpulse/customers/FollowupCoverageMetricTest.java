package io.commpulse.customers;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.metrics.DataCutoff;
import io.commpulse.schema.SchemaCatalog;
import java.sql.Date;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.followup_coverage on hand-made follow-ups; counts by hand, Wilson bounds from the textbook
 * formula.
 */
class FollowupCoverageMetricTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static Map<String, Row> cells;

  private static Map<String, Object> followup(
      String id, String segment, String planned, String done, String issue, String improvement) {
    return rec(
        "followup_id",
        id,
        "customer_key",
        "k" + id,
        "segment",
        segment,
        "cadence",
        "quarterly",
        "planned_date",
        Date.valueOf(planned),
        "done_at",
        done == null ? null : shanghai(done),
        "issue_category",
        issue,
        "improvement_communicated_at",
        improvement == null ? null : shanghai(improvement),
        "updated_at",
        shanghai("2026-10-31 20:00"),
        "source_timezone",
        "Asia/Shanghai",
        "month",
        "2026-10",
        "batch_id",
        "b1");
  }

  @BeforeAll
  static void compute() {
    List<Map<String, Object>> followups =
        List.of(
            followup(
                "F1",
                "key_account",
                "2026-10-10",
                "2026-10-10 11:00",
                "service_complaint",
                "2026-10-20 09:00"),
            // 07:00 on the 18th in Shanghai is still the 17th in UTC: eight days late in the
            // company's calendar.
            followup(
                "F2", "key_account", "2026-10-10", "2026-10-18 07:00", "technical_support", null),
            followup("F3", "key_account", "2026-10-12", null, null, null),
            followup(
                "F4",
                "smb",
                "2026-10-05",
                "2026-10-03 15:00",
                "product_suggestion",
                "2026-10-09 10:00"),
            followup("F5", "smb", "2026-10-06", "2026-10-13 23:59", null, null));
    cells =
        byKey(
            FollowupCoverageMetric.compute(
                CATALOG.table("gold.followup_coverage"),
                "2026-10",
                frame(CATALOG.table("silver.followups"), followups),
                DataCutoff.of(YearMonth.of(2026, 10), ZoneOffset.UTC, true)),
            "segment");
  }

  @Test
  void plannedDoneAndOnTimePerSegment() {
    assertEquals(3, cells.size(), "key_account, smb and ALL");
    Row key = cells.get("key_account");
    assertEquals(3L, lng(key, "planned"));
    assertEquals(2L, lng(key, "done"));
    assertEquals(
        1L, lng(key, "on_time"), "F1 on the day; F2 a day past the 7-day grace in company time");
    close(0.20765960080204782, dbl(key, "done_ci_low"), EXACT, "wilson(2, 3) low");
    close(0.9385080552796038, dbl(key, "done_ci_high"), EXACT, "wilson(2, 3) high");
    Row smb = cells.get("smb");
    assertEquals(2L, lng(smb, "on_time"), "early counts; 23:59 on the 7th day after still counts");
    close(1.0, dbl(smb, "done_share"), EXACT, "2 of 2");
  }

  @Test
  void issuesByCategoryAndTheClosedLoop() {
    Row key = cells.get("key_account");
    assertEquals(2L, lng(key, "issues_found"));
    assertEquals(1L, lng(key, "service_complaints"));
    assertEquals(1L, lng(key, "technical_support"));
    assertEquals(0L, lng(key, "product_suggestions"));
    close(0.5, dbl(key, "closed_loop_share"), EXACT, "F1 of F1, F2");

    Row all = cells.get("ALL");
    assertEquals(5L, lng(all, "planned"));
    assertEquals(4L, lng(all, "done"));
    assertEquals(3L, lng(all, "on_time"));
    close(0.6, dbl(all, "on_time_share"), EXACT, "3 of 5");
    close(0.37553462976252544, dbl(all, "done_ci_low"), EXACT, "wilson(4, 5) low");
    close(0.9637758913675698, dbl(all, "done_ci_high"), EXACT, "wilson(4, 5) high");
    assertEquals(3L, lng(all, "issues_found"));
    assertEquals(1L, lng(all, "product_suggestions"));
    assertEquals(2L, lng(all, "improvements_communicated"));
    close(2 / 3.0, dbl(all, "closed_loop_share"), EXACT, "F1 and F4 of three");
  }
}
