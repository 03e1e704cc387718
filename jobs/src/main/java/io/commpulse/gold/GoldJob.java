package io.commpulse.gold;

import static io.commpulse.spark.ConcurrentTasks.valueOf;

import io.commpulse.commlog.HotspotsMetric;
import io.commpulse.commlog.MistransmissionMetric;
import io.commpulse.coverage.CoverageMetric;
import io.commpulse.customers.FollowupCoverageMetric;
import io.commpulse.experiments.AbResultsMetric;
import io.commpulse.feedback.FeedbackLoopMetric;
import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.DepartmentScorecard;
import io.commpulse.scorecard.KpiScorecard;
import io.commpulse.social.SocialResponseMetric;
import io.commpulse.spark.ConcurrentTasks;
import io.commpulse.surveys.Anonymity;
import io.commpulse.surveys.SatisfactionMetric;
import io.commpulse.tickets.AutomationCandidatesMetric;
import io.commpulse.tickets.BusinessCalendar;
import io.commpulse.tickets.ResponseSlaMetric;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Computes every gold table of a month from silver; each table's month is replaced atomically.
 * Rewriting a stored month of a table whose rows carry a state records the figures that changed in
 * {@code ops.restatements}, so a restatement is never silent, whichever command caused it.
 */
public final class GoldJob {
  private final Lake lake;
  private final SchemaCatalog catalog;
  private final BusinessCalendar calendar;
  private final int minGroup;
  private final String serviceDepartment;

  /**
   * @param serviceDepartment the department owning customer tickets and social replies (their KPIs
   *     appear on its department scorecard)
   */
  public GoldJob(
      Lake lake,
      SchemaCatalog catalog,
      BusinessCalendar calendar,
      int minGroup,
      String serviceDepartment) {
    this.lake = lake;
    this.catalog = catalog;
    this.calendar = calendar;
    this.minGroup = Anonymity.checkedThreshold(minGroup);
    this.serviceDepartment = serviceDepartment;
  }

  public void run(YearMonth month) {
    run(month, Set.of(), ConcurrentTasks.defaultParallelism());
  }

  /**
   * Computes the month's gold tables, or only those named in {@code only} (all when empty), {@code
   * parallelism} at a time; a table not recomputed is read as stored, so a scorecard can be rebuilt
   * from the tables already written. The scorecards start once the tables they summarise are
   * written.
   */
  public void run(YearMonth month, Set<String> only, int parallelism) {
    catalog.requireNames("gold", only, "gold table");
    long started = System.nanoTime();
    String m = month.toString();
    String previous = month.minusMonths(1).toString();
    Cutoffs cutoffs = Cutoffs.of(lake, catalog, month);
    try (ConcurrentTasks tasks = new ConcurrentTasks(lake.spark(), parallelism)) {
      Writer writer = new Writer(tasks, only, m);
      var satisfaction =
          writer.table(
              "satisfaction",
              () ->
                  SatisfactionMetric.compute(
                      gold("satisfaction"),
                      m,
                      silver("survey_answers", m),
                      silver("employees", m),
                      lake.readMonth(gold("satisfaction"), previous),
                      minGroup));
      var coverage =
          writer.table(
              "coverage",
              () ->
                  CoverageMetric.compute(
                      gold("coverage"),
                      m,
                      silver("decisions", m),
                      silver("employees", m),
                      silver("acknowledgements", m),
                      cutoffs.of("acknowledgements")));
      var sla =
          writer.table(
              "response_sla",
              () ->
                  ResponseSlaMetric.compute(
                      gold("response_sla"),
                      m,
                      silver("tickets", m),
                      calendar,
                      cutoffs.of("tickets")));
      var social =
          writer.table(
              "social_response",
              () ->
                  SocialResponseMetric.compute(
                      gold("social_response"),
                      m,
                      silver("social_comments", m),
                      cutoffs.of("social_comments")));
      var mistransmission =
          writer.table(
              "mistransmission",
              () ->
                  MistransmissionMetric.compute(gold("mistransmission"), m, silver("comm_log", m)));
      writer.table(
          "hotspots",
          () ->
              HotspotsMetric.compute(
                  gold("hotspots"),
                  m,
                  silver("comm_log", m),
                  silver("tickets", m),
                  lake.readMonth(gold("hotspots"), previous)));
      var abResults =
          writer.table(
              "ab_results",
              () -> AbResultsMetric.compute(gold("ab_results"), m, silver("experiment_units", m)));
      writer.table(
          "automation_candidates",
          () ->
              AutomationCandidatesMetric.compute(
                  gold("automation_candidates"), m, silver("tickets", m)));
      writer.table(
          "followup_coverage",
          () ->
              FollowupCoverageMetric.compute(
                  gold("followup_coverage"), m, silver("followups", m), cutoffs.of("followups")));
      writer.table(
          "feedback_loop",
          () ->
              FeedbackLoopMetric.compute(
                  gold("feedback_loop"), m, silver("suggestions", m), minGroup));
      var scorecard =
          writer.tableAfter(
              List.of(mistransmission, sla, social, coverage, satisfaction, abResults),
              "kpi_scorecard",
              () ->
                  KpiScorecard.compute(
                      gold("kpi_scorecard"),
                      m,
                      new KpiScorecard.Inputs(
                          valueOf(mistransmission),
                          valueOf(sla),
                          valueOf(social),
                          valueOf(coverage),
                          valueOf(satisfaction),
                          valueOf(abResults),
                          lake.readMonth(gold("kpi_scorecard"), previous))));
      writer.tableAfter(
          List.of(coverage, mistransmission, satisfaction, scorecard),
          "department_scorecard",
          () ->
              DepartmentScorecard.compute(
                  gold("department_scorecard"),
                  m,
                  new DepartmentScorecard.Inputs(
                      valueOf(coverage),
                      valueOf(mistransmission),
                      valueOf(satisfaction),
                      valueOf(scorecard),
                      lake.readMonth(gold("department_scorecard"), previous),
                      serviceDepartment)));
      tasks.awaitAll();
      recordRestatements(m, writer.changes);
    }
    RunLog.info(
        "gold %s: %s written in %s",
        month, only.isEmpty() ? "all tables" : String.join(", ", only), RunLog.seconds(started));
  }

  /** Appends the month's changed figures to ops.restatements in one commit, and says so. */
  private void recordRestatements(String month, List<Row> changes) {
    if (changes.isEmpty()) {
      return;
    }
    TableContract table = catalog.table(Restatements.TABLE);
    lake.append(table, lake.spark().createDataFrame(changes, table.sparkSchema()));
    RunLog.info(
        "gold %s: restated, %d figures changed (see %s)",
        month, changes.size(), Restatements.TABLE);
  }

  private TableContract gold(String name) {
    return catalog.table("gold." + name);
  }

  private Dataset<Row> silver(String name, String month) {
    return lake.read(catalog.table("silver." + name))
        .where(org.apache.spark.sql.functions.col("month").equalTo(month));
  }

  /**
   * Starts the computation of each selected gold table of one month; the others are read as stored.
   */
  private final class Writer {
    private final ConcurrentTasks tasks;
    private final Set<String> only;
    private final String month;
    private final List<Row> changes = Collections.synchronizedList(new ArrayList<>());

    Writer(ConcurrentTasks tasks, Set<String> only, String month) {
      this.tasks = tasks;
      this.only = only;
      this.month = month;
    }

    CompletableFuture<Dataset<Row>> table(String name, Supplier<Dataset<Row>> compute) {
      return tableAfter(List.of(), name, compute);
    }

    /**
     * The month of a gold table once written, as the rows written, so later tables build on what is
     * stored without reading it back (gold tables are small: a few hundred rows each). The rows are
     * written only if they satisfy the table's key.
     */
    CompletableFuture<Dataset<Row>> tableAfter(
        List<CompletableFuture<Dataset<Row>>> inputs, String name, Supplier<Dataset<Row>> compute) {
      TableContract table = gold(name);
      if (!only.isEmpty() && !only.contains(name)) {
        return tasks.after(inputs, "gold-" + name, () -> lake.readMonth(table, month));
      }
      return tasks.after(
          inputs,
          "gold-" + name,
          () -> {
            long started = System.nanoTime();
            Restatements.Stored before =
                Restatements.tracked(table) ? Restatements.stored(lake, table, month) : null;
            Dataset<Row> rows = Lake.conform(table, compute.get());
            List<Row> values = rows.collectAsList();
            Dataset<Row> written = lake.replaceMonth(table, values, rows.schema(), month);
            if (before != null) {
              changes.addAll(
                  Restatements.changes(
                      table,
                      month,
                      before,
                      values,
                      lake.versionIfExists(table).getAsLong(),
                      Instant.now()));
            }
            RunLog.info("gold %-18s %s: written in %s", name, month, RunLog.seconds(started));
            return written;
          });
    }
  }
}
