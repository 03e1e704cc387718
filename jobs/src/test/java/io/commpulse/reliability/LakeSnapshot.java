package io.commpulse.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.lake.SnapshotReader;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

/**
 * The contents of every Delta table of a lake as sorted text rows, without the columns that differ
 * between two correct runs (when a batch ran, how long it took, a random run id). The audit log is
 * append-only, so it is compared as the set of distinct accounting rows. Tables are read from the
 * Delta log with Delta Kernel: the lake as any Delta reader sees it, without a Spark session.
 */
record LakeSnapshot(Map<String, List<String>> tables) {
  static final Set<String> VOLATILE = Set.of("ingested_at", "started_at", "duration_ms", "run_id");
  static final String AUDIT = "ops.ingest_audit";

  static LakeSnapshot of(Path lake) {
    return of(lake, null);
  }

  /**
   * Only the rows of one month (every table is partitioned by month), or all when month is null.
   */
  static LakeSnapshot of(Path lake, String month) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : tableNames(lake)) {
      List<Row> rows = month == null ? read(lake, table) : readMonth(lake, table, month);
      tables.put(table, text(rows, table.equals(AUDIT)));
    }
    return new LakeSnapshot(tables);
  }

  static List<String> tableNames(Path lake) {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(lake)) {
      return names;
    }
    try (Stream<Path> layers = Files.list(lake)) {
      for (Path layer : layers.sorted().toList()) {
        try (Stream<Path> tables = Files.list(layer)) {
          tables
              .filter(t -> Files.isDirectory(t.resolve("_delta_log")) && hasCommit(t))
              .sorted()
              .forEach(t -> names.add(layer.getFileName() + "." + t.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static boolean hasCommit(Path table) {
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      return log.anyMatch(p -> p.getFileName().toString().matches("\\d{20}\\.json"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Every row of a table (e.g. "gold.coverage") at its latest version. */
  static List<Row> read(Path lake, String table) {
    TableContract contract = SchemaCatalog.get().table(table);
    SnapshotReader reader = reader(lake);
    return reader.read(contract, latest(reader, contract));
  }

  static List<Row> readMonth(Path lake, String table, String month) {
    TableContract contract = SchemaCatalog.get().table(table);
    SnapshotReader reader = reader(lake);
    return reader.readMonth(contract, month, latest(reader, contract));
  }

  private static SnapshotReader reader(Path lake) {
    return new SnapshotReader(lake.toString(), new Configuration());
  }

  private static long latest(SnapshotReader reader, TableContract table) {
    return reader
        .versionIfExists(table)
        .orElseThrow(() -> new IllegalStateException(table.qualifiedName() + " has no commit"));
  }

  /** Each row as text, without the volatile columns, sorted (or distinct, for the audit log). */
  private static List<String> text(List<Row> rows, boolean distinct) {
    List<String> text = new ArrayList<>();
    for (Row row : rows) {
      StringJoiner line = new StringJoiner("\u241F");
      for (int i = 0; i < row.size(); i++) {
        if (!VOLATILE.contains(row.schema().fields()[i].name())) {
          line.add(String.valueOf(row.get(i)));
        }
      }
      text.add(line.toString());
    }
    if (distinct) {
      return new ArrayList<>(new TreeSet<>(text));
    }
    text.sort(null);
    return text;
  }

  void assertSameAs(LakeSnapshot expected, String what) {
    assertEquals(expected.tables().keySet(), tables.keySet(), what + ": tables");
    for (String table : expected.tables().keySet()) {
      List<String> want = expected.tables().get(table);
      List<String> got = tables.get(table);
      assertEquals(want.size(), got.size(), what + ": rows of " + table);
      assertEquals(want, got, what + ": contents of " + table);
    }
  }
}
