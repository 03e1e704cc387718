package io.commpulse.silver;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Which batch's records a month's silver takes. Items: tickets T (one record per batch they were
 * exported in), comments with replies, decisions with acknowledgements.
 */
class LateRecordsTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();

  @Test
  void aTicketBelongsToTheFirstBatchHoldingItAndTakesItsNextExport() {
    TableContract bronze = CATALOG.table("bronze.tickets");
    Dataset<Row> sep = frame(bronze, List.of(ticket("TS", "2026-09")));
    Dataset<Row> oct =
        frame(
            bronze,
            List.of(
                ticket("TS", "2026-10"), // September's ticket exported again: September's
                ticket("T1", "2026-10"),
                ticket("T2", "2026-10")));
    Dataset<Row> nov =
        frame(
            bronze,
            List.of(
                ticket("T2", "2026-11"), // October's ticket exported again: October's
                ticket("TS", "2026-11"), // two batches after September: not used
                ticket("T3", "2026-11"))); // November's own
    LateRecords rule = LateRecords.BY_SOURCE.get("tickets");
    Map<String, Long> october = counts(rule.ofMonth("2026-10", oct, nov, sep, oct), "ticket_id");
    assertEquals(Map.of("T1", 1L, "T2", 2L), october);
    Map<String, Long> november =
        counts(rule.ofMonth("2026-11", nov, frame(bronze, List.of()), oct, nov), "ticket_id");
    assertEquals(Map.of("T3", 1L), november);
    assertEquals(
        List.of("2026-10"),
        rule.ofMonth("2026-10", oct, nov, sep, oct)
            .select("month")
            .distinct()
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList(),
        "the late export is filed under the month of its ticket");
  }

  @Test
  void aReplyBelongsToTheMonthOfItsCommentOnTheSamePlatform() {
    TableContract bronze = CATALOG.table("bronze.social_comments");
    Dataset<Row> oct =
        frame(
            bronze,
            List.of(
                comment("weibo", "c1", null, "2026-10"), comment("douyin", "d1", null, "2026-10")));
    Dataset<Row> nov =
        frame(
            bronze,
            List.of(
                comment("weibo", "c1r", "c1", "2026-11"), // October's comment: October's
                comment("weibo", "d1r", "d1", "2026-11"), // d1 is a douyin id: not October's
                comment("weibo", "n1", null, "2026-11")));
    LateRecords rule = LateRecords.BY_SOURCE.get("social_comments");
    assertEquals(
        Map.of("c1", 1L, "d1", 1L, "c1r", 1L),
        counts(rule.ofMonth("2026-10", oct, nov, frame(bronze, List.of()), oct), "comment_id"));
    assertEquals(
        Map.of("d1r", 1L, "n1", 1L),
        counts(rule.ofMonth("2026-11", nov, frame(bronze, List.of()), oct, nov), "comment_id"));
  }

  @Test
  void anAcknowledgementBelongsToTheMonthItsDecisionWasListedIn() {
    TableContract acks = CATALOG.table("bronze.acknowledgements");
    TableContract decisions = CATALOG.table("bronze.decisions");
    Dataset<Row> octDecisions = frame(decisions, List.of(decision("D10", "2026-10")));
    Dataset<Row> novDecisions = frame(decisions, List.of(decision("D11", "2026-11")));
    Dataset<Row> octAcks = frame(acks, List.of(ack("D10", "E000001", "2026-10")));
    Dataset<Row> novAcks =
        frame(acks, List.of(ack("D10", "E000002", "2026-11"), ack("D11", "E000001", "2026-11")));
    LateRecords rule = LateRecords.BY_SOURCE.get("acknowledgements");
    assertEquals(
        Map.of("D10", 2L),
        counts(
            rule.ofMonth("2026-10", octAcks, novAcks, frame(decisions, List.of()), octDecisions),
            "decision_id"));
    assertEquals(
        Map.of("D11", 1L),
        counts(
            rule.ofMonth("2026-11", novAcks, frame(acks, List.of()), octDecisions, novDecisions),
            "decision_id"));
  }

  private static Map<String, Long> counts(Dataset<Row> rows, String column) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : rows.groupBy(column).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static Map<String, Object> ticket(String id, String batch) {
    return rec(
        "ticket_id",
        id,
        "channel",
        "web",
        "category",
        "service_complaint",
        "priority",
        "P2",
        "created_at",
        utc("2026-10-01T00:00:00Z"),
        "reopened_count",
        0,
        "customer_id",
        "C1",
        "updated_at",
        utc(batch + "-02T00:00:00Z"),
        "month",
        batch,
        "source_file",
        "t.csv",
        "batch_id",
        "b" + batch,
        "ingested_at",
        utc("2026-12-01T00:00:00Z"));
  }

  private static Map<String, Object> comment(
      String platform, String id, String parent, String batch) {
    return rec(
        "platform",
        platform,
        "account",
        "official",
        "comment_id",
        id,
        "parent_id",
        parent,
        "author",
        "@u",
        "is_official_reply",
        parent != null,
        "created_at",
        utc(batch + "-02T00:00:00Z"),
        "month",
        batch,
        "source_file",
        "s.jsonl",
        "batch_id",
        "b" + batch,
        "ingested_at",
        utc("2026-12-01T00:00:00Z"));
  }

  private static Map<String, Object> decision(String id, String batch) {
    return rec(
        "decision_id",
        id,
        "title_zh",
        "决定",
        "title_en",
        "Decision",
        "owner_department",
        "SALES",
        "published_at",
        utc(batch + "-02T00:00:00Z"),
        "channels",
        "email",
        "month",
        batch,
        "source_file",
        "d.csv",
        "batch_id",
        "b" + batch,
        "ingested_at",
        utc("2026-12-01T00:00:00Z"));
  }

  private static Map<String, Object> ack(String decision, String employee, String batch) {
    return rec(
        "decision_id",
        decision,
        "employee_id",
        employee,
        "aware_at",
        utc(batch + "-03T00:00:00Z"),
        "channel",
        "email",
        "month",
        batch,
        "source_file",
        "a.csv",
        "batch_id",
        "b" + batch,
        "ingested_at",
        utc("2026-12-01T00:00:00Z"));
  }
}
