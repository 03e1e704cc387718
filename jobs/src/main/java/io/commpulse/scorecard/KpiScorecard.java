package io.commpulse.scorecard;

import static org.apache.spark.sql.functions.col;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.DataCutoff;
import io.commpulse.metrics.Rollup;
import io.commpulse.schema.KpiComparator;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.kpi_scorecard}: one row per strategy KPI, built from the month's other gold tables.
 */
public final class KpiScorecard {
  static final double FLAT = 0.005;

  private KpiScorecard() {}

  /**
   * The month's gold tables the scorecard summarises; {@code abResults} may be null before any
   * experiment ran.
   */
  public record Inputs(
      Dataset<Row> mistransmission,
      Dataset<Row> responseSla,
      Dataset<Row> socialResponse,
      Dataset<Row> coverage,
      Dataset<Row> satisfaction,
      Dataset<Row> abResults,
      Dataset<Row> previousScorecard) {}

  /**
   * A KPI's actual with its registry entry; a trend KPI's target is its previous actual. {@code
   * state} is the state of the gold rows it comes from ({@link DataCutoff}); figures without
   * windows that close after the month are final.
   */
  private record Kpi(
      KpiRegistry.Kpi spec, Double target, Double actual, Interval ci, String state) {
    String code() {
      return spec.code();
    }
  }

  public static Dataset<Row> compute(TableContract table, String month, Inputs in) {
    KpiRegistry registry = SchemaCatalog.get().kpis();
    Map<String, Double> previous = new HashMap<>();
    for (Row r :
        in.previousScorecard()
            .where(col("actual").isNotNull())
            .select("kpi", "actual")
            .collectAsList()) {
      previous.put(r.getString(0), r.getDouble(1));
    }
    List<Kpi> kpis = new ArrayList<>();
    Row mis = single(in.mistransmission().where(col("department").equalTo(Rollup.ALL)));
    kpis.add(
        kpi(
            registry,
            previous,
            "mistransmission_rate",
            value(mis, "rate"),
            interval(mis, "ci_low", "ci_high"),
            DataCutoff.FINAL));

    Row complaints =
        single(
            in.responseSla()
                .where(
                    col("channel")
                        .equalTo(Rollup.ALL)
                        .and(col("category").equalTo("service_complaint"))
                        .and(col("priority").equalTo(Rollup.ALL))));
    kpis.add(
        kpi(
            registry,
            previous,
            "complaint_first_response_hours",
            value(complaints, "first_reply_hours_mean"),
            interval(complaints, "first_reply_hours_mean_ci_low", "first_reply_hours_mean_ci_high"),
            state(complaints)));
    kpis.add(
        kpi(
            registry,
            previous,
            "complaint_replied_24h_share",
            value(complaints, "within_24h_share"),
            interval(complaints, "within_24h_ci_low", "within_24h_ci_high"),
            state(complaints)));

    Row social = single(in.socialResponse().where(col("platform").equalTo(Rollup.ALL)));
    kpis.add(
        kpi(
            registry,
            previous,
            "social_replied_24h_share",
            value(social, "replied_24h_share"),
            interval(social, "replied_24h_ci_low", "replied_24h_ci_high"),
            state(social)));

    long employees = 0;
    long aware = 0;
    String coverageState = null;
    for (Row r : in.coverage().where(col("department").equalTo(Rollup.ALL)).collectAsList()) {
      employees += Cells.lng(r, "employees");
      aware += Cells.lng(r, "aware");
      coverageState = leastSettled(coverageState, state(r));
    }
    kpis.add(
        kpi(
            registry,
            previous,
            "information_coverage",
            Cells.ratio(aware, employees),
            Interval.wilson(aware, employees),
            coverageState));

    Row overall =
        single(
            in.satisfaction()
                .where(
                    col("department")
                        .equalTo(Rollup.ALL)
                        .and(col("question_id").equalTo("overall"))
                        .and(col("suppressed").equalTo(false))));
    kpis.add(
        kpi(
            registry,
            previous,
            "satisfaction_mean",
            value(overall, "mean"),
            interval(overall, "mean_ci_low", "mean_ci_high"),
            DataCutoff.FINAL));
    kpis.add(
        kpi(
            registry,
            previous,
            "satisfaction_top2_share",
            value(overall, "top2_share"),
            interval(overall, "top2_ci_low", "top2_ci_high"),
            DataCutoff.FINAL));

    if (in.abResults() != null) {
      long decided =
          in.abResults()
              .where(col("decision").equalTo("winner"))
              .select("experiment_id")
              .distinct()
              .count();
      kpis.add(
          kpi(
              registry,
              previous,
              "channel_experiments_decided",
              (double) decided,
              null,
              DataCutoff.FINAL));
    }

    List<KpiScorecardRow> rows = new ArrayList<>();
    for (Kpi kpi : kpis) {
      Double before = previous.get(kpi.code());
      rows.add(
          new KpiScorecardRow(
              month,
              kpi.code(),
              kpi.spec().unit(),
              kpi.spec().comparator().symbol(),
              kpi.target(),
              kpi.actual(),
              kpi.ci() == null ? null : kpi.ci().low(),
              kpi.ci() == null ? null : kpi.ci().high(),
              KpiStatus.evaluate(kpi.spec().comparator(), kpi.target(), kpi.actual(), kpi.ci())
                  .code(),
              before,
              trend(before, kpi.actual()),
              kpi.spec().source(),
              kpi.state()));
    }
    return ContractRows.fromRecords(in.coverage().sparkSession(), table, rows);
  }

  private static Kpi kpi(
      KpiRegistry registry,
      Map<String, Double> previous,
      String code,
      Double actual,
      Interval ci,
      String state) {
    KpiRegistry.Kpi spec = registry.kpi(code);
    Double target =
        spec.comparator() == KpiComparator.TREND_UP ? previous.get(code) : spec.target();
    return new Kpi(spec, target, actual, ci, state);
  }

  /** The state column of a gold row; null for a missing row or one written before the column. */
  private static String state(Row row) {
    return row == null ? null : Cells.str(row, "state");
  }

  /** Provisional when either is: a figure summing rows is as settled as its least settled row. */
  private static String leastSettled(String a, String b) {
    if (DataCutoff.PROVISIONAL.equals(a) || DataCutoff.PROVISIONAL.equals(b)) {
      return DataCutoff.PROVISIONAL;
    }
    return a == null ? b : a;
  }

  static String trend(Double previous, Double actual) {
    if (previous == null || actual == null) {
      return null;
    }
    double scale = Math.max(Math.abs(previous), 1e-12);
    if (Math.abs(actual - previous) / scale <= FLAT) {
      return "flat";
    }
    return actual > previous ? "up" : "down";
  }

  private static Row single(Dataset<Row> rows) {
    List<Row> found = rows.limit(2).collectAsList();
    return found.size() == 1 ? found.get(0) : null;
  }

  private static Double value(Row row, String column) {
    return row == null ? null : Cells.dbl(row, column);
  }

  private static Interval interval(Row row, String low, String high) {
    Double l = value(row, low);
    Double h = value(row, high);
    return l == null || h == null ? null : new Interval(l, h);
  }
}
