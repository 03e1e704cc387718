package io.commpulse.commlog;

import static org.apache.spark.sql.functions.col;

import io.commpulse.metrics.ContractRows;
import io.commpulse.schema.TableContract;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.hotspots}: problem categories ranked by count, internal (communication log) and
 * customer (tickets), with the change against the previous month.
 */
public final class HotspotsMetric {
  private HotspotsMetric() {}

  public static Dataset<Row> compute(
      TableContract table,
      String month,
      Dataset<Row> log,
      Dataset<Row> tickets,
      Dataset<Row> previous) {
    Map<String, Long> previousCounts = new HashMap<>();
    for (Row r : previous.select("domain", "category", "count").collectAsList()) {
      previousCounts.put(r.getString(0) + "|" + r.getString(1), r.getLong(2));
    }
    boolean hasPrevious = !previousCounts.isEmpty();
    List<HotspotRow> rows = new ArrayList<>();
    rows.addAll(
        domain(
            month,
            "internal",
            log.where(col("problem_category").isNotNull())
                .groupBy("problem_category")
                .count()
                .collectAsList(),
            previousCounts,
            hasPrevious));
    rows.addAll(
        domain(
            month,
            "customer",
            tickets.groupBy("category").count().collectAsList(),
            previousCounts,
            hasPrevious));
    return ContractRows.fromRecords(log.sparkSession(), table, rows);
  }

  private static List<HotspotRow> domain(
      String month,
      String domain,
      List<Row> counts,
      Map<String, Long> previousCounts,
      boolean hasPrevious) {
    List<Row> ranked = new ArrayList<>(counts);
    ranked.sort(
        Comparator.<Row>comparingLong(r -> -r.getLong(1)).thenComparing(r -> r.getString(0)));
    long total = ranked.stream().mapToLong(r -> r.getLong(1)).sum();
    List<HotspotRow> rows = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      String category = ranked.get(i).getString(0);
      long count = ranked.get(i).getLong(1);
      Long before = hasPrevious ? previousCounts.getOrDefault(domain + "|" + category, 0L) : null;
      rows.add(
          new HotspotRow(
              month,
              domain,
              category,
              count,
              (double) count / total,
              i + 1,
              before,
              before == null ? null : count - before,
              before == null || before == 0 ? null : (double) (count - before) / before));
    }
    return rows;
  }
}
