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

import io.commpulse.schema.SchemaCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * gold.mistransmission: SALES 1 of 20 flagged, OPS 3 of 10, HR 0 of 100. Wilson bounds are
 * statsmodels' (jobs/src/test/reference/gold_reference.py, "MistransmissionMetricTest"); the status
 * follows from comparing those bounds with the 5% target by hand.
 */
class MistransmissionMetricTest {

  /**
   * Communication-log rows for one sending department, the first {@code flagged} of them flagged.
   */
  static List<Map<String, Object>> log(
      String department, int communications, int flagged, String prefix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < communications; i++) {
      rows.add(
          rec(
              "log_id",
              prefix + department + i,
              "logged_at",
              shanghai("2026-10-05 10:00"),
              "from_department",
              department,
              "to_department",
              "ENG",
              "channel",
              "email",
              "outcome",
              i < flagged ? "misunderstood" : "understood",
              "misinformation_flag",
              i < flagged,
              "source_timezone",
              "Asia/Shanghai",
              "month",
              "2026-10",
              "batch_id",
              "b1"));
    }
    return rows;
  }

  @Test
  void rateIntervalAndStatusPerDepartmentAndOverall() {
    SchemaCatalog catalog = SchemaCatalog.get();
    List<Map<String, Object>> rows = new ArrayList<>(log("SALES", 20, 1, "L"));
    rows.addAll(log("OPS", 10, 3, "L"));
    rows.addAll(log("HR", 100, 0, "L"));
    Map<String, Row> cells =
        byKey(
            MistransmissionMetric.compute(
                catalog.table("gold.mistransmission"),
                "2026-10",
                frame(catalog.table("silver.comm_log"), rows)),
            "department");
    assertEquals(List.of("ALL", "HR", "OPS", "SALES"), List.copyOf(cells.keySet()));

    Row sales = cells.get("SALES");
    assertEquals(20L, lng(sales, "communications"));
    assertEquals(1L, lng(sales, "flagged"));
    close(0.05, dbl(sales, "rate"), EXACT, "1 of 20");
    close(0.008881448800795402, dbl(sales, "ci_low"), EXACT, "wilson(1, 20) low");
    close(0.2361311934467421, dbl(sales, "ci_high"), EXACT, "wilson(1, 20) high");
    assertEquals(
        "at_risk",
        sales.getAs("status"),
        "0.0089 < 5% <= 0.236: the interval straddles the target");

    Row ops = cells.get("OPS");
    close(0.3, dbl(ops, "rate"), EXACT, "3 of 10");
    close(0.10779126740630104, dbl(ops, "ci_low"), EXACT, "wilson(3, 10) low");
    assertEquals("missed", ops.getAs("status"), "even the lower bound 0.108 is above 5%");

    Row hr = cells.get("HR");
    close(0.0, dbl(hr, "rate"), EXACT, "0 of 100");
    close(0.03699349820698569, dbl(hr, "ci_high"), EXACT, "wilson(0, 100) high");
    assertEquals("met", hr.getAs("status"), "the upper bound 0.037 is below 5%");

    Row all = cells.get("ALL");
    assertEquals(130L, lng(all, "communications"));
    assertEquals(4L, lng(all, "flagged"));
    close(4 / 130.0, dbl(all, "rate"), EXACT, "4 of 130");
    close(0.012029284314737917, dbl(all, "ci_low"), EXACT, "wilson(4, 130) low");
    close(0.07644448849849773, dbl(all, "ci_high"), EXACT, "wilson(4, 130) high");
    close(0.05, dbl(all, "target"), EXACT, "target");
    assertEquals("at_risk", all.getAs("status"));
  }
}
