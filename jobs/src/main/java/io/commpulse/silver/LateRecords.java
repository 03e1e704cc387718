package io.commpulse.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which month a record belongs to when an item's records span batches. An item (a ticket, a
 * follow-up, a top-level comment and its replies, a decision's acknowledgements) belongs to the
 * month of the earliest batch that holds it. A record of the following batch about an item of the
 * month (a later export of a ticket, a reply, an acknowledgement of the month's decision) is used
 * for the month, under the month's partition; a record about an item of the previous batch moves
 * there. Records arriving two or more batches after their item are not used.
 *
 * @param anchorSource the bronze source whose rows establish which items a batch holds
 * @param item the item a record is about
 * @param anchor the item a row of {@code anchorSource} establishes
 */
public record LateRecords(String anchorSource, Column item, Column anchor) {
  private static final String ITEM = "_item";

  /** The sources whose items can get records in a later batch, by bronze source. */
  public static final Map<String, LateRecords> BY_SOURCE =
      Map.of(
          "tickets",
          new LateRecords("tickets", col("ticket_id"), col("ticket_id")),
          "followups",
          new LateRecords("followups", col("followup_id"), col("followup_id")),
          "social_comments",
          new LateRecords(
              "social_comments",
              concat_ws("/", col("platform"), coalesce(col("parent_id"), col("comment_id"))),
              concat_ws("/", col("platform"), col("comment_id"))),
          "acknowledgements",
          new LateRecords("decisions", col("decision_id"), col("decision_id")));

  /**
   * The records of {@code month}: the month's own batch without records about items of the previous
   * batch, plus the records of the following batch about items of the month.
   *
   * @param own the bronze rows of the month's batch
   * @param next the bronze rows of the following batch
   * @param previousAnchors the rows of {@link #anchorSource} in the previous batch
   * @param ownAnchors the rows of {@link #anchorSource} in the month's batch
   */
  public Dataset<Row> ofMonth(
      String month,
      Dataset<Row> own,
      Dataset<Row> next,
      Dataset<Row> previousAnchors,
      Dataset<Row> ownAnchors) {
    Dataset<Row> earlier = items(previousAnchors);
    Dataset<Row> ofMonth = items(ownAnchors);
    Dataset<Row> kept = withoutItemsOf(own.withColumn(ITEM, item), earlier);
    Dataset<Row> late =
        withoutItemsOf(
                next.withColumn(ITEM, item)
                    .join(ofMonth, col(ITEM).equalTo(ofMonth.col("anchor")), "left_semi"),
                earlier)
            .withColumn("month", lit(month));
    return kept.unionByName(late).drop(ITEM);
  }

  private Dataset<Row> items(Dataset<Row> anchors) {
    return anchors.select(anchor.as("anchor")).distinct();
  }

  private static Dataset<Row> withoutItemsOf(Dataset<Row> rows, Dataset<Row> items) {
    return rows.join(items, rows.col(ITEM).equalTo(items.col("anchor")), "left_anti");
  }
}
