package io.commpulse.scorecard;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.col;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.schema.KpiComparator;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.department_scorecard}: each department's own KPI rows, from the month's gold tables.
 * Coverage and mis-transmission are summed from the same counts as the company figure, so the
 * department rows add up to it; survey figures keep the suppression of {@code gold.satisfaction}.
 */
public final class DepartmentScorecard {
  private DepartmentScorecard() {}

  /**
   * @param serviceDepartment the department owning customer tickets and social replies; it gets the
   *     company's customer-response KPI rows
   */
  public record Inputs(
      Dataset<Row> coverage,
      Dataset<Row> mistransmission,
      Dataset<Row> satisfaction,
      Dataset<Row> companyScorecard,
      Dataset<Row> previousDepartmentScorecard,
      String serviceDepartment) {}

  private record Entry(
      String department,
      String kpi,
      String unit,
      KpiComparator comparator,
      Double target,
      Double actual,
      Interval ci,
      Long numerator,
      Long denominator,
      boolean suppressed,
      String copiedStatus) {}

  public static Dataset<Row> compute(TableContract table, String month, Inputs in) {
    KpiRegistry registry = SchemaCatalog.get().kpis();
    KpiRegistry.Kpi coverageKpi = registry.kpi("information_coverage");
    KpiRegistry.Kpi mistransmissionKpi = registry.kpi("mistransmission_rate");
    KpiRegistry.Kpi satisfactionKpi = registry.kpi("satisfaction_mean");
    Map<String, Row> company = new HashMap<>();
    in.companyScorecard().collectAsList().forEach(r -> company.put(Cells.str(r, "kpi"), r));
    Map<String, Double> previous = new HashMap<>();
    in.previousDepartmentScorecard()
        .where(col("actual").isNotNull())
        .collectAsList()
        .forEach(
            r ->
                previous.put(
                    Cells.str(r, "department") + "|" + Cells.str(r, "kpi"),
                    Cells.dbl(r, "actual")));

    List<Entry> entries = new ArrayList<>();
    Map<String, long[]> coverage = new TreeMap<>();
    in.coverage()
        .where(col("department").notEqual(ALL))
        .collectAsList()
        .forEach(
            r -> {
              long[] counts =
                  coverage.computeIfAbsent(Cells.str(r, "department"), d -> new long[2]);
              counts[0] += Cells.lng(r, "aware");
              counts[1] += Cells.lng(r, "employees");
            });
    coverage.forEach(
        (dept, counts) ->
            entries.add(
                new Entry(
                    dept,
                    coverageKpi.code(),
                    coverageKpi.unit(),
                    coverageKpi.comparator(),
                    coverageKpi.target(),
                    Cells.ratio(counts[0], counts[1]),
                    Interval.wilson(counts[0], counts[1]),
                    counts[0],
                    counts[1],
                    false,
                    null)));

    for (Row r : in.mistransmission().where(col("department").notEqual(ALL)).collectAsList()) {
      entries.add(
          new Entry(
              Cells.str(r, "department"),
              mistransmissionKpi.code(),
              mistransmissionKpi.unit(),
              mistransmissionKpi.comparator(),
              Cells.dbl(r, "target"),
              Cells.dbl(r, "rate"),
              interval(r, "ci_low", "ci_high"),
              Cells.lng(r, "flagged"),
              Cells.lng(r, "communications"),
              false,
              null));
    }

    for (Row r :
        in.satisfaction()
            .where(col("department").notEqual(ALL).and(col("question_id").equalTo("overall")))
            .collectAsList()) {
      String dept = Cells.str(r, "department");
      boolean suppressed = (Boolean) r.getAs("suppressed");
      entries.add(
          new Entry(
              dept,
              satisfactionKpi.code(),
              satisfactionKpi.unit(),
              satisfactionKpi.comparator(),
              previous.get(dept + "|" + satisfactionKpi.code()),
              suppressed ? null : Cells.dbl(r, "mean"),
              suppressed ? null : interval(r, "mean_ci_low", "mean_ci_high"),
              null,
              suppressed ? null : Cells.lng(r, "respondents"),
              suppressed,
              null));
    }

    for (KpiRegistry.Kpi serviceKpi : registry.all()) {
      if (serviceKpi.scorecard() != KpiRegistry.Scope.COMPANY_AND_SERVICE_DEPARTMENT) {
        continue;
      }
      String kpi = serviceKpi.code();
      Row r = company.get(kpi);
      if (r != null && in.serviceDepartment() != null) {
        entries.add(
            new Entry(
                in.serviceDepartment(),
                kpi,
                Cells.str(r, "unit"),
                KpiComparator.of(Cells.str(r, "comparator")),
                Cells.dbl(r, "target"),
                Cells.dbl(r, "actual"),
                interval(r, "ci_low", "ci_high"),
                null,
                null,
                false,
                Cells.str(r, "status")));
      }
    }

    Map<String, Integer> ranks = new HashMap<>();
    Map<String, Integer> ranked = new HashMap<>();
    rank(entries, ranks, ranked);
    List<DepartmentScorecardRow> rows = new ArrayList<>();
    for (Entry e : entries) {
      Row companyRow = company.get(e.kpi());
      rows.add(
          new DepartmentScorecardRow(
              month,
              e.department(),
              e.kpi(),
              e.unit(),
              e.comparator().symbol(),
              e.target(),
              e.actual(),
              e.ci() == null ? null : e.ci().low(),
              e.ci() == null ? null : e.ci().high(),
              e.suppressed()
                  ? DepartmentScorecardRow.SUPPRESSED
                  : e.copiedStatus() != null
                      ? e.copiedStatus()
                      : KpiStatus.evaluate(e.comparator(), e.target(), e.actual(), e.ci()).code(),
              e.numerator(),
              e.denominator(),
              companyRow == null ? null : Cells.dbl(companyRow, "actual"),
              ranks.get(e.department() + "|" + e.kpi()),
              ranked.get(e.kpi()),
              e.suppressed()));
    }
    return ContractRows.fromRecords(in.coverage().sparkSession(), table, rows);
  }

  /**
   * Competition ranking (1, 2, 2, 4) per KPI among departments with a value, best first; a KPI only
   * one department reports is not ranked.
   */
  private static void rank(
      List<Entry> entries, Map<String, Integer> ranks, Map<String, Integer> ranked) {
    Map<String, List<Entry>> byKpi = new TreeMap<>();
    entries.stream()
        .filter(e -> e.actual() != null)
        .forEach(e -> byKpi.computeIfAbsent(e.kpi(), k -> new ArrayList<>()).add(e));
    byKpi.forEach(
        (kpi, list) -> {
          if (list.size() < 2) {
            return;
          }
          boolean higherIsBetter =
              list.get(0).comparator() == KpiComparator.AT_LEAST
                  || list.get(0).comparator() == KpiComparator.TREND_UP;
          for (Entry e : list) {
            long better =
                list.stream()
                    .filter(o -> higherIsBetter ? o.actual() > e.actual() : o.actual() < e.actual())
                    .count();
            ranks.put(e.department() + "|" + kpi, (int) better + 1);
          }
          ranked.put(kpi, list.size());
        });
  }

  private static Interval interval(Row row, String low, String high) {
    Double l = Cells.dbl(row, low);
    Double h = Cells.dbl(row, high);
    return l == null || h == null ? null : new Interval(l, h);
  }
}
