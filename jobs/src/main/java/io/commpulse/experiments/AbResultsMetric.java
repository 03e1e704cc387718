package io.commpulse.experiments;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_micros;

import io.commpulse.experiments.MetricSpec.Better;
import io.commpulse.metrics.ContractRows;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.TableContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.ab_results}: every channel experiment of the month in {@code
 * silver.experiment_units}, each variant judged against {@value #CONTROL} on acknowledgement within
 * 48 h (binary), hours to acknowledge (continuous, lower is better, CUPED-adjusted by the
 * pre-period hours when that column exists) and clarity rating (ordinal). A unit recorded twice in
 * a variant is analysed from its earliest assignment.
 */
public final class AbResultsMetric {

  public static final String CONTROL = "control";
  static final String COVARIATE = "pre_period_hours_to_ack";

  private AbResultsMetric() {}

  static final RecordLayout LAYOUT =
      new RecordLayout(
          col("experiment_id"),
          col("unit_key"),
          col("variant"),
          col("split_weight"),
          unix_micros(col("assigned_at")),
          lit(true));

  /**
   * The metrics of {@code silver.experiment_units}; CUPED only when the covariate column is there.
   */
  static List<MetricColumn> metrics(List<String> columns) {
    MetricColumn hours =
        MetricColumn.typed(
            new MetricSpec("hours_to_ack", MetricKind.CONTINUOUS, Better.LOWER),
            col("hours_to_ack"));
    if (columns.contains(COVARIATE)) {
      hours = hours.withCovariate(MetricColumn.Covariate.typed(COVARIATE, col(COVARIATE)));
    }
    return List.of(
        MetricColumn.typed(
            new MetricSpec("acknowledged_48h", MetricKind.BINARY, Better.HIGHER),
            col("acknowledged_48h")),
        hours,
        MetricColumn.typed(
            new MetricSpec("clarity_rating", MetricKind.ORDINAL, Better.HIGHER),
            col("clarity_rating")));
  }

  public static Dataset<Row> compute(
      TableContract table, String month, Dataset<Row> experimentUnits) {
    List<MetricColumn> metrics = metrics(Arrays.asList(experimentUnits.columns()));
    List<AbResultRow> rows = new ArrayList<>();
    for (ExperimentSummary summary :
        ExperimentSamples.summarise(experimentUnits, LAYOUT, metrics)) {
      String id = summary.experimentId();
      var problem = summary.problemWith(CONTROL);
      if (problem.isPresent()) {
        RunLog.info("gold ab_results %s: %s; no results", month, problem.get());
        continue;
      }
      if (summary.configuredSplit().isEmpty()) {
        RunLog.info(
            "gold ab_results %s: %s states no single positive split_weight per variant;"
                + " the sample-ratio check assumes an equal split",
            month, id);
      }
      ExperimentResult result =
          AbResults.analyse(summary, metrics, AbResults.Settings.withControl(CONTROL));
      rows.addAll(AbResults.rows(month, summary, metrics, result));
      RunLog.info(
          "gold ab_results %s: %s %s",
          month,
          id,
          result.comparisons().stream()
              .map(c -> c.metric() + " " + c.variant() + " " + c.decision().label())
              .collect(Collectors.joining(", ")));
    }
    return ContractRows.fromRecords(experimentUnits.sparkSession(), table, rows);
  }
}
