package io.commpulse.social;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.Hours;
import io.commpulse.metrics.Hours.Resolution;
import io.commpulse.metrics.Hours.Reversed;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.social_response}: how fast official accounts answer inbound comments, per platform. */
public final class SocialResponseMetric {
  public static final double TARGET_HOURS = 24.0;

  private SocialResponseMetric() {}

  /** Inbound comments with the hours to their earliest official reply (null when unanswered). */
  public static Dataset<Row> inboundWithReplies(Dataset<Row> comments) {
    Dataset<Row> inbound = comments.where(col("parent_id").isNull().and(col("is_official_reply").equalTo(false)));
    Dataset<Row> replies = comments.where(col("parent_id").isNotNull().and(col("is_official_reply").equalTo(true)))
        .groupBy(col("platform").as("r_platform"), col("parent_id").as("r_parent"))
        .agg(min("created_at").as("replied_at"));
    return inbound.join(replies, inbound.col("platform").equalTo(replies.col("r_platform"))
            .and(inbound.col("comment_id").equalTo(replies.col("r_parent"))), "left")
        .withColumn("reply_hours",
            Hours.between(col("created_at"), col("replied_at"), Resolution.SECONDS, Reversed.NULL))
        .withColumn("is_replied", when(col("reply_hours").isNotNull(), 1).otherwise(0))
        .withColumn("is_replied_24h", when(col("reply_hours").leq(TARGET_HOURS), 1).otherwise(0))
        .withColumn("is_negative", when(col("sentiment").equalTo("negative"), 1).otherwise(0));
  }

  public static Dataset<Row> compute(TableContract table, String month, Dataset<Row> comments) {
    Dataset<Row> inbound = inboundWithReplies(comments);
    Dataset<Row> cells = inbound.rollup(col("platform"))
        .agg(count(lit(1)).as("inbound"), sum("is_replied").as("replied"), sum("is_replied_24h").as("replied_24h"),
            expr("percentile(reply_hours, 0.5)").as("median"),
            sum("is_negative").as("negative"),
            sum(when(col("is_negative").equalTo(1), col("is_replied_24h"))).as("negative_24h"),
            expr("percentile(CASE WHEN is_negative = 1 THEN reply_hours END, 0.5)").as("negative_median"));
    KpiRegistry.Kpi kpi = SchemaCatalog.get().kpis().kpi("social_replied_24h_share");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row cell : cells.collectAsList()) {
      long n = Cells.lng(cell, "inbound");
      long within = Cells.lng(cell, "replied_24h");
      long negative = Cells.lng(cell, "negative");
      Interval ci = Interval.wilson(within, n);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", month);
      row.put("platform", cell.isNullAt(0) ? ALL : cell.getString(0));
      row.put("inbound", n);
      row.put("replied", Cells.lng(cell, "replied"));
      row.put("replied_24h", within);
      row.put("replied_24h_share", Cells.ratio(within, n));
      row.put("replied_24h_ci_low", ci == null ? null : ci.low());
      row.put("replied_24h_ci_high", ci == null ? null : ci.high());
      row.put("target", kpi.target());
      row.put("status", KpiStatus.codeFor(kpi, Cells.ratio(within, n), ci));
      row.put("median_reply_hours", Cells.dbl(cell, "median"));
      row.put("negative_inbound", negative);
      row.put("negative_replied_24h_share", Cells.ratio(Cells.lng(cell, "negative_24h"), negative));
      row.put("negative_median_reply_hours", Cells.dbl(cell, "negative_median"));
      rows.add(row);
    }
    return ContractRows.toDataFrame(comments.sparkSession(), table, rows);
  }
}
