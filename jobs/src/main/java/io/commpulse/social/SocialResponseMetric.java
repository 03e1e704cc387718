package io.commpulse.social;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.DataCutoff;
import io.commpulse.metrics.Hours;
import io.commpulse.metrics.Hours.Resolution;
import io.commpulse.metrics.Hours.Reversed;
import io.commpulse.metrics.Percentiles;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.social_response}: how fast official accounts answer inbound comments, per platform.
 */
public final class SocialResponseMetric {
  public static final double TARGET_HOURS = 24.0;

  private SocialResponseMetric() {}

  /**
   * Inbound comments with the hours to their earliest official reply (null when unanswered), and
   * whether an unanswered comment's 24-hour window is still open at the cut-off (pending).
   */
  public static Dataset<Row> inboundWithReplies(Dataset<Row> comments, DataCutoff cutoff) {
    Dataset<Row> inbound =
        comments.where(col("parent_id").isNull().and(col("is_official_reply").equalTo(false)));
    Dataset<Row> replies =
        comments
            .where(col("parent_id").isNotNull().and(col("is_official_reply").equalTo(true)))
            .groupBy(col("platform").as("r_platform"), col("parent_id").as("r_parent"))
            .agg(min("created_at").as("replied_at"));
    return inbound
        .join(
            replies,
            inbound
                .col("platform")
                .equalTo(replies.col("r_platform"))
                .and(inbound.col("comment_id").equalTo(replies.col("r_parent"))),
            "left")
        .withColumn(
            "reply_hours",
            Hours.between(col("created_at"), col("replied_at"), Resolution.SECONDS, Reversed.NULL))
        .withColumn("is_replied", when(col("reply_hours").isNotNull(), 1).otherwise(0))
        .withColumn("is_replied_24h", when(col("reply_hours").leq(TARGET_HOURS), 1).otherwise(0))
        .withColumn(
            "is_pending", cutoff.pending(col("reply_hours"), col("created_at"), TARGET_HOURS))
        .withColumn("is_negative", when(col("sentiment").equalTo("negative"), 1).otherwise(0));
  }

  /**
   * The month's rows. The 24-hour shares count a comment once its window has closed by the cut-off
   * or it was answered; comments still pending are counted in {@code inbound} and {@code pending}
   * only.
   */
  public static Dataset<Row> compute(
      TableContract table, String month, Dataset<Row> comments, DataCutoff cutoff) {
    Dataset<Row> inbound = inboundWithReplies(comments, cutoff);
    Dataset<Row> cells =
        inbound
            .rollup(col("platform"))
            .agg(
                count(lit(1)).as("inbound"),
                sum("is_replied").as("replied"),
                sum("is_replied_24h").as("replied_24h"),
                sum("is_pending").as("pending"),
                Percentiles.median(col("reply_hours")).as("median"),
                sum("is_negative").as("negative"),
                sum(when(col("is_negative").equalTo(1), col("is_replied_24h"))).as("negative_24h"),
                sum(when(col("is_negative").equalTo(1), col("is_pending"))).as("negative_pending"),
                Percentiles.median(when(col("is_negative").equalTo(1), col("reply_hours")))
                    .as("negative_median"));
    KpiRegistry.Kpi kpi = SchemaCatalog.get().kpis().kpi("social_replied_24h_share");
    List<SocialResponseRow> rows = new ArrayList<>();
    for (Row cell : cells.collectAsList()) {
      long n = Cells.lng(cell, "inbound");
      long within = Cells.lng(cell, "replied_24h");
      long pending = Cells.lng(cell, "pending");
      long negative = Cells.lng(cell, "negative");
      long negativeClosed = negative - Cells.lng(cell, "negative_pending");
      Double share = Cells.ratio(within, n - pending);
      Interval ci = Interval.wilson(within, n - pending);
      rows.add(
          new SocialResponseRow(
              month,
              cell.isNullAt(0) ? ALL : cell.getString(0),
              n,
              Cells.lng(cell, "replied"),
              within,
              share,
              ci == null ? null : ci.low(),
              ci == null ? null : ci.high(),
              kpi.target(),
              KpiStatus.codeFor(kpi, share, ci),
              Cells.dbl(cell, "median"),
              negative,
              Cells.ratio(Cells.lng(cell, "negative_24h"), negativeClosed),
              Cells.dbl(cell, "negative_median"),
              pending,
              cutoff.throughTimestamp(),
              cutoff.state()));
    }
    return ContractRows.fromRecords(comments.sparkSession(), table, rows);
  }
}
