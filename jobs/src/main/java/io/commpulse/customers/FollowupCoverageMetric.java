package io.commpulse.customers;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.DataCutoff;
import io.commpulse.schema.TableContract;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.followup_coverage}: the after-sales follow-up plan of the month per customer segment.
 */
public final class FollowupCoverageMetric {
  /** A follow-up done up to this many days after its planned day still counts as on time. */
  public static final int GRACE_DAYS = 7;

  private FollowupCoverageMetric() {}

  public static Dataset<Row> compute(
      TableContract table, String month, Dataset<Row> followups, DataCutoff cutoff) {
    Column done = col("done_at").isNotNull();
    Column doneDay = to_date(from_utc_timestamp(col("done_at"), col("source_timezone")));
    Column issue = col("issue_category");
    List<Row> cells =
        followups
            .withColumn("is_done", when(done, 1).otherwise(0))
            .withColumn(
                "is_on_time",
                when(done.and(doneDay.leq(date_add(col("planned_date"), GRACE_DAYS))), 1)
                    .otherwise(0))
            .withColumn("is_issue", when(issue.isNotNull(), 1).otherwise(0))
            .withColumn("is_suggestion", when(issue.equalTo("product_suggestion"), 1).otherwise(0))
            .withColumn("is_complaint", when(issue.equalTo("service_complaint"), 1).otherwise(0))
            .withColumn("is_support", when(issue.equalTo("technical_support"), 1).otherwise(0))
            .withColumn(
                "is_closed",
                when(issue.isNotNull().and(col("improvement_communicated_at").isNotNull()), 1)
                    .otherwise(0))
            .rollup(col("segment"))
            .agg(
                count(lit(1)).as("planned"),
                sum("is_done").as("done"),
                sum("is_on_time").as("on_time"),
                sum("is_issue").as("issues"),
                sum("is_suggestion").as("suggestions"),
                sum("is_complaint").as("complaints"),
                sum("is_support").as("support"),
                sum("is_closed").as("closed"))
            .withColumn("segment", coalesce(col("segment"), lit(ALL)))
            .collectAsList();
    List<FollowupCoverageRow> rows = new ArrayList<>();
    for (Row cell : cells) {
      if (Cells.lng(cell, "planned") > 0) {
        rows.add(row(month, cell, cutoff));
      }
    }
    return ContractRows.fromRecords(followups.sparkSession(), table, rows);
  }

  private static FollowupCoverageRow row(String month, Row cell, DataCutoff cutoff) {
    long planned = Cells.lng(cell, "planned");
    long done = Cells.lng(cell, "done");
    long onTime = Cells.lng(cell, "on_time");
    long issues = Cells.lng(cell, "issues");
    long closed = Cells.lng(cell, "closed");
    Interval doneCi = Interval.wilson(done, planned);
    return new FollowupCoverageRow(
        month,
        Cells.str(cell, "segment"),
        planned,
        done,
        Cells.ratio(done, planned),
        doneCi == null ? null : doneCi.low(),
        doneCi == null ? null : doneCi.high(),
        onTime,
        Cells.ratio(onTime, planned),
        issues,
        Cells.lng(cell, "suggestions"),
        Cells.lng(cell, "complaints"),
        Cells.lng(cell, "support"),
        closed,
        Cells.ratio(closed, issues),
        cutoff.throughTimestamp(),
        cutoff.state());
  }
}
