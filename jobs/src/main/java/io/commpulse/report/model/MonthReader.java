package io.commpulse.report.model;

import io.commpulse.commlog.HotspotRow;
import io.commpulse.commlog.MistransmissionRow;
import io.commpulse.coverage.CoverageRow;
import io.commpulse.customers.FollowupCoverageRow;
import io.commpulse.errors.UserError;
import io.commpulse.experiments.AbResultRow;
import io.commpulse.feedback.FeedbackLoopRow;
import io.commpulse.lake.SnapshotReader;
import io.commpulse.metrics.ContractRows;
import io.commpulse.ops.QualityGate;
import io.commpulse.report.i18n.Bilingual;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.DepartmentScorecardRow;
import io.commpulse.scorecard.KpiScorecardRow;
import io.commpulse.social.SocialResponseRow;
import io.commpulse.surveys.SatisfactionRow;
import io.commpulse.tickets.AutomationCandidateRow;
import io.commpulse.tickets.ResponseSlaRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/**
 * Reads a month's report inputs from the lake, each table at a pinned Delta version, into plain
 * records.
 */
public final class MonthReader {
  static final int HISTORY_MONTHS = 12;

  private final SnapshotReader snapshots;
  private final SchemaCatalog catalog;

  public MonthReader(SnapshotReader snapshots, SchemaCatalog catalog) {
    this.snapshots = snapshots;
    this.catalog = catalog;
  }

  /** The current version of every report table; null for a table that does not exist (yet). */
  public TableVersions currentVersions() {
    Map<String, Long> versions = new TreeMap<>();
    for (String table : ReportTables.ALL) {
      OptionalLong v = contract(table).map(snapshots::versionIfExists).orElse(OptionalLong.empty());
      versions.put(table, v.isPresent() ? v.getAsLong() : null);
    }
    return new TableVersions(versions);
  }

  public MonthData read(YearMonth month, TableVersions versions) {
    String m = month.toString();
    for (String required : ReportTables.REQUIRED) {
      if (versions.of(required).isEmpty()) {
        throw new UserError(
            "table "
                + required
                + " does not exist in "
                + snapshots.root()
                + "; run `commpulse run --month "
                + m
                + "` first");
      }
    }
    List<Row> recentRows = recentScorecards(month, versions);
    List<KpiScorecardRow> history = recentRows.stream().map(MonthReader::kpiRow).toList();
    List<KpiScorecardRow> scorecard =
        new ArrayList<>(history.stream().filter(k -> m.equals(k.month())).toList());
    if (scorecard.isEmpty()) {
      throw new UserError(
          "gold.kpi_scorecard has no rows for "
              + m
              + " in "
              + snapshots.root()
              + "; run `commpulse run --month "
              + m
              + "` first");
    }
    scorecard.sort(Comparator.comparingInt(k -> kpiOrder(k.kpi())));
    return new MonthData(
        month,
        versions,
        scorecard,
        history,
        rows(ReportTables.COVERAGE, m, versions, MonthReader::coverageRow),
        rows(ReportTables.SATISFACTION, m, versions, MonthReader::satisfactionRow),
        rows(ReportTables.RESPONSE_SLA, m, versions, MonthReader::slaRow),
        rows(ReportTables.SOCIAL, m, versions, MonthReader::socialRow),
        rows(ReportTables.MISTRANSMISSION, m, versions, MonthReader::mistransmissionRow),
        rows(ReportTables.HOTSPOTS, m, versions, MonthReader::hotspotRow),
        abResults(m, versions),
        dataQuality(m, versions),
        departments(m, versions),
        followThrough(m, versions),
        restatedKpis(month, versions));
  }

  /**
   * The scorecard figures of the twelve months before {@code month} that restatements changed, each
   * with its value before the first restatement and after the latest, in month and report order.
   */
  private List<RestatedKpi> restatedKpis(YearMonth month, TableVersions versions) {
    OptionalLong version = versions.of(ReportTables.RESTATEMENTS);
    Optional<TableContract> table = contract(ReportTables.RESTATEMENTS);
    if (version.isEmpty() || table.isEmpty()) {
      return List.of();
    }
    String from = month.minusMonths(HISTORY_MONTHS).toString();
    String to = month.toString();
    List<Row> changes =
        snapshots.read(table.get(), version.getAsLong()).stream()
            .filter(
                r ->
                    ReportTables.SCORECARD.equals(r.getAs("table_name"))
                        && "actual".equals(r.getAs("column_name"))
                        && inMonths(r, from, to))
            .sorted(
                Comparator.comparing((Row r) -> str(r, "month"))
                    .thenComparing(r -> str(r, "row_key"))
                    .thenComparingLong(r -> lng(r, "new_version")))
            .toList();
    Map<String, RestatedKpi> byKpi = new LinkedHashMap<>();
    for (Row r : changes) {
      String kpi = r.<String>getAs("row_key").substring("kpi=".length());
      String key = r.getAs("month") + " " + kpi;
      RestatedKpi first = byKpi.get(key);
      byKpi.put(
          key,
          new RestatedKpi(
              r.getAs("month"),
              kpi,
              SchemaCatalog.get().kpis().kpi(kpi).unit(),
              first == null ? number(r.getAs("old_value")) : first.before(),
              number(r.getAs("new_value"))));
    }
    List<RestatedKpi> restated = new ArrayList<>(byKpi.values());
    restated.removeIf(k -> java.util.Objects.equals(k.before(), k.after()));
    restated.sort(
        Comparator.comparing(RestatedKpi::month).thenComparingInt(k -> kpiOrder(k.kpi())));
    return restated;
  }

  private static Double number(String text) {
    return text == null ? null : Double.valueOf(text);
  }

  private Optional<TableContract> contract(String table) {
    return catalog.find(table);
  }

  /** Whether a row's month is in [from, to). */
  private static boolean inMonths(Row r, String from, String to) {
    String month = str(r, "month");
    return month != null && month.compareTo(from) >= 0 && month.compareTo(to) < 0;
  }

  /** The month's rows of a table at its pinned version, or nothing when the table is absent. */
  private Optional<List<Row>> month(String table, String month, TableVersions versions) {
    OptionalLong version = versions.of(table);
    Optional<TableContract> contract = contract(table);
    if (version.isEmpty() || contract.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(snapshots.readMonth(contract.get(), month, version.getAsLong()));
  }

  private <T> List<T> rows(
      String table, String month, TableVersions versions, Function<Row, T> convert) {
    return month(table, month, versions)
        .map(rows -> new ArrayList<>(rows.stream().map(convert).toList()))
        .orElseGet(ArrayList::new);
  }

  /**
   * The scorecard rows of up to twelve months ending with {@code month}, oldest first: one read for
   * both uses.
   */
  private List<Row> recentScorecards(YearMonth month, TableVersions versions) {
    TableContract table = contract(ReportTables.SCORECARD).orElseThrow();
    String from = month.minusMonths(HISTORY_MONTHS - 1L).toString();
    String to = month.plusMonths(1).toString();
    return snapshots.read(table, versions.of(ReportTables.SCORECARD).getAsLong()).stream()
        .filter(r -> inMonths(r, from, to))
        .sorted(Comparator.comparing((Row r) -> str(r, "month")).thenComparing(r -> str(r, "kpi")))
        .toList();
  }

  private FollowThrough followThrough(String month, TableVersions versions) {
    return new FollowThrough(
        optionalRows(
            ReportTables.DEPARTMENT_SCORECARD, month, versions, MonthReader::departmentKpiRow),
        optionalRows(
            ReportTables.AUTOMATION_CANDIDATES, month, versions, MonthReader::automationCandidate),
        optionalRows(ReportTables.FOLLOWUP_COVERAGE, month, versions, MonthReader::followupRow),
        optionalRows(ReportTables.FEEDBACK_LOOP, month, versions, MonthReader::feedbackRow));
  }

  /** The month's rows of a table that may not exist: empty when it does not. */
  private <T> Optional<List<T>> optionalRows(
      String table, String month, TableVersions versions, Function<Row, T> convert) {
    return month(table, month, versions).map(rows -> rows.stream().map(convert).toList());
  }

  private AbResults abResults(String month, TableVersions versions) {
    return month(ReportTables.AB_RESULTS, month, versions)
        .<AbResults>map(
            rows ->
                new AbResults.Present(
                    rows.stream()
                        .map(MonthReader::abComparison)
                        .sorted(
                            Comparator.comparing(AbResultRow::experimentId)
                                .thenComparing(AbResultRow::metric)
                                .thenComparing(AbResultRow::variant))
                        .toList()))
        .orElseGet(AbResults.Absent::new);
  }

  private List<SourceQuality> dataQuality(String month, TableVersions versions) {
    Optional<List<Row>> audit = month(ReportTables.INGEST_AUDIT, month, versions);
    if (audit.isEmpty()) {
      return List.of();
    }
    Map<String, Row> latest = QualityGate.latestRuns(audit.get());
    Map<String, List<SourceQuality.ReasonCount>> reasons = new HashMap<>();
    month(ReportTables.QUARANTINE, month, versions).ifPresent(q -> reasons.putAll(reasonCounts(q)));
    List<String> order = catalog.sourceNames();
    return latest.values().stream()
        .sorted(
            Comparator.comparingInt((Row r) -> sourceOrder(order, str(r, "source")))
                .thenComparing(r -> str(r, "source")))
        .map(
            r ->
                new SourceQuality(
                    str(r, "source"),
                    ((Number) r.getAs("files")).intValue(),
                    lng(r, "rows_read"),
                    lng(r, "rows_accepted"),
                    lng(r, "rows_quarantined"),
                    lng(r, "duplicates"),
                    reasons.getOrDefault(str(r, "source"), List.of())))
        .toList();
  }

  /** Each source's quarantined rows per reason, the most frequent reason first. */
  static Map<String, List<SourceQuality.ReasonCount>> reasonCounts(List<Row> quarantine) {
    Map<List<String>, Long> counts = new HashMap<>();
    for (Row r : quarantine) {
      counts.merge(Arrays.asList(str(r, "source"), str(r, "reason_code")), 1L, Long::sum);
    }
    Map<String, List<SourceQuality.ReasonCount>> reasons = new HashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<List<String>, Long>comparingByValue()
                .reversed()
                .thenComparing(
                    e -> e.getKey().get(1), Comparator.nullsFirst(Comparator.naturalOrder())))
        .forEach(
            e ->
                reasons
                    .computeIfAbsent(e.getKey().get(0), s -> new ArrayList<>())
                    .add(new SourceQuality.ReasonCount(e.getKey().get(1), e.getValue())));
    return reasons;
  }

  /**
   * Each department's names in English and Chinese; a department named two ways in the month keeps
   * the names that sort first.
   */
  private Map<String, Bilingual> departments(String month, TableVersions versions) {
    Map<String, Bilingual> names = new LinkedHashMap<>();
    Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
    month(ReportTables.EMPLOYEES, month, versions).stream()
        .flatMap(List::stream)
        .map(
            r ->
                Arrays.asList(
                    str(r, "department"),
                    str(r, "department_name_en"),
                    str(r, "department_name_zh")))
        .distinct()
        .sorted(
            Comparator.comparing((List<String> d) -> d.get(0), text)
                .thenComparing(d -> d.get(1), text)
                .thenComparing(d -> d.get(2), text))
        .forEach(d -> names.putIfAbsent(d.get(0), new Bilingual(d.get(1), d.get(2))));
    return names;
  }

  private static int sourceOrder(List<String> order, String source) {
    int i = order.indexOf(source);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static final List<String> KPI_ORDER =
      SchemaCatalog.get().kpis().scorecardOrder().stream().map(KpiRegistry.Kpi::code).toList();

  /**
   * The scorecard's reading order (kpis.json report_position), KPIs unknown to the registry after.
   */
  public static int kpiOrder(String kpi) {
    int i = KPI_ORDER.indexOf(kpi);
    return i < 0 ? KPI_ORDER.size() : i;
  }

  static KpiScorecardRow kpiRow(Row r) {
    return ContractRows.toRecord(r, KpiScorecardRow.class);
  }

  static CoverageRow coverageRow(Row r) {
    return ContractRows.toRecord(r, CoverageRow.class);
  }

  static SatisfactionRow satisfactionRow(Row r) {
    return ContractRows.toRecord(r, SatisfactionRow.class);
  }

  static ResponseSlaRow slaRow(Row r) {
    return ContractRows.toRecord(r, ResponseSlaRow.class);
  }

  static SocialResponseRow socialRow(Row r) {
    return ContractRows.toRecord(r, SocialResponseRow.class);
  }

  static MistransmissionRow mistransmissionRow(Row r) {
    return ContractRows.toRecord(r, MistransmissionRow.class);
  }

  static AbResultRow abComparison(Row r) {
    return ContractRows.toRecord(r, AbResultRow.class);
  }

  static HotspotRow hotspotRow(Row r) {
    return ContractRows.toRecord(r, HotspotRow.class);
  }

  /**
   * A suppressed row carries no figure: whatever the table holds, the report never sees a number
   * for it.
   */
  static DepartmentScorecardRow departmentKpiRow(Row r) {
    DepartmentScorecardRow d = ContractRows.toRecord(r, DepartmentScorecardRow.class);
    if (!d.suppressed() && !DepartmentScorecardRow.SUPPRESSED.equals(d.status())) {
      return d;
    }
    return new DepartmentScorecardRow(
        d.month(),
        d.department(),
        d.kpi(),
        d.unit(),
        d.comparator(),
        d.target(),
        null,
        null,
        null,
        DepartmentScorecardRow.SUPPRESSED,
        null,
        null,
        d.companyActual(),
        null,
        d.rankedDepartments(),
        true);
  }

  static AutomationCandidateRow automationCandidate(Row r) {
    return ContractRows.toRecord(r, AutomationCandidateRow.class);
  }

  static FollowupCoverageRow followupRow(Row r) {
    return ContractRows.toRecord(r, FollowupCoverageRow.class);
  }

  /** A suppressed group carries no figure at all, whatever the table holds. */
  static FeedbackLoopRow feedbackRow(Row r) {
    FeedbackLoopRow f = ContractRows.toRecord(r, FeedbackLoopRow.class);
    return !f.suppressed()
        ? f
        : new FeedbackLoopRow(
            f.month(),
            f.breakdown(),
            f.groupValue(),
            true,
            f.suppressionReason(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
  }

  private static String str(Row r, String column) {
    return r.getAs(column);
  }

  private static Double dbl(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static long lng(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  private static Long nullableLong(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : ((Number) v).longValue();
  }
}
