package io.commpulse.silver;

import static org.apache.spark.sql.functions.col;

import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.spark.ConcurrentTasks;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds every silver table of a month from bronze; each table's month is replaced atomically. */
public final class SilverJob {
  private final Lake lake;
  private final SchemaCatalog catalog;
  private final Pseudonymizer pseudonyms;

  public SilverJob(Lake lake, SchemaCatalog catalog, PseudonymKey key) {
    this.lake = lake;
    this.catalog = catalog;
    this.pseudonyms = new Pseudonymizer(key);
  }

  public void run(YearMonth month) {
    run(month, Set.of(), ConcurrentTasks.defaultParallelism());
  }

  /**
   * Builds the month's silver tables, or only those named in {@code only} (all when empty), {@code
   * parallelism} at a time; acknowledgements wait for employees, whose departments they carry.
   */
  public void run(YearMonth month, Set<String> only, int parallelism) {
    catalog.requireNames("silver", only, "silver table");
    long started = System.nanoTime();
    String m = month.toString();
    try (ConcurrentTasks tasks = new ConcurrentTasks(lake.spark(), parallelism)) {
      Build build = new Build(tasks, only, m);
      CompletableFuture<Void> employees =
          build.table(
              "employees", "roster", (b, keys) -> SilverTransforms.employees(b, keys, pseudonyms));
      build.table(
          "decisions",
          "decisions",
          (b, keys) -> SilverTransforms.decisions(b, keys, zone("decisions")));
      build.tableAfter(
          employees,
          "acknowledgements",
          "acknowledgements",
          (b, keys) ->
              SilverTransforms.acknowledgements(
                  b,
                  keys,
                  lake.readMonth(catalog.table("silver.employees"), m),
                  pseudonyms,
                  zone("acknowledgements")));
      build.table(
          "survey_answers",
          "survey_responses",
          (b, keys) -> SilverTransforms.surveyAnswers(b, keys, pseudonyms));
      build.table(
          "tickets",
          "tickets",
          (b, keys) -> SilverTransforms.tickets(b, keys, pseudonyms, zone("tickets")));
      build.table(
          "social_comments",
          "social_comments",
          (b, keys) ->
              SilverTransforms.socialComments(b, keys, pseudonyms, zone("social_comments")));
      build.table(
          "comm_log", "comm_log", (b, keys) -> SilverTransforms.commLog(b, keys, zone("comm_log")));
      // Keyless by contract: every assignment record is kept for the A/B analysis to judge.
      build.table(
          "experiment_units",
          "channel_experiments",
          (b, keys) -> SilverTransforms.experimentUnits(b, pseudonyms));
      build.table(
          "followups",
          "followups",
          (b, keys) -> SilverTransforms.followups(b, keys, pseudonyms, zone("followups")));
      build.table(
          "suggestions",
          "suggestions",
          (b, keys) -> SilverTransforms.suggestions(b, keys, zone("suggestions")));
      tasks.awaitAll();
    }
    RunLog.info(
        "silver %s: %s written in %s",
        month, only.isEmpty() ? "all tables" : String.join(", ", only), RunLog.seconds(started));
  }

  /**
   * The bronze rows of one month: the month's batch, and for a source whose items get records in
   * later batches, those records too, as {@link LateRecords} assigns them.
   */
  private Dataset<Row> recordsOfMonth(String source, YearMonth month) {
    LateRecords late = LateRecords.BY_SOURCE.get(source);
    if (late == null) {
      return batch(source, month);
    }
    return late.ofMonth(
        month.toString(),
        batch(source, month),
        batch(source, month.plusMonths(1)),
        batch(late.anchorSource(), month.minusMonths(1)),
        batch(late.anchorSource(), month));
  }

  private Dataset<Row> batch(String source, YearMonth month) {
    return lake.read(catalog.table("bronze." + source))
        .where(col("month").equalTo(month.toString()));
  }

  private String zone(String source) {
    String zone = catalog.table("landing." + source).sourceTimezone();
    return zone == null ? "UTC" : zone;
  }

  /** Starts the build of each selected silver table of one month. */
  private final class Build {
    private final ConcurrentTasks tasks;
    private final Set<String> only;
    private final String month;

    Build(ConcurrentTasks tasks, Set<String> only, String month) {
      this.tasks = tasks;
      this.only = only;
      this.month = month;
    }

    CompletableFuture<Void> table(String table, String source, Transform transform) {
      return tableAfter(CompletableFuture.completedFuture(null), table, source, transform);
    }

    CompletableFuture<Void> tableAfter(
        CompletableFuture<?> input, String table, String source, Transform transform) {
      if (!only.isEmpty() && !only.contains(table)) {
        return CompletableFuture.completedFuture(null);
      }
      return tasks.after(
          List.of(input),
          "silver-" + table,
          () -> {
            write(table, source, month, transform);
            return null;
          });
    }
  }

  /**
   * A bronze-to-silver transformation, given one month of bronze and the silver contract's key
   * within the month.
   */
  @FunctionalInterface
  private interface Transform {
    Dataset<Row> apply(Dataset<Row> bronze, List<String> keys);
  }

  /**
   * The silver key is not checked again before the write: the window keeps one row per key, and the
   * key's identifiers are landing columns that ingest requires (a row missing one is quarantined),
   * so the key holds by construction, where a check over a large month would be a second pass.
   */
  private void write(String table, String source, String month, Transform transform) {
    long started = System.nanoTime();
    TableContract silver = catalog.table("silver." + table);
    Dataset<Row> bronze = recordsOfMonth(source, YearMonth.parse(month));
    lake.replaceMonth(
        silver, transform.apply(bronze, SilverTransforms.keyWithinMonth(silver)), month);
    RunLog.info("silver %-20s %s: written in %s", table, month, RunLog.seconds(started));
  }
}
