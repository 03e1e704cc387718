package io.commpulse.commlog;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.mistransmission}: share of internal communications flagged as wrongly transmitted. */
public final class MistransmissionMetric {
  public static final double TARGET = 0.05;

  private MistransmissionMetric() {}

  public static Dataset<Row> compute(TableContract table, String month, Dataset<Row> log) {
    Dataset<Row> cells = log.withColumn("flag", when(col("misinformation_flag").equalTo(true), 1).otherwise(0))
        .rollup(col("from_department"))
        .agg(count(lit(1)).as("communications"), sum("flag").as("flagged"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row cell : cells.collectAsList()) {
      long n = Cells.lng(cell, "communications");
      long flagged = Cells.lng(cell, "flagged");
      Double rate = Cells.ratio(flagged, n);
      Interval ci = Interval.wilson(flagged, n);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", month);
      row.put("department", cell.isNullAt(0) ? ALL : cell.getString(0));
      row.put("communications", n);
      row.put("flagged", flagged);
      row.put("rate", rate);
      row.put("ci_low", ci == null ? null : ci.low());
      row.put("ci_high", ci == null ? null : ci.high());
      row.put("target", TARGET);
      row.put("status", rate == null ? null : KpiStatus.evaluate(KpiStatus.Comparator.BELOW, TARGET, rate, ci).code());
      rows.add(row);
    }
    return ContractRows.toDataFrame(log.sparkSession(), table, rows);
  }
}
