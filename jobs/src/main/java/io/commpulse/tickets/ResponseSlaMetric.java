package io.commpulse.tickets;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.DataCutoff;
import io.commpulse.metrics.Hours;
import io.commpulse.metrics.Hours.Resolution;
import io.commpulse.metrics.Hours.Reversed;
import io.commpulse.metrics.Percentiles;
import io.commpulse.schema.TableContract;
import io.commpulse.stats.Interval;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code gold.response_sla}: first human reply times of customer tickets, by channel x category x
 * priority.
 */
public final class ResponseSlaMetric {
  public static final double TARGET_HOURS = 24.0;

  private ResponseSlaMetric() {}

  /**
   * Per-ticket durations: calendar and business hours to first human reply, hours to resolution.
   */
  public static Dataset<Row> durations(Dataset<Row> tickets, BusinessCalendar calendar) {
    UDF2<Timestamp, Timestamp, Double> business =
        (from, to) ->
            from == null || to == null
                ? null
                : calendar.hoursBetween(from.toInstant(), to.toInstant());
    UserDefinedFunction businessHours =
        functions.udf(business, DataTypes.DoubleType).withName("business_hours");
    Column reply = col("first_human_reply_at");
    return tickets
        .withColumn(
            "reply_hours",
            Hours.between(col("created_at"), reply, Resolution.SECONDS, Reversed.NULL))
        .withColumn("reply_business_hours", businessHours.apply(col("created_at"), reply))
        .withColumn(
            "resolution_hours",
            Hours.between(col("created_at"), col("resolved_at"), Resolution.SECONDS, Reversed.NULL))
        .withColumn("is_replied", when(col("reply_hours").isNotNull(), 1).otherwise(0))
        .withColumn("is_within_24h", when(col("reply_hours").leq(TARGET_HOURS), 1).otherwise(0))
        .withColumn("is_bot_first", when(col("first_reply_by_bot").equalTo(true), 1).otherwise(0))
        .withColumn("is_reopened", when(col("reopened_count").gt(0), 1).otherwise(0))
        .withColumn("is_csat_top2", when(col("csat").geq(4), 1).when(col("csat").isNotNull(), 0));
  }

  /**
   * The month's rows. The 24-hour share counts a ticket once its window has closed by the cut-off
   * or it was answered; tickets still pending are counted in {@code tickets} and {@code pending}
   * only.
   */
  public static Dataset<Row> compute(
      TableContract table,
      String month,
      Dataset<Row> tickets,
      BusinessCalendar calendar,
      DataCutoff cutoff) {
    Dataset<Row> cells =
        durations(tickets, calendar)
            .withColumn(
                "is_pending", cutoff.pending(col("reply_hours"), col("created_at"), TARGET_HOURS))
            .cube(col("channel"), col("category"), col("priority"))
            .agg(
                count(lit(1)).as("tickets"),
                sum("is_replied").as("replied"),
                avg("reply_hours").as("mean"),
                stddev_samp("reply_hours").as("sd"),
                Percentiles.exact(col("reply_hours"), 0.5, 0.9).as("reply_quantiles"),
                avg("reply_business_hours").as("b_mean"),
                Percentiles.exact(col("reply_business_hours"), 0.5, 0.9).as("b_quantiles"),
                sum("is_within_24h").as("within"),
                sum("is_pending").as("pending"),
                sum("is_bot_first").as("bots"),
                Percentiles.median(col("resolution_hours")).as("resolution_median"),
                avg("is_reopened").as("reopen_rate"),
                count("is_csat_top2").as("csat_n"),
                avg("is_csat_top2").as("csat_top2"))
            .withColumn("median", col("reply_quantiles").getItem(0))
            .withColumn("p90", col("reply_quantiles").getItem(1))
            .withColumn("b_median", col("b_quantiles").getItem(0))
            .withColumn("b_p90", col("b_quantiles").getItem(1))
            .withColumn("channel", coalesce(col("channel"), lit(ALL)))
            .withColumn("category", coalesce(col("category"), lit(ALL)))
            .withColumn("priority", coalesce(col("priority"), lit(ALL)));
    List<ResponseSlaRow> rows = new ArrayList<>();
    for (Row cell : cells.collectAsList()) {
      rows.add(row(month, cell, cutoff));
    }
    return ContractRows.fromRecords(tickets.sparkSession(), table, rows);
  }

  private static ResponseSlaRow row(String month, Row cell, DataCutoff cutoff) {
    long tickets = Cells.lng(cell, "tickets");
    long replied = Cells.lng(cell, "replied");
    long within = Cells.lng(cell, "within");
    long pending = Cells.lng(cell, "pending");
    Double mean = Cells.dbl(cell, "mean");
    Double sd = Cells.dbl(cell, "sd");
    Interval meanCi = mean == null || sd == null ? null : Interval.studentT(replied, mean, sd);
    Interval withinCi = Interval.wilson(within, tickets - pending);
    return new ResponseSlaRow(
        month,
        Cells.str(cell, "channel"),
        Cells.str(cell, "category"),
        Cells.str(cell, "priority"),
        tickets,
        replied,
        mean,
        meanCi == null ? null : meanCi.low(),
        meanCi == null ? null : meanCi.high(),
        Cells.dbl(cell, "median"),
        Cells.dbl(cell, "p90"),
        Cells.dbl(cell, "b_mean"),
        Cells.dbl(cell, "b_median"),
        Cells.dbl(cell, "b_p90"),
        within,
        Cells.ratio(within, tickets - pending),
        withinCi == null ? null : withinCi.low(),
        withinCi == null ? null : withinCi.high(),
        Cells.lng(cell, "bots"),
        Cells.dbl(cell, "resolution_median"),
        Cells.dbl(cell, "reopen_rate"),
        Cells.lng(cell, "csat_n"),
        Cells.dbl(cell, "csat_top2"),
        pending,
        cutoff.throughTimestamp(),
        cutoff.state());
  }
}
