package io.commpulse.feedback;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.Percentiles;
import io.commpulse.schema.TableContract;
import io.commpulse.surveys.Anonymity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.feedback_loop}: what the anonymous suggestion box received in the month and what
 * became of it, overall and per channel, category and named department, with the survey's anonymity
 * rules.
 */
public final class FeedbackLoopMetric {
  public static final String UNSPECIFIED = "unspecified";
  private static final Map<String, Column> BREAKDOWNS = new LinkedHashMap<>();

  static {
    BREAKDOWNS.put("all", lit(ALL));
    BREAKDOWNS.put("channel", col("channel"));
    BREAKDOWNS.put("category", col("category"));
    BREAKDOWNS.put("department", coalesce(col("department"), lit(UNSPECIFIED)));
  }

  private FeedbackLoopMetric() {}

  public static Dataset<Row> compute(
      TableContract table, String month, Dataset<Row> suggestions, int minGroup) {
    Anonymity.checkedThreshold(minGroup);
    Dataset<Row> flagged =
        suggestions
            .withColumn("is_acted_on", when(col("status").equalTo("acted_on"), 1).otherwise(0))
            .withColumn(
                "is_published", when(col("response_published_at").isNotNull(), 1).otherwise(0))
            .withColumn("is_rewarded", when(col("rewarded").equalTo(true), 1).otherwise(0))
            .withColumn(
                "days_to_response",
                col("response_published_at")
                    .cast("double")
                    .minus(col("submitted_at").cast("double"))
                    .divide(86_400.0));
    List<FeedbackLoopRow> rows = new ArrayList<>();
    for (Map.Entry<String, Column> breakdown : BREAKDOWNS.entrySet()) {
      List<Row> cells =
          flagged
              .groupBy(breakdown.getValue().as("group_value"))
              .agg(
                  count(lit(1)).as("received"),
                  sum("is_acted_on").as("acted_on"),
                  sum("is_published").as("published"),
                  Percentiles.median(col("days_to_response")).as("median_days"),
                  sum("is_rewarded").as("rewarded"))
              .collectAsList();
      Map<String, Long> sizes = new HashMap<>();
      cells.forEach(c -> sizes.put(Cells.str(c, "group_value"), Cells.lng(c, "received")));
      Map<String, Anonymity.Reason> withheld =
          breakdown.getKey().equals("all")
              ? sizes.getOrDefault(ALL, 0L) < minGroup
                  ? Map.of(ALL, Anonymity.Reason.SMALL_GROUP)
                  : Map.of()
              : Anonymity.suppress(sizes, minGroup);
      for (Row cell : cells) {
        rows.add(
            row(month, breakdown.getKey(), cell, withheld.get(Cells.str(cell, "group_value"))));
      }
    }
    return ContractRows.fromRecords(suggestions.sparkSession(), table, rows);
  }

  private static FeedbackLoopRow row(
      String month, String breakdown, Row cell, Anonymity.Reason withheld) {
    String group = Cells.str(cell, "group_value");
    if (withheld != null) {
      return new FeedbackLoopRow(
          month,
          breakdown,
          group,
          true,
          withheld.name().toLowerCase(),
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    long received = Cells.lng(cell, "received");
    long actedOn = Cells.lng(cell, "acted_on");
    long published = Cells.lng(cell, "published");
    return new FeedbackLoopRow(
        month,
        breakdown,
        group,
        false,
        null,
        received,
        actedOn,
        Cells.ratio(actedOn, received),
        published,
        Cells.ratio(published, received),
        Cells.dbl(cell, "median_days"),
        Cells.lng(cell, "rewarded"));
  }
}
