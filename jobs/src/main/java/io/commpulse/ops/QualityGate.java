package io.commpulse.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data-quality gate of a month: every source was ingested, its latest run conserved rows, its
 * quarantine share is within the limit, and the bronze tables hold what the audit says was written.
 */
public final class QualityGate {
  private QualityGate() {}

  /** The latest audit row of one source for the month, and what the lake holds now. */
  public record SourceState(
      String source,
      long read,
      long accepted,
      long quarantined,
      long bronzeRows,
      long quarantineRows) {}

  public static List<String> violations(
      List<String> sources, Map<String, SourceState> states, double maxShare) {
    List<String> problems = new ArrayList<>();
    for (String source : sources) {
      SourceState s = states.get(source);
      if (s == null) {
        problems.add(source + ": not ingested for this month");
        continue;
      }
      if (s.read() != s.accepted() + s.quarantined()) {
        problems.add(
            String.format(
                Locale.ROOT,
                "%s: rows read %d != accepted %d + quarantined %d",
                source,
                s.read(),
                s.accepted(),
                s.quarantined()));
      }
      if (s.bronzeRows() != s.accepted() || s.quarantineRows() != s.quarantined()) {
        problems.add(
            String.format(
                Locale.ROOT,
                "%s: tables hold %d bronze and %d quarantined rows but the last ingest wrote %d and %d",
                source,
                s.bronzeRows(),
                s.quarantineRows(),
                s.accepted(),
                s.quarantined()));
      }
      double share = s.read() == 0 ? 0 : (double) s.quarantined() / s.read();
      if (share > maxShare) {
        problems.add(
            String.format(
                Locale.ROOT,
                "%s: %.2f%% of rows quarantined, above the limit of %.2f%%",
                source,
                share * 100,
                maxShare * 100));
      }
    }
    return problems;
  }

  public static Map<String, SourceState> states(Lake lake, SchemaCatalog catalog, String month) {
    Map<String, SourceState> states = new HashMap<>();
    Dataset<Row> audit = lake.readMonth(catalog.table("ops.ingest_audit"), month);
    Dataset<Row> quarantine = lake.readMonth(catalog.table("bronze.quarantine"), month);
    Map<String, Long> quarantined = new HashMap<>();
    for (Row r : quarantine.groupBy("source").count().collectAsList()) {
      quarantined.put(r.getString(0), r.getLong(1));
    }
    for (String source : catalog.sourceNames()) {
      List<Row> latest =
          audit
              .where(col("source").equalTo(source))
              .orderBy(desc("started_at"))
              .limit(1)
              .collectAsList();
      if (latest.isEmpty()) {
        continue;
      }
      Row run = latest.get(0);
      long bronzeRows = lake.readMonth(catalog.table("bronze." + source), month).count();
      states.put(
          source,
          new SourceState(
              source,
              run.<Long>getAs("rows_read"),
              run.<Long>getAs("rows_accepted"),
              run.<Long>getAs("rows_quarantined"),
              bronzeRows,
              quarantined.getOrDefault(source, 0L)));
    }
    return states;
  }
}
