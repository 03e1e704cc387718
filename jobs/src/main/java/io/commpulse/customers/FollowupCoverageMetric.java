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
import io.commpulse.schema.TableContract;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.followup_coverage}: the after-sales follow-up plan of the month per customer segment. */
public final class FollowupCoverageMetric {
  /** A follow-up done up to this many days after its planned day still counts as on time. */
  public static final int GRACE_DAYS = 7;

  private FollowupCoverageMetric() {}

  public static Dataset<Row> compute(TableContract table, String month, Dataset<Row> followups) {
    Column done = col("done_at").isNotNull();
    Column doneDay = to_date(from_utc_timestamp(col("done_at"), col("source_timezone")));
    Column issue = col("issue_category");
    List<Row> cells = followups
        .withColumn("is_done", when(done, 1).otherwise(0))
        .withColumn("is_on_time", when(done.and(doneDay.leq(date_add(col("planned_date"), GRACE_DAYS))), 1).otherwise(0))
        .withColumn("is_issue", when(issue.isNotNull(), 1).otherwise(0))
        .withColumn("is_suggestion", when(issue.equalTo("product_suggestion"), 1).otherwise(0))
        .withColumn("is_complaint", when(issue.equalTo("service_complaint"), 1).otherwise(0))
        .withColumn("is_support", when(issue.equalTo("technical_support"), 1).otherwise(0))
        .withColumn("is_closed", when(issue.isNotNull().and(col("improvement_communicated_at").isNotNull()), 1)
            .otherwise(0))
        .rollup(col("segment"))
        .agg(count(lit(1)).as("planned"), sum("is_done").as("done"), sum("is_on_time").as("on_time"),
            sum("is_issue").as("issues"), sum("is_suggestion").as("suggestions"),
            sum("is_complaint").as("complaints"), sum("is_support").as("support"), sum("is_closed").as("closed"))
        .withColumn("segment", coalesce(col("segment"), lit(ALL)))
        .collectAsList();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row cell : cells) {
      if (Cells.lng(cell, "planned") > 0) {
        rows.add(row(month, cell));
      }
    }
    return ContractRows.toDataFrame(followups.sparkSession(), table, rows);
  }

  private static Map<String, Object> row(String month, Row cell) {
    long planned = Cells.lng(cell, "planned");
    long done = Cells.lng(cell, "done");
    long issues = Cells.lng(cell, "issues");
    Interval doneCi = Interval.wilson(done, planned);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("month", month);
    row.put("segment", Cells.str(cell, "segment"));
    row.put("planned", planned);
    row.put("done", done);
    row.put("done_share", Cells.ratio(done, planned));
    row.put("done_ci_low", doneCi == null ? null : doneCi.low());
    row.put("done_ci_high", doneCi == null ? null : doneCi.high());
    row.put("on_time", Cells.lng(cell, "on_time"));
    row.put("on_time_share", Cells.ratio(Cells.lng(cell, "on_time"), planned));
    row.put("issues_found", issues);
    row.put("product_suggestions", Cells.lng(cell, "suggestions"));
    row.put("service_complaints", Cells.lng(cell, "complaints"));
    row.put("technical_support", Cells.lng(cell, "support"));
    row.put("improvements_communicated", Cells.lng(cell, "closed"));
    row.put("closed_loop_share", Cells.ratio(Cells.lng(cell, "closed"), issues));
    return row;
  }
}
