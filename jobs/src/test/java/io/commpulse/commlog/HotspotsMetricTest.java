package io.commpulse.commlog;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gold.hotspots: every count, share, rank and change below is counted by hand from the fixture. */
class HotspotsMetricTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final TableContract GOLD = CATALOG.table("gold.hotspots");
  private static Dataset<Row> log;
  private static Dataset<Row> tickets;

  @BeforeAll
  static void fixture() {
    // Internal problems: process 5, skill 3, tool 3, and 4 entries without a problem.
    List<Map<String, Object>> entries = new ArrayList<>();
    int id = 0;
    for (Object[] c : new Object[][] {{"process", 5}, {"skill", 3}, {"tool", 3}, {null, 4}}) {
      for (int i = 0; i < (int) c[1]; i++) {
        entries.add(
            rec(
                "log_id",
                "L" + id++,
                "logged_at",
                shanghai("2026-10-05 10:00"),
                "from_department",
                "OPS",
                "to_department",
                "ENG",
                "channel",
                "email",
                "outcome",
                "understood",
                "misinformation_flag",
                c[0] != null,
                "problem_category",
                c[0],
                "source_timezone",
                "Asia/Shanghai",
                "month",
                "2026-10",
                "batch_id",
                "b1"));
      }
    }
    log = frame(CATALOG.table("silver.comm_log"), entries);
    // Customer issues: service_complaint 4, product_suggestion 2, technical_support 2.
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] c :
        new Object[][] {
          {"service_complaint", 4}, {"technical_support", 2}, {"product_suggestion", 2}
        }) {
      for (int i = 0; i < (int) c[1]; i++) {
        rows.add(
            rec(
                "ticket_id",
                "T" + id++,
                "channel",
                "phone",
                "category",
                c[0],
                "priority",
                "P3",
                "created_at",
                shanghai("2026-10-05 10:00"),
                "reopened_count",
                0,
                "customer_key",
                "k",
                "updated_at",
                shanghai("2026-10-05 10:00"),
                "source_timezone",
                "Asia/Shanghai",
                "month",
                "2026-10",
                "batch_id",
                "b1"));
      }
    }
    tickets = frame(CATALOG.table("silver.tickets"), rows);
  }

  @Test
  void rankedByCountWithTiesAlphabetical() {
    Map<String, Row> cells =
        byKey(
            HotspotsMetric.compute(GOLD, "2026-10", log, tickets, frame(GOLD, List.of())),
            "domain",
            "category");
    assertEquals(6, cells.size(), "entries without a problem category are not a category");
    assertRank(cells.get("internal/process"), 1, 5, 5 / 11.0);
    assertRank(cells.get("internal/skill"), 2, 3, 3 / 11.0);
    assertRank(cells.get("internal/tool"), 3, 3, 3 / 11.0);
    assertRank(cells.get("customer/service_complaint"), 1, 4, 0.5);
    assertRank(cells.get("customer/product_suggestion"), 2, 2, 0.25);
    assertRank(cells.get("customer/technical_support"), 3, 2, 0.25);
    for (Row row : cells.values()) {
      assertNull(row.getAs("previous_count"), "no previous month in the lake");
      assertNull(row.getAs("change"));
      assertNull(row.getAs("change_share"));
    }
  }

  @Test
  void monthOverMonthChange() {
    Dataset<Row> september =
        frame(
            GOLD,
            List.of(
                previous("internal", "process", 4),
                previous("internal", "skill", 3),
                previous("customer", "service_complaint", 5),
                previous("customer", "technical_support", 1),
                previous("customer", "product_suggestion", 4)));
    Map<String, Row> cells =
        byKey(
            HotspotsMetric.compute(GOLD, "2026-10", log, tickets, september), "domain", "category");
    assertChange(cells.get("internal/process"), 4, 1, 0.25);
    assertChange(cells.get("internal/skill"), 3, 0, 0.0);
    assertChange(
        cells.get("internal/tool"), 0, 3, null); // new this month: no relative change from 0
    assertChange(cells.get("customer/service_complaint"), 5, -1, -0.2);
    assertChange(cells.get("customer/technical_support"), 1, 1, 1.0);
    assertChange(cells.get("customer/product_suggestion"), 4, -2, -0.5);
  }

  private static Map<String, Object> previous(String domain, String category, long count) {
    return rec(
        "month",
        "2026-09",
        "domain",
        domain,
        "category",
        category,
        "count",
        count,
        "share",
        0.0,
        "rank",
        1);
  }

  private static void assertRank(Row row, int rank, long count, double share) {
    assertEquals(rank, (int) row.getAs("rank"), row.toString());
    assertEquals(count, lng(row, "count"), row.toString());
    close(share, dbl(row, "share"), EXACT, row.toString());
  }

  private static void assertChange(Row row, long before, long change, Double changeShare) {
    assertEquals(before, lng(row, "previous_count"), row.toString());
    assertEquals(change, lng(row, "change"), row.toString());
    if (changeShare == null) {
      assertNull(row.getAs("change_share"), row.toString());
    } else {
      close(changeShare, dbl(row, "change_share"), EXACT, row.toString());
    }
  }
}
