package io.commpulse.cli;

import static org.apache.spark.sql.functions.col;

import io.commpulse.gold.GoldJob;
import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.silver.SilverJob;
import java.time.YearMonth;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Computes a month again from the batches now in the lake: once the following month's batch has
 * arrived, the month's 24-hour windows have closed and the late records in that batch (replies,
 * later exports of tickets and follow-ups, acknowledgements) belong to it. Rebuilds the silver
 * tables that take late records and the gold tables built on them; {@link GoldJob} records every
 * changed figure in {@code ops.restatements}. When the month after it is already computed (a
 * backfill out of order), its month-over-month tables are recomputed too, so they compare with the
 * restated figures.
 */
final class MonthRestatement {
  /** Silver tables whose sources get records in a later batch (see LateRecords). */
  static final Set<String> SILVER =
      Set.of("tickets", "social_comments", "acknowledgements", "followups");

  /** Gold tables built on those silver tables, and the scorecards summarising them. */
  static final Set<String> WINDOWED_GOLD =
      Set.of(
          "coverage",
          "response_sla",
          "social_response",
          "hotspots",
          "automation_candidates",
          "followup_coverage",
          "kpi_scorecard",
          "department_scorecard");

  /** Gold tables that compare a month with the month before it. */
  static final Set<String> MONTH_OVER_MONTH =
      Set.of("satisfaction", "hotspots", "kpi_scorecard", "department_scorecard");

  /**
   * What a restatement recomputes: the tables built on late records, and those comparing with the
   * month before, which may itself have been computed since (a backfill out of order).
   */
  static final Set<String> GOLD =
      Stream.concat(WINDOWED_GOLD.stream(), MONTH_OVER_MONTH.stream())
          .collect(Collectors.toUnmodifiableSet());

  private final Lake lake;
  private final SchemaCatalog catalog;
  private final SilverJob silver;
  private final GoldJob gold;

  MonthRestatement(Lake lake, SchemaCatalog catalog, SilverJob silver, GoldJob gold) {
    this.lake = lake;
    this.catalog = catalog;
    this.silver = silver;
    this.gold = gold;
  }

  /**
   * Restates {@code month} when it has been computed; leaves it alone when it has not (its own run
   * will compute it from every batch then present).
   */
  void restate(YearMonth month, int parallelism) {
    if (!computed(month)) {
      RunLog.info("restate %s: the month has not been computed, nothing to restate", month);
      return;
    }
    long started = System.nanoTime();
    silver.run(month, SILVER, parallelism);
    gold.run(month, GOLD, parallelism);
    YearMonth next = month.plusMonths(1);
    if (computed(next)) {
      gold.run(next, MONTH_OVER_MONTH, parallelism);
    }
    RunLog.info("restate %s: done in %s", month, RunLog.seconds(started));
  }

  private boolean computed(YearMonth month) {
    TableContract scorecard = catalog.table("gold.kpi_scorecard");
    return lake.exists(scorecard)
        && !lake.read(scorecard).where(col("month").equalTo(month.toString())).isEmpty();
  }
}
