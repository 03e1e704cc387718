package io.commpulse.report.render;

import io.commpulse.customers.FollowupCoverageRow;
import io.commpulse.feedback.FeedbackLoopRow;
import io.commpulse.metrics.Rollup;
import io.commpulse.report.chart.HoursSavedChart;
import io.commpulse.report.chart.Palette;
import io.commpulse.report.i18n.Formats;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.FollowThrough;
import io.commpulse.report.model.MonthReader;
import io.commpulse.report.model.ReportTables;
import io.commpulse.report.render.ReportContent.Cell;
import io.commpulse.report.render.ReportContent.Part;
import io.commpulse.report.render.ReportContent.Table;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.scorecard.DepartmentScorecardRow;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.tickets.AutomationCandidateRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The strategy's follow-through page: department scorecards, the AI customer-service scope,
 * customer follow-ups and the suggestion box. A table missing from the lake gives its part a "not
 * available" line instead.
 */
final class FollowThroughContent {
  /** The KPIs every department reports, in the columns of the department table. */
  static final List<String> DEPARTMENT_KPIS =
      SchemaCatalog.get().kpis().scorecardOrder().stream()
          .filter(k -> k.scorecard() == KpiRegistry.Scope.COMPANY_AND_DEPARTMENTS)
          .map(KpiRegistry.Kpi::code)
          .toList();

  private static final List<String> SEGMENT_ORDER =
      List.of("key_account", "enterprise", "smb", "consumer", Rollup.ALL);
  private static final List<String> FEEDBACK_BREAKDOWNS = List.of("channel", "category");

  private FollowThroughContent() {}

  static List<Part> build(FollowThrough data, Messages m) {
    List<Part> parts = new ArrayList<>();
    parts.addAll(departments(data.departments(), m));
    parts.add(automation(data.automation(), m));
    parts.add(followups(data.followups(), m));
    parts.add(feedback(data.feedback(), m));
    return parts;
  }

  private static Part absent(Message heading, String table, Messages m) {
    return new Part(m.text(heading), null, List.of(m.text(Message.NOT_AVAILABLE, m.use(table))));
  }

  static List<Part> departments(Optional<List<DepartmentScorecardRow>> rows, Messages m) {
    if (rows.isEmpty()) {
      return List.of(absent(Message.PART_DEPARTMENTS, ReportTables.DEPARTMENT_SCORECARD, m));
    }
    Map<String, Map<String, DepartmentScorecardRow>> matrix = new TreeMap<>();
    Map<String, List<DepartmentScorecardRow>> others = new TreeMap<>();
    for (DepartmentScorecardRow r : rows.get()) {
      if (DEPARTMENT_KPIS.contains(r.kpi())) {
        matrix.computeIfAbsent(r.department(), d -> new LinkedHashMap<>()).put(r.kpi(), r);
      } else {
        others.computeIfAbsent(r.department(), d -> new ArrayList<>()).add(r);
      }
    }
    List<List<Cell>> table = new ArrayList<>();
    matrix.forEach(
        (department, kpis) -> {
          List<Cell> row = new ArrayList<>();
          row.add(Cell.text(m.department(department)));
          for (String kpi : DEPARTMENT_KPIS) {
            row.add(kpiCell(kpis.get(kpi), m));
          }
          table.add(row);
        });
    List<String> header = new ArrayList<>();
    header.add(m.text(Message.COL_DEPARTMENT));
    header.add(m.name(Vocabulary.KPI, "information_coverage"));
    header.add(m.name(Vocabulary.KPI, "mistransmission_rate"));
    header.add(m.text(Message.COL_SATISFACTION));
    List<Part> parts = new ArrayList<>();
    parts.add(
        new Part(
            m.text(Message.PART_DEPARTMENTS),
            table.isEmpty() ? null : new Table(header, table, new float[] {28, 24, 24, 24}),
            List.of(m.text(Message.DEPARTMENTS_NOTE, m.text(Message.SUPPRESSED)))));
    // KPIs owned by one department (customer response): their target, actual and status, as in the
    // main scorecard.
    others.forEach(
        (department, kpis) -> {
          List<List<Cell>> serviceRows = new ArrayList<>();
          kpis.stream()
              .sorted(Comparator.comparingInt(k -> MonthReader.kpiOrder(k.kpi())))
              .forEach(
                  k -> {
                    KpiStatus status = status(k.status());
                    serviceRows.add(
                        List.of(
                            Cell.text(m.name(Vocabulary.KPI, k.kpi())),
                            Cell.text(target(k, m)),
                            k.suppressed()
                                ? Cell.text(m.text(Message.SUPPRESSED))
                                : Cell.number(m.fmt().value(k.unit(), k.actual())),
                            Cell.number(m.fmt().interval(k.unit(), k.ciLow(), k.ciHigh())),
                            status == null
                                ? Cell.text(m.text(Message.SUPPRESSED))
                                : new Cell(m.use(StatusText.of(status, m)), status, false)));
                  });
          parts.add(
              new Part(
                  m.text(Message.PART_SERVICE, m.department(department)),
                  new Table(
                      List.of(
                          m.text(Message.COL_KPI),
                          m.text(Message.COL_TARGET),
                          m.text(Message.COL_ACTUAL),
                          m.text(Message.COL_INTERVAL),
                          m.text(Message.COL_STATUS)),
                      serviceRows,
                      new float[] {36, 14, 14, 20, 16}),
                  List.of()));
        });
    return parts;
  }

  private static Cell kpiCell(DepartmentScorecardRow k, Messages m) {
    if (k == null) {
      return Cell.number(Formats.MISSING);
    }
    if (k.suppressed()) {
      return Cell.number(m.text(Message.SUPPRESSED));
    }
    KpiStatus status = status(k.status());
    String value = m.fmt().value(k.unit(), k.actual());
    if (status == null || status == KpiStatus.NO_TARGET || k.actual() == null) {
      return new Cell(m.use(value), status, true);
    }
    // The shape survives grayscale printing where the tint does not.
    return new Cell(m.use(value + " " + Palette.statusSymbol(status)), status, true);
  }

  private static String target(DepartmentScorecardRow k, Messages m) {
    return ReportContent.target(k.comparator(), k.unit(), k.target(), m);
  }

  private static KpiStatus status(String code) {
    for (KpiStatus s : KpiStatus.values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    return null;
  }

  static Part automation(Optional<List<AutomationCandidateRow>> rows, Messages m) {
    if (rows.isEmpty()) {
      return absent(Message.PART_AUTOMATION, ReportTables.AUTOMATION_CANDIDATES, m);
    }
    Formats f = m.fmt();
    List<AutomationCandidateRow> top = HoursSavedChart.largest(rows.get());
    List<List<Cell>> table = new ArrayList<>();
    double share = 0;
    double hours = 0;
    for (AutomationCandidateRow c : top) {
      share += c.share();
      hours += c.expectedHoursSaved() == null ? 0 : c.expectedHoursSaved();
      table.add(
          List.of(
              Cell.text(kind(c, m)),
              Cell.number(f.count(c.tickets())),
              Cell.number(f.share(c.share())),
              Cell.number(f.share(c.botResolutionRate())),
              Cell.number(m.use(f.hours(c.expectedHoursSaved()))),
              c.botCsatWorse()
                  ? new Cell(m.text(Message.BOT_CSAT_WORSE), KpiStatus.MISSED, false)
                  : Cell.text(Formats.MISSING)));
    }
    double automationShare = top.get(0).automationShare();
    return new Part(
        m.text(Message.PART_AUTOMATION),
        new Table(
            List.of(
                m.text(Message.COL_TICKET_KIND),
                m.text(Message.COL_TICKETS),
                m.text(Message.COL_SHARE),
                m.text(Message.COL_BOT_RESOLUTION),
                m.text(Message.COL_HOURS_SAVED),
                m.text(Message.COL_BOT_CSAT)),
            table,
            new float[] {32, 10, 10, 14, 16, 18}),
        List.of(
            m.text(Message.AUTOMATION_SUMMARY, top.size(), f.share(share), f.hours(hours)),
            m.text(
                Message.AUTOMATION_MODEL,
                f.target("share", automationShare),
                m.text(Message.BOT_CSAT_WORSE))));
  }

  static String kind(AutomationCandidateRow c, Messages m) {
    return HoursSavedChart.kindName(c, m);
  }

  static Part followups(Optional<List<FollowupCoverageRow>> rows, Messages m) {
    if (rows.isEmpty()) {
      return absent(Message.PART_FOLLOWUPS, ReportTables.FOLLOWUP_COVERAGE, m);
    }
    Formats f = m.fmt();
    List<List<Cell>> table = new ArrayList<>();
    rows.get().stream()
        .sorted(
            Comparator.comparingInt((FollowupCoverageRow r) -> order(SEGMENT_ORDER, r.segment()))
                .thenComparing(FollowupCoverageRow::segment))
        .forEach(
            r ->
                table.add(
                    List.of(
                        Cell.text(m.name(Vocabulary.SEGMENT, r.segment())),
                            Cell.number(f.count(r.planned())),
                        Cell.number(f.share(r.doneShare())), Cell.number(f.share(r.onTimeShare())),
                        Cell.number(f.count(r.issuesFound())),
                            Cell.number(f.share(r.closedLoopShare())))));
    return new Part(
        m.text(Message.PART_FOLLOWUPS),
        new Table(
            List.of(
                m.text(Message.COL_SEGMENT),
                m.text(Message.COL_PLANNED),
                m.text(Message.COL_DONE_SHARE),
                m.text(Message.COL_ON_TIME_SHARE),
                m.text(Message.COL_ISSUES_FOUND),
                m.text(Message.COL_CLOSED_LOOP)),
            table,
            new float[] {25, 15, 15, 15, 15, 15}),
        List.of(m.text(Message.FOLLOWUP_NOTE)));
  }

  static Part feedback(Optional<List<FeedbackLoopRow>> rows, Messages m) {
    if (rows.isEmpty()) {
      return absent(Message.PART_FEEDBACK, ReportTables.FEEDBACK_LOOP, m);
    }
    Formats f = m.fmt();
    String hidden = m.text(Message.SUPPRESSED);
    List<String> notes = new ArrayList<>();
    Optional<FeedbackLoopRow> all =
        rows.get().stream().filter(r -> "all".equals(r.breakdown())).findFirst();
    all.ifPresent(
        a ->
            notes.add(
                a.suppressed()
                    ? m.text(Message.FEEDBACK_ALL_HIDDEN)
                    : m.text(
                        Message.FEEDBACK_SUMMARY,
                        count(a.received(), f),
                        f.share(a.actedOnShare()),
                        f.days(a.medianDaysToResponse()),
                        count(a.rewarded(), f))));
    List<List<Cell>> table = new ArrayList<>();
    rows.get().stream()
        .filter(r -> FEEDBACK_BREAKDOWNS.contains(r.breakdown()))
        .sorted(
            Comparator.comparingInt(
                    (FeedbackLoopRow r) -> FEEDBACK_BREAKDOWNS.indexOf(r.breakdown()))
                .thenComparing(FeedbackLoopRow::groupValue))
        .forEach(
            r ->
                table.add(
                    List.of(
                        Cell.text(m.name(Vocabulary.SUGGESTION_BREAKDOWN, r.breakdown())),
                        Cell.text(m.name(Vocabulary.SUGGESTION_GROUP, r.groupValue())),
                        Cell.number(r.suppressed() ? hidden : count(r.received(), f)),
                        Cell.number(r.suppressed() ? hidden : f.share(r.actedOnShare())),
                        Cell.number(
                            r.suppressed() ? hidden : m.use(f.days(r.medianDaysToResponse()))),
                        Cell.number(r.suppressed() ? hidden : count(r.rewarded(), f)))));
    if (table.stream().anyMatch(row -> row.get(2).text().equals(hidden))) {
      notes.add(m.text(Message.FEEDBACK_NOTE, hidden));
    }
    return new Part(
        m.text(Message.PART_FEEDBACK),
        table.isEmpty()
            ? null
            : new Table(
                List.of(
                    m.text(Message.COL_BREAKDOWN),
                    m.text(Message.COL_GROUP),
                    m.text(Message.COL_RECEIVED),
                    m.text(Message.COL_ACTED_ON),
                    m.text(Message.COL_DAYS_TO_RESPONSE),
                    m.text(Message.COL_REWARDED)),
                table,
                new float[] {14, 18, 14, 14, 24, 16}),
        notes);
  }

  private static String count(Long n, Formats f) {
    return n == null ? Formats.MISSING : f.count(n);
  }

  private static int order(List<String> order, String code) {
    int i = order.indexOf(code);
    return i < 0 ? order.size() : i;
  }
}
