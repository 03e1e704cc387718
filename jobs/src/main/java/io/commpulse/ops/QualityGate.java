package io.commpulse.ops;

import io.commpulse.lake.SnapshotReader;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
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

  /**
   * What the lake holds now for a month, read without a Spark session: each source's latest audit
   * row, and the rows of its bronze table and of the quarantine.
   */
  public static Map<String, SourceState> states(
      SnapshotReader lake, SchemaCatalog catalog, String month) {
    Map<String, Long> quarantined = new HashMap<>();
    for (Row r : currentMonth(lake, catalog.table("bronze.quarantine"), month)) {
      quarantined.merge(r.getAs("source"), 1L, Long::sum);
    }
    Map<String, Row> latest =
        latestRuns(currentMonth(lake, catalog.table("ops.ingest_audit"), month));
    Map<String, SourceState> states = new HashMap<>();
    for (String source : catalog.sourceNames()) {
      Row run = latest.get(source);
      if (run == null) {
        continue;
      }
      states.put(
          source,
          new SourceState(
              source,
              run.<Long>getAs("rows_read"),
              run.<Long>getAs("rows_accepted"),
              run.<Long>getAs("rows_quarantined"),
              lake.countMonth(catalog.table("bronze." + source), month),
              quarantined.getOrDefault(source, 0L)));
    }
    return states;
  }

  private static List<Row> currentMonth(SnapshotReader lake, TableContract table, String month) {
    OptionalLong version = lake.versionIfExists(table);
    return version.isEmpty() ? List.of() : lake.readMonth(table, month, version.getAsLong());
  }

  /**
   * The latest row of each source in {@code ops.ingest_audit}, which is appended per run: a rerun's
   * row supersedes the earlier ones.
   */
  public static Map<String, Row> latestRuns(List<Row> audit) {
    Map<String, Row> latest = new HashMap<>();
    for (Row r : audit) {
      Row seen = latest.get(r.<String>getAs("source"));
      if (seen == null || r.<Timestamp>getAs("started_at").after(seen.getAs("started_at"))) {
        latest.put(r.getAs("source"), r);
      }
    }
    return latest;
  }
}
