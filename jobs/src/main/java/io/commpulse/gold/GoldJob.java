package io.commpulse.gold;

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
import io.commpulse.surveys.Anonymity;
import io.commpulse.surveys.SatisfactionMetric;
import io.commpulse.tickets.AutomationCandidatesMetric;
import io.commpulse.tickets.BusinessCalendar;
import io.commpulse.tickets.ResponseSlaMetric;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Computes every gold table of a month from silver; each table's month is replaced atomically. */
public final class GoldJob {
  private final Lake lake;
  private final SchemaCatalog catalog;
  private final BusinessCalendar calendar;
  private final int minGroup;
  private final String serviceDepartment;
  private Set<String> only = Set.of();

  /**
   * @param serviceDepartment the department owning customer tickets and social replies (their KPIs
   *     appear on its department scorecard)
   */
  public GoldJob(Lake lake, SchemaCatalog catalog, BusinessCalendar calendar, int minGroup, String serviceDepartment) {
    this.lake = lake;
    this.catalog = catalog;
    this.calendar = calendar;
    this.minGroup = Anonymity.checkedThreshold(minGroup);
    this.serviceDepartment = serviceDepartment;
  }

  public void run(YearMonth month) {
    run(month, Set.of());
  }

  /**
   * Computes the month's gold tables, or only those named in {@code only} (all when empty); a table not
   * recomputed is read as stored, so a scorecard can be rebuilt from the tables already written.
   */
  public void run(YearMonth month, Set<String> only) {
    catalog.requireNames("gold", only, "gold table");
    this.only = only;
    long started = System.nanoTime();
    String m = month.toString();
    String previous = month.minusMonths(1).toString();
    Dataset<Row> satisfaction = write("satisfaction", m, () -> SatisfactionMetric.compute(gold("satisfaction"), m,
        silver("survey_answers", m), silver("employees", m), lake.readMonth(gold("satisfaction"), previous), minGroup));
    Dataset<Row> coverage = write("coverage", m, () -> CoverageMetric.compute(gold("coverage"), m,
        silver("decisions", m), silver("employees", m), silver("acknowledgements", m)));
    Dataset<Row> sla = write("response_sla", m,
        () -> ResponseSlaMetric.compute(gold("response_sla"), m, silver("tickets", m), calendar));
    Dataset<Row> social = write("social_response", m,
        () -> SocialResponseMetric.compute(gold("social_response"), m, silver("social_comments", m)));
    Dataset<Row> mistransmission = write("mistransmission", m,
        () -> MistransmissionMetric.compute(gold("mistransmission"), m, silver("comm_log", m)));
    write("hotspots", m, () -> HotspotsMetric.compute(gold("hotspots"), m, silver("comm_log", m),
        silver("tickets", m), lake.readMonth(gold("hotspots"), previous)));
    Dataset<Row> abResults = write("ab_results", m,
        () -> AbResultsMetric.compute(gold("ab_results"), m, silver("experiment_units", m)));
    Dataset<Row> scorecard = write("kpi_scorecard", m, () -> KpiScorecard.compute(gold("kpi_scorecard"), m,
        new KpiScorecard.Inputs(mistransmission, sla, social, coverage, satisfaction, abResults,
            lake.readMonth(gold("kpi_scorecard"), previous))));
    write("department_scorecard", m, () -> DepartmentScorecard.compute(gold("department_scorecard"), m,
        new DepartmentScorecard.Inputs(coverage, mistransmission, satisfaction, scorecard,
            lake.readMonth(gold("department_scorecard"), previous), serviceDepartment)));
    write("automation_candidates", m,
        () -> AutomationCandidatesMetric.compute(gold("automation_candidates"), m, silver("tickets", m)));
    write("followup_coverage", m,
        () -> FollowupCoverageMetric.compute(gold("followup_coverage"), m, silver("followups", m)));
    write("feedback_loop", m,
        () -> FeedbackLoopMetric.compute(gold("feedback_loop"), m, silver("suggestions", m), minGroup));
    RunLog.info("gold %s: %s written in %s", month, only.isEmpty() ? "all tables" : String.join(", ", only),
        RunLog.seconds(started));
  }

  private TableContract gold(String name) {
    return catalog.table("gold." + name);
  }

  private Dataset<Row> silver(String name, String month) {
    return lake.read(catalog.table("silver." + name)).where(org.apache.spark.sql.functions.col("month").equalTo(month));
  }

  /**
   * Writes the month of a gold table (unless another selection excludes it) and returns it as read back,
   * so later tables build on what is stored.
   */
  private Dataset<Row> write(String name, String month, Supplier<Dataset<Row>> compute) {
    long started = System.nanoTime();
    TableContract table = gold(name);
    if (!only.isEmpty() && !only.contains(name)) {
      return lake.readMonth(table, month);
    }
    lake.replaceMonth(table, compute.get(), month);
    RunLog.info("gold %-18s %s: written in %s", name, month, RunLog.seconds(started));
    return lake.readMonth(table, month);
  }
}
