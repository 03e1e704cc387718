package io.commpulse.coverage;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.metrics.DataCutoff;
import io.commpulse.metrics.Hours;
import io.commpulse.metrics.Hours.Resolution;
import io.commpulse.metrics.Hours.Reversed;
import io.commpulse.metrics.Percentiles;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.coverage}: for each decision, which share of the employees on the roster on the
 * publication day (in the company's time zone) became aware of it.
 */
public final class CoverageMetric {

  private CoverageMetric() {}

  /** Employees eligible for each decision, with whether and how they became aware of it. */
  static Dataset<Row> reach(
      Dataset<Row> decisions, Dataset<Row> employees, Dataset<Row> acknowledgements) {
    Dataset<Row> published =
        decisions.select(
            col("decision_id"),
            col("title_zh"),
            col("title_en"),
            col("published_at"),
            to_date(from_utc_timestamp(col("published_at"), col("source_timezone")))
                .as("publish_day"));
    Dataset<Row> eligible =
        published
            .crossJoin(employees.select("employee_key", "department", "hire_date", "leave_date"))
            .where(
                col("hire_date")
                    .leq(col("publish_day"))
                    .and(col("leave_date").isNull().or(col("leave_date").geq(col("publish_day")))));
    Dataset<Row> aware =
        acknowledgements.select(
            col("decision_id").as("a_decision"),
            col("employee_key").as("a_employee"),
            col("aware_at"),
            col("channel"));
    return eligible
        .join(
            aware,
            eligible
                .col("decision_id")
                .equalTo(aware.col("a_decision"))
                .and(eligible.col("employee_key").equalTo(aware.col("a_employee"))),
            "left")
        .withColumn("is_aware", when(col("aware_at").isNotNull(), 1).otherwise(0))
        .withColumn(
            "hours_to_aware",
            Hours.between(
                col("published_at"), col("aware_at"), Resolution.SECONDS, Reversed.NEGATIVE));
  }

  public static Dataset<Row> compute(
      TableContract table,
      String month,
      Dataset<Row> decisions,
      Dataset<Row> employees,
      Dataset<Row> acknowledgements,
      DataCutoff cutoff) {
    Dataset<Row> reach = reach(decisions, employees, acknowledgements).cache();
    try {
      Column[] byDept = {col("decision_id"), col("title_zh"), col("title_en"), col("department")};
      Column[] overall = {
        col("decision_id"), col("title_zh"), col("title_en"), lit(ALL).as("department")
      };
      List<Row> cells = new ArrayList<>(aggregate(reach, byDept));
      cells.addAll(aggregate(reach, overall));
      Map<String, Row> topChannel = topChannels(reach);
      List<CoverageRow> rows = new ArrayList<>();
      for (Row cell : cells) {
        rows.add(
            row(
                month,
                cell,
                cutoff,
                topChannel.get(
                    Cells.str(cell, "decision_id") + "|" + Cells.str(cell, "department"))));
      }
      return ContractRows.fromRecords(reach.sparkSession(), table, rows);
    } finally {
      reach.unpersist();
    }
  }

  private static List<Row> aggregate(Dataset<Row> reach, Column[] groups) {
    return reach
        .groupBy(groups)
        .agg(
            count(lit(1)).as("employees"),
            sum("is_aware").as("aware"),
            Percentiles.median(col("hours_to_aware")).as("median_hours"))
        .collectAsList();
  }

  /**
   * Most frequent channel per decision and department (and ALL); ties go to the alphabetically
   * first.
   */
  private static Map<String, Row> topChannels(Dataset<Row> reach) {
    Dataset<Row> aware = reach.where(col("is_aware").equalTo(1));
    List<Row> counts =
        new ArrayList<>(
            aware
                .groupBy(col("decision_id"), col("department"), col("channel"))
                .count()
                .collectAsList());
    counts.addAll(
        aware
            .groupBy(col("decision_id"), lit(ALL).as("department"), col("channel"))
            .count()
            .collectAsList());
    Map<String, Row> best = new HashMap<>();
    for (Row r : counts) {
      String key = r.getString(0) + "|" + r.getString(1);
      Row current = best.get(key);
      if (current == null
          || r.getLong(3) > current.getLong(3)
          || (r.getLong(3) == current.getLong(3)
              && r.getString(2).compareTo(current.getString(2)) < 0)) {
        best.put(key, r);
      }
    }
    return best;
  }

  private static CoverageRow row(String month, Row cell, DataCutoff cutoff, Row topChannel) {
    long employees = Cells.lng(cell, "employees");
    long aware = Cells.lng(cell, "aware");
    Interval ci = Interval.wilson(aware, employees);
    Double share = Cells.ratio(aware, employees);
    KpiRegistry.Kpi kpi = SchemaCatalog.get().kpis().kpi("information_coverage");
    double target = kpi.target();
    return new CoverageRow(
        month,
        Cells.str(cell, "decision_id"),
        Cells.str(cell, "title_zh"),
        Cells.str(cell, "title_en"),
        Cells.str(cell, "department"),
        employees,
        aware,
        share,
        ci == null ? null : ci.low(),
        ci == null ? null : ci.high(),
        target,
        Interval.pBelowTarget(aware, employees, target),
        share == null ? null : share >= target,
        KpiStatus.codeFor(kpi, share, ci),
        Cells.dbl(cell, "median_hours"),
        topChannel == null ? null : topChannel.getString(2),
        topChannel == null ? null : Cells.ratio(topChannel.getLong(3), aware),
        cutoff.throughTimestamp(),
        cutoff.state());
  }
}
