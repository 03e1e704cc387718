package io.commpulse.experiments;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.PipelineRuns;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The monthly pipeline on a generated month (the shared run of {@link PipelineRuns}: the
 * generator's default seed, {@code run} on the command line) fills {@code gold.ab_results}, and the
 * scorecard counts the decided experiment. At scale 0.05 each experiment has 5,000 units split
 * 50/50; in EXP-ACK-WECOM the generator raises the 48-hour acknowledgement rate from 0.62 to 0.68
 * (z ≈ 4.4 at 2,500 units per arm), cuts hours to acknowledge by 20% and lifts clarity by 0.25
 * levels; EXP-DIGEST-FORMAT has no effect.
 */
class AbResultsPipelineTest {

  private static final String MONTH = "2026-10";

  @Test
  void monthlyRunFillsAbResultsAndTheScorecard() {
    Path lakeRoot = PipelineRuns.local(YearMonth.parse(MONTH), 0.05, 7).lake();

    SchemaCatalog catalog = SchemaCatalog.get();
    Lake lake = new Lake(TestSpark.session(), lakeRoot.toString());
    List<Row> rows =
        lake.readMonth(catalog.table("gold.ab_results"), MONTH)
            .orderBy("experiment_id", "metric")
            .collectAsList();
    assertEquals(6, rows.size(), "two experiments x three metrics x one variant");

    Map<String, String> wecom = decisions(rows, "EXP-ACK-WECOM");
    assertEquals(
        "winner", wecom.get("acknowledged_48h"), "WeCom raises acknowledgement within 48 h");
    assertEquals(
        "winner",
        wecom.get("hours_to_ack"),
        "WeCom cuts hours to acknowledge, and lower is better");
    Map<String, String> digest = decisions(rows, "EXP-DIGEST-FORMAT");
    assertFalse(digest.containsValue("winner"), () -> "no effect was generated: " + digest);
    assertFalse(digest.containsValue("loser"), () -> "no effect was generated: " + digest);

    for (Row r : rows) {
      assertEquals(MONTH, r.getAs("month"));
      assertEquals("control", r.getAs("control_variant"));
      assertFalse((boolean) r.getAs("srm_flag"), "the generator splits 50/50");
      assertEquals(0.5, (double) r.getAs("control_split_weight"), 1e-12);
      assertEquals(0L, (long) r.getAs("multi_variant_units_excluded"));
      String metric = r.getAs("metric");
      if (metric.equals("hours_to_ack")) {
        assertEquals("pre_period_hours_to_ack", r.getAs("cuped_covariate"));
        assertEquals("welch_t_test_cuped", r.getAs("test"));
        assertTrue(
            (double) r.getAs("variance_reduction") > 0.1,
            "the pre-period habit explains much of the hours");
      }
      assertEquals(
          Map.of(
                  "acknowledged_48h",
                  "two_proportion_z_test",
                  "hours_to_ack",
                  "welch_t_test_cuped",
                  "clarity_rating",
                  "mann_whitney_u")
              .get(metric),
          r.getAs("test"));
    }
    assertEquals(
        5000L,
        rows.stream()
            .filter(r -> "EXP-ACK-WECOM".equals(r.getAs("experiment_id")))
            .mapToLong(
                r ->
                    (long) r.getAs("control_assigned_units")
                        + (long) r.getAs("variant_assigned_units"))
            .findFirst()
            .orElseThrow());

    Row decided =
        lake.readMonth(catalog.table("gold.kpi_scorecard"), MONTH)
            .where(col("kpi").equalTo("channel_experiments_decided"))
            .first();
    assertEquals(1.0, (double) decided.getAs("actual"), "one experiment has a winner");
    assertEquals("gold.ab_results", decided.getAs("details"));
  }

  private static Map<String, String> decisions(List<Row> rows, String experiment) {
    return rows.stream()
        .filter(r -> experiment.equals(r.getAs("experiment_id")))
        .collect(Collectors.toMap(r -> r.getAs("metric"), r -> r.getAs("decision")));
  }
}
