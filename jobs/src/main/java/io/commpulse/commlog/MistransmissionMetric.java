package io.commpulse.commlog;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.mistransmission}: share of internal communications flagged as wrongly transmitted.
 */
public final class MistransmissionMetric {

  private MistransmissionMetric() {}

  public static Dataset<Row> compute(TableContract table, String month, Dataset<Row> log) {
    Dataset<Row> cells =
        log.withColumn("flag", when(col("misinformation_flag").equalTo(true), 1).otherwise(0))
            .rollup(col("from_department"))
            .agg(count(lit(1)).as("communications"), sum("flag").as("flagged"));
    KpiRegistry.Kpi kpi = SchemaCatalog.get().kpis().kpi("mistransmission_rate");
    List<MistransmissionRow> rows = new ArrayList<>();
    for (Row cell : cells.collectAsList()) {
      long n = Cells.lng(cell, "communications");
      long flagged = Cells.lng(cell, "flagged");
      Double rate = Cells.ratio(flagged, n);
      Interval ci = Interval.wilson(flagged, n);
      rows.add(
          new MistransmissionRow(
              month,
              cell.isNullAt(0) ? ALL : cell.getString(0),
              n,
              flagged,
              rate,
              ci == null ? null : ci.low(),
              ci == null ? null : ci.high(),
              kpi.target(),
              KpiStatus.codeFor(kpi, rate, ci)));
    }
    return ContractRows.fromRecords(log.sparkSession(), table, rows);
  }
}
