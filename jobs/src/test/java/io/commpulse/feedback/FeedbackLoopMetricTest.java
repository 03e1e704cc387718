package io.commpulse.feedback;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.schema.SchemaCatalog;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gold.feedback_loop on twelve hand-made suggestions; every figure counted by hand. */
class FeedbackLoopMetricTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static Dataset<Row> suggestions;
  private static Map<String, Row> cells;

  private static Map<String, Object> suggestion(
      String id,
      String channel,
      String category,
      String department,
      String submitted,
      String status,
      String response,
      boolean rewarded) {
    return rec(
        "suggestion_id",
        id,
        "channel",
        channel,
        "category",
        category,
        "department",
        department,
        "submitted_at",
        shanghai(submitted),
        "status",
        status,
        "response_published_at",
        response == null ? null : shanghai(response),
        "rewarded",
        rewarded,
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
    suggestions =
        frame(
            CATALOG.table("silver.suggestions"),
            List.of(
                suggestion(
                    "S1",
                    "online",
                    "process",
                    "SALES",
                    "2026-10-01 10:00",
                    "acted_on",
                    "2026-10-03 10:00",
                    true),
                suggestion(
                    "S2",
                    "online",
                    "process",
                    "SALES",
                    "2026-10-02 10:00",
                    "declined",
                    "2026-10-06 10:00",
                    false),
                suggestion(
                    "S3",
                    "online",
                    "process",
                    "SALES",
                    "2026-10-03 10:00",
                    "acted_on",
                    "2026-10-04 22:00",
                    false),
                suggestion(
                    "S4",
                    "online",
                    "process",
                    "SALES",
                    "2026-10-04 10:00",
                    "received",
                    null,
                    false),
                suggestion(
                    "S5",
                    "online",
                    "process",
                    "SALES",
                    "2026-10-05 10:00",
                    "under_review",
                    null,
                    false),
                suggestion(
                    "S6",
                    "online",
                    "process",
                    null,
                    "2026-10-06 10:00",
                    "acted_on",
                    "2026-10-12 10:00",
                    true),
                suggestion(
                    "S7", "online", "tool", null, "2026-10-07 10:00", "received", null, false),
                suggestion(
                    "S8", "online", "tool", null, "2026-10-08 10:00", "received", null, false),
                suggestion(
                    "S9", "online", "tool", null, "2026-10-09 10:00", "received", null, false),
                suggestion(
                    "S10", "offline", "tool", null, "2026-10-09 16:00", "received", null, false),
                suggestion(
                    "S11", "offline", "tool", "HR", "2026-10-16 16:00", "received", null, false),
                suggestion(
                    "S12", "offline", "other", "HR", "2026-10-23 16:00", "received", null, false)));
    cells =
        byKey(
            FeedbackLoopMetric.compute(
                CATALOG.table("gold.feedback_loop"), "2026-10", suggestions, 5),
            "breakdown",
            "group_value");
  }

  @Test
  void theWholeBoxIsPublished() {
    Row all = cells.get("all/ALL");
    assertFalse((Boolean) all.getAs("suppressed"));
    assertEquals(12L, lng(all, "received"));
    assertEquals(3L, lng(all, "acted_on"), "S1, S3, S6");
    close(0.25, dbl(all, "acted_on_share"), EXACT, "3 of 12");
    assertEquals(4L, lng(all, "responses_published"));
    close(1 / 3.0, dbl(all, "response_published_share"), EXACT, "4 of 12");
    close(
        3.0, dbl(all, "median_days_to_response"), EXACT, "1.5, 2, 4, 6 days: middle pair 2 and 4");
    assertEquals(2L, lng(all, "rewarded"));
  }

  @Test
  void smallGroupsAndTheirComplementsAreWithheldInEachBreakdown() {
    assertEquals(
        "small_group", cells.get("channel/offline").getAs("suppression_reason"), "3 suggestions");
    assertEquals(
        "complementary",
        cells.get("channel/online").getAs("suppression_reason"),
        "with two channels, the total minus one gives the other");
    assertEquals("small_group", cells.get("category/other").getAs("suppression_reason"));
    assertEquals(
        "complementary",
        cells.get("category/tool").getAs("suppression_reason"),
        "the smallest other");
    assertEquals(
        "small_group", cells.get("department/HR").getAs("suppression_reason"), "2 suggestions");
    assertEquals(
        "complementary",
        cells.get("department/SALES").getAs("suppression_reason"),
        "SALES and unspecified both have 5; ties go by name");
    for (String key :
        List.of(
            "channel/offline",
            "channel/online",
            "category/other",
            "category/tool",
            "department/HR",
            "department/SALES")) {
      Row row = cells.get(key);
      assertTrue((Boolean) row.getAs("suppressed"), key);
      for (String figure :
          List.of(
              "received",
              "acted_on",
              "acted_on_share",
              "responses_published",
              "response_published_share",
              "median_days_to_response",
              "rewarded")) {
        assertNull(row.getAs(figure), key + " publishes " + figure);
      }
    }
  }

  @Test
  void publishedGroupsCarryTheirFigures() {
    Row process = cells.get("category/process");
    assertEquals(6L, lng(process, "received"));
    close(0.5, dbl(process, "acted_on_share"), EXACT, "3 of 6");
    close(3.0, dbl(process, "median_days_to_response"), EXACT, "same four responses");
    Row unspecified = cells.get("department/unspecified");
    assertEquals(5L, lng(unspecified, "received"), "S6 to S10 named no department");
    close(6.0, dbl(unspecified, "median_days_to_response"), EXACT, "S6 only");
    assertEquals(1L, lng(unspecified, "rewarded"));
    assertEquals(
        1 + 2 + 3 + 3, cells.size(), "all; two channels; three categories; three departments");
  }

  @Test
  void aThresholdBelowThreeIsRefused() {
    assertThrows(
        UserError.class,
        () ->
            FeedbackLoopMetric.compute(
                CATALOG.table("gold.feedback_loop"), "2026-10", suggestions, 2));
  }
}
