package io.commpulse.tickets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.experiments.BinarySample;
import io.commpulse.experiments.TwoProportionZTest;
import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.Hours;
import io.commpulse.metrics.Hours.Resolution;
import io.commpulse.metrics.Hours.Reversed;
import io.commpulse.metrics.Percentiles;
import io.commpulse.schema.TableContract;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code gold.automation_candidates}: ticket kinds (category x channel) ranked by volume, with how
 * the chatbot does on them today and the hours an agent taking over a share of them would save.
 */
public final class AutomationCandidatesMetric {
  /** Share of the human-handled tickets the model assumes an AI agent could take over. */
  public static final double AUTOMATION_SHARE = 0.3;

  static final double SIGNIFICANCE = 0.05;

  private AutomationCandidatesMetric() {}

  public static Dataset<Row> compute(TableContract table, String month, Dataset<Row> tickets) {
    Column botFirst = col("first_reply_by_bot").equalTo(true);
    Column humanFirst = col("first_reply_by_bot").equalTo(false);
    Column top2 = when(col("csat").geq(4), 1).otherwise(0);
    Dataset<Row> flagged =
        tickets
            .withColumn(
                "is_repeat",
                when(
                        row_number()
                            .over(
                                Window.partitionBy("customer_key", "category")
                                    .orderBy(col("created_at"), col("ticket_id")))
                            .gt(1),
                        1)
                    .otherwise(0))
            .withColumn(
                "handling_hours",
                Hours.between(
                    col("created_at"),
                    col("resolved_at"),
                    Resolution.MICROSECONDS,
                    Reversed.NEGATIVE))
            .withColumn("is_bot_first", when(botFirst, 1).otherwise(0))
            .withColumn(
                "is_bot_resolved",
                when(
                        botFirst
                            .and(col("first_human_reply_at").isNull())
                            .and(col("resolved_at").isNotNull()),
                        1)
                    .otherwise(0))
            .withColumn(
                "is_human_handled", when(col("first_human_reply_at").isNotNull(), 1).otherwise(0))
            .withColumn("bot_top2", when(botFirst.and(col("csat").isNotNull()), top2))
            .withColumn("human_top2", when(humanFirst.and(col("csat").isNotNull()), top2));
    List<Row> cells =
        flagged
            .groupBy(col("category"), col("channel"))
            .agg(
                count(lit(1)).as("tickets"),
                sum("is_repeat").as("repeats"),
                Percentiles.median(col("handling_hours")).as("median_handling_hours"),
                sum("is_bot_first").as("bot_first"),
                sum("is_bot_resolved").as("bot_resolved"),
                sum("is_human_handled").as("human_handled"),
                count("bot_top2").as("bot_n"),
                sum("bot_top2").as("bot_top2"),
                count("human_top2").as("human_n"),
                sum("human_top2").as("human_top2"))
            .collectAsList();
    long total = cells.stream().mapToLong(c -> Cells.lng(c, "tickets")).sum();
    List<Row> ranked = new ArrayList<>(cells);
    ranked.sort(
        Comparator.<Row>comparingLong(c -> -Cells.lng(c, "tickets"))
            .thenComparing(c -> Cells.str(c, "category"))
            .thenComparing(c -> Cells.str(c, "channel")));
    List<AutomationCandidateRow> rows = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      rows.add(row(month, ranked.get(i), i + 1, total));
    }
    return ContractRows.fromRecords(tickets.sparkSession(), table, rows);
  }

  private static AutomationCandidateRow row(String month, Row cell, int rank, long total) {
    long tickets = Cells.lng(cell, "tickets");
    long humanHandled = Cells.lng(cell, "human_handled");
    Double medianHours = Cells.dbl(cell, "median_handling_hours");
    BinarySample bot = new BinarySample(Cells.lng(cell, "bot_n"), Cells.lng(cell, "bot_top2"));
    BinarySample human =
        new BinarySample(Cells.lng(cell, "human_n"), Cells.lng(cell, "human_top2"));
    Double gapP = bot.n() == 0 || human.n() == 0 ? null : TwoProportionZTest.pValue(human, bot);
    // A kind is a group of at least one ticket: its shares and rates have a denominator.
    return new AutomationCandidateRow(
        month,
        Cells.str(cell, "category"),
        Cells.str(cell, "channel"),
        rank,
        tickets,
        Cells.ratio(tickets, total),
        medianHours,
        Cells.ratio(Cells.lng(cell, "repeats"), tickets),
        Cells.ratio(Cells.lng(cell, "bot_first"), tickets),
        Cells.ratio(Cells.lng(cell, "bot_resolved"), tickets),
        humanHandled,
        bot.n(),
        bot.n() == 0 ? null : bot.rate(),
        human.n(),
        human.n() == 0 ? null : human.rate(),
        gapP,
        gapP != null && bot.rate() < human.rate() && gapP < SIGNIFICANCE,
        AUTOMATION_SHARE,
        medianHours == null ? null : AUTOMATION_SHARE * humanHandled * medianHours);
  }
}
