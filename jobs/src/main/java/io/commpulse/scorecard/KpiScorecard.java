package io.commpulse.scorecard;

import static org.apache.spark.sql.functions.col;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.Rollup;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.KpiStatus.Comparator;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.kpi_scorecard}: one row per strategy KPI, built from the month's other gold tables. */
public final class KpiScorecard {
  static final double FLAT = 0.005;

  private KpiScorecard() {}

  /** The month's gold tables the scorecard summarises; {@code abResults} may be null before any experiment ran. */
  public record Inputs(Dataset<Row> mistransmission, Dataset<Row> responseSla, Dataset<Row> socialResponse,
      Dataset<Row> coverage, Dataset<Row> satisfaction, Dataset<Row> abResults, Dataset<Row> previousScorecard) {}

  private record Kpi(String code, String unit, Comparator comparator, Double target, Double actual, Interval ci,
      String details) {}

  public static Dataset<Row> compute(TableContract table, String month, Inputs in) {
    List<Kpi> kpis = new ArrayList<>();
    Row mis = single(in.mistransmission().where(col("department").equalTo(Rollup.ALL)));
    kpis.add(new Kpi("mistransmission_rate", "share", Comparator.BELOW, 0.05, value(mis, "rate"),
        interval(mis, "ci_low", "ci_high"), "gold.mistransmission"));

    Row complaints = single(in.responseSla().where(col("channel").equalTo(Rollup.ALL)
        .and(col("category").equalTo("service_complaint")).and(col("priority").equalTo(Rollup.ALL))));
    kpis.add(new Kpi("complaint_first_response_hours", "hours", Comparator.AT_MOST, 24.0,
        value(complaints, "first_reply_hours_mean"),
        interval(complaints, "first_reply_hours_mean_ci_low", "first_reply_hours_mean_ci_high"), "gold.response_sla"));
    kpis.add(new Kpi("complaint_replied_24h_share", "share", Comparator.INFO, null,
        value(complaints, "within_24h_share"), interval(complaints, "within_24h_ci_low", "within_24h_ci_high"),
        "gold.response_sla"));

    Row social = single(in.socialResponse().where(col("platform").equalTo(Rollup.ALL)));
    kpis.add(new Kpi("social_replied_24h_share", "share", Comparator.AT_LEAST, 1.0, value(social, "replied_24h_share"),
        interval(social, "replied_24h_ci_low", "replied_24h_ci_high"), "gold.social_response"));

    long employees = 0;
    long aware = 0;
    for (Row r : in.coverage().where(col("department").equalTo(Rollup.ALL)).collectAsList()) {
      employees += Cells.lng(r, "employees");
      aware += Cells.lng(r, "aware");
    }
    kpis.add(new Kpi("information_coverage", "share", Comparator.AT_LEAST, 0.95, Cells.ratio(aware, employees),
        Interval.wilson(aware, employees), "gold.coverage"));

    Map<String, Double> previous = new HashMap<>();
    for (Row r : in.previousScorecard().where(col("actual").isNotNull()).select("kpi", "actual").collectAsList()) {
      previous.put(r.getString(0), r.getDouble(1));
    }
    Row overall = single(in.satisfaction().where(col("department").equalTo(Rollup.ALL)
        .and(col("question_id").equalTo("overall")).and(col("suppressed").equalTo(false))));
    kpis.add(new Kpi("satisfaction_mean", "likert", Comparator.TREND_UP, previous.get("satisfaction_mean"),
        value(overall, "mean"), interval(overall, "mean_ci_low", "mean_ci_high"), "gold.satisfaction"));
    kpis.add(new Kpi("satisfaction_top2_share", "share", Comparator.TREND_UP, previous.get("satisfaction_top2_share"),
        value(overall, "top2_share"), interval(overall, "top2_ci_low", "top2_ci_high"), "gold.satisfaction"));

    if (in.abResults() != null) {
      long decided = in.abResults().where(col("decision").equalTo("winner")).select("experiment_id").distinct().count();
      kpis.add(new Kpi("channel_experiments_decided", "count", Comparator.INFO, null, (double) decided, null,
          "gold.ab_results"));
    }

    List<Map<String, Object>> rows = new ArrayList<>();
    for (Kpi kpi : kpis) {
      Double before = previous.get(kpi.code());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", month);
      row.put("kpi", kpi.code());
      row.put("unit", kpi.unit());
      row.put("comparator", kpi.comparator().symbol());
      row.put("target", kpi.target());
      row.put("actual", kpi.actual());
      row.put("ci_low", kpi.ci() == null ? null : kpi.ci().low());
      row.put("ci_high", kpi.ci() == null ? null : kpi.ci().high());
      row.put("status", KpiStatus.evaluate(kpi.comparator(), kpi.target(), kpi.actual(), kpi.ci()).code());
      row.put("previous", before);
      row.put("trend", trend(before, kpi.actual()));
      row.put("details", kpi.details());
      rows.add(row);
    }
    return ContractRows.toDataFrame(in.coverage().sparkSession(), table, rows);
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
