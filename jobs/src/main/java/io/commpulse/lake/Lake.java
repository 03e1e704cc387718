package io.commpulse.lake;

import io.commpulse.errors.UserError;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.delta.tables.DeltaTable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The one class that reads and writes Delta tables. A table lives at {@code <root>/<layer>/<name>};
 * the root may be any Hadoop URI (file:, s3a:, hdfs:) or a plain local path.
 */
public final class Lake {
  /**
   * A column a newer contract adds is added to an existing table by the next write; the months
   * written before read it as null. Rows are conformed to the contract first, so nothing but a new
   * column can merge.
   */
  private static final String ADDITIVE_SCHEMA_CHANGES = "true";

  // The ten landing sources, each ingested by its own process in the monthly DAG.
  private static final int OWN_ROWS_ATTEMPTS = 10;
  private static final ConcurrentMap<String, Object> WRITE_LOCKS = new ConcurrentHashMap<>();
  private final SparkSession spark;
  private final String root;

  public Lake(SparkSession spark, String location) {
    this.spark = spark;
    this.root = normalise(location);
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  /** A reader of this lake's tables that runs no Spark job, with the session's Hadoop settings. */
  public SnapshotReader snapshots() {
    return new SnapshotReader(root, spark.sparkContext().hadoopConfiguration());
  }

  static String normalise(String location) {
    String trimmed = location.replaceAll("/+$", "");
    URI uri = URI.create(trimmed.replace(" ", "%20"));
    if (uri.getScheme() != null && uri.getScheme().length() > 1) {
      return trimmed;
    }
    return new File(trimmed).getAbsoluteFile().toURI().toString().replaceAll("/+$", "");
  }

  public String path(TableContract table) {
    return root + "/" + table.layer() + "/" + table.name();
  }

  public boolean exists(TableContract table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  public Dataset<Row> read(TableContract table) {
    requireExists(table);
    return spark.read().format("delta").load(path(table));
  }

  /**
   * One month of a month-partitioned table; empty (with the contract's columns) when the table does
   * not exist yet.
   */
  public Dataset<Row> readMonth(TableContract table, String month) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), table.sparkSchema());
    }
    return read(table).where(functions.col("month").equalTo(month));
  }

  /** The table as it was at a Delta version: what reproducible reports read. */
  public Dataset<Row> readAtVersion(TableContract table, long version) {
    requireExists(table);
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /** One month of a table as it was at a Delta version. */
  public Dataset<Row> readMonthAtVersion(TableContract table, String month, long version) {
    return readAtVersion(table, version).where(functions.col("month").equalTo(month));
  }

  /**
   * The current version, or empty when the table has not been written yet. Read from the names of
   * the commit files in {@code _delta_log} (the highest {@code <version>.json} is the latest
   * commit): a listing, not a Spark job, which matters when a report asks for the versions of a
   * dozen tables.
   */
  public OptionalLong versionIfExists(TableContract table) {
    return SnapshotReader.latestCommit(
        new org.apache.hadoop.fs.Path(path(table), "_delta_log"),
        spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Whether any file was ever written to the month's partition of a month-partitioned table: a
   * listing, not a Spark job. False means the table holds no row of that month; true only that it
   * may (a replaced month keeps its old files until VACUUM).
   */
  public boolean monthEverWritten(TableContract table, String month) {
    if (!table.partitionedBy().equals(List.of("month"))) {
      return true;
    }
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(path(table), "month=" + month);
    try {
      return folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  public long version(TableContract table) {
    requireExists(table);
    Row last = DeltaTable.forPath(spark, path(table)).history(1).select("version").first();
    return last.getLong(0);
  }

  /**
   * Atomically replaces the rows matching {@code condition} (a SQL predicate on partition columns)
   * with {@code rows}: one Delta commit, so readers see the old month or the new one, never half.
   */
  public void replace(TableContract table, Dataset<Row> rows, String condition) {
    boolean existed = exists(table);
    try {
      overwrite(table, rows, condition);
    } catch (DeltaConcurrentModificationException e) {
      if (existed) {
        throw new ConcurrentRunException(table.qualifiedName(), e);
      }
      // Another job created the table in the same moment (the ingests of different sources run in
      // parallel and share bronze.quarantine). It exists now; a write to other rows commits against
      // it.
      try {
        overwrite(table, rows, condition);
      } catch (DeltaConcurrentModificationException again) {
        throw new ConcurrentRunException(table.qualifiedName(), again);
      }
    }
  }

  /**
   * Replaces rows that belong to this run in a table that other runs write at the same time, each
   * its own rows: the ingests of the monthly DAG, one process per source, share a month of
   * bronze.quarantine. Delta refuses a commit when another run committed to the same partition
   * while this write was under way. The rows replaced here are this run's alone, so the write is
   * made again on the table's new version. Every refusal means another writer's commit went
   * through, so with one writer per source each write lands within as many attempts as there are
   * sources. Returns the number of attempts the write took.
   */
  public int replaceOwnRows(TableContract table, Dataset<Row> rows, String condition) {
    for (int attempt = 1; ; attempt++) {
      try {
        replace(table, rows, condition);
        return attempt;
      } catch (ConcurrentRunException e) {
        if (attempt == OWN_ROWS_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void overwrite(TableContract table, Dataset<Row> rows, String condition) {
    synchronized (writeLock(table)) {
      conform(table, rows)
          .write()
          .format("delta")
          .mode("overwrite")
          .option("replaceWhere", condition)
          .option("mergeSchema", ADDITIVE_SCHEMA_CHANGES)
          .partitionBy(table.partitionedBy().toArray(String[]::new))
          .save(path(table));
    }
  }

  /**
   * Writes of this process to one table take turns: the month's ingests share bronze.quarantine and
   * ops.ingest_audit, and Delta would refuse the second of two overlapping writes (a month
   * partition holds every source's rejects). Writers in other processes are still caught by Delta's
   * conflict check.
   */
  private Object writeLock(TableContract table) {
    return WRITE_LOCKS.computeIfAbsent(path(table), ignored -> new Object());
  }

  public void replaceMonth(TableContract table, Dataset<Row> rows, String month) {
    replace(table, rows, "month = '" + month + "'");
  }

  /**
   * Replaces a month with rows the driver holds (gold tables: a few hundred rows) once they satisfy
   * the contract's key, every key column set and no key twice; otherwise a {@link
   * KeyViolationException} and nothing is written. Returns the rows written.
   */
  public Dataset<Row> replaceMonth(
      TableContract table, List<Row> rows, StructType schema, String month) {
    KeyCheck.verify(table, schema, rows);
    Dataset<Row> written = spark.createDataFrame(rows, schema);
    // One file: `maintain` would otherwise compact the few rows' files into one later.
    replaceMonth(table, written.coalesce(1), month);
    return written;
  }

  /**
   * Creates the table without rows when the lake does not hold it yet: one commit, so that writers
   * started together afterwards find it instead of racing to create it. Another process creating it
   * in the same moment is fine.
   */
  public void createIfMissing(TableContract table) {
    if (versionIfExists(table).isPresent()) {
      return;
    }
    try {
      append(table, spark.createDataFrame(List.<Row>of(), table.sparkSchema()));
    } catch (ConcurrentRunException e) {
      if (versionIfExists(table).isEmpty()) {
        throw e;
      }
    }
  }

  public void append(TableContract table, Dataset<Row> rows) {
    try {
      synchronized (writeLock(table)) {
        conform(table, rows)
            .write()
            .format("delta")
            .mode("append")
            .option("mergeSchema", ADDITIVE_SCHEMA_CHANGES)
            .partitionBy(table.partitionedBy().toArray(String[]::new))
            .save(path(table));
      }
    } catch (DeltaConcurrentModificationException e) {
      throw new ConcurrentRunException(table.qualifiedName(), e);
    }
  }

  /** Orders, casts and comments the columns exactly as the contract declares them. */
  public static Dataset<Row> conform(TableContract table, Dataset<Row> rows) {
    List<String> present = List.of(rows.columns());
    List<Column> columns = new ArrayList<>();
    for (ColumnSpec spec : table.columns()) {
      if (!present.contains(spec.name())) {
        throw new IllegalStateException(
            table.qualifiedName()
                + ": computed rows lack column '"
                + spec.name()
                + "' (have "
                + present
                + ")");
      }
      columns.add(
          functions
              .col(spec.name())
              .cast(spec.sparkType())
              .as(spec.name(), spec.sparkField().metadata()));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** Makes every existing table addressable as {@code layer.table} in Spark SQL. */
  public List<TableContract> registerTables(SchemaCatalog catalog) {
    List<TableContract> tables = existingTables(catalog);
    registerTables(tables, Map.of());
    return tables;
  }

  /** The tables of the catalog that this lake holds (landing sources are files, not tables). */
  public List<TableContract> existingTables(SchemaCatalog catalog) {
    return catalog.tables().stream()
        .filter(t -> !"landing".equals(t.layer()) && exists(t))
        .toList();
  }

  /**
   * Makes these tables addressable as {@code layer.table} in Spark SQL, those named in {@code
   * versions} ({@code layer.table -> version}) as read-only views of the table at that Delta
   * version: time travel for every query of the session. An entry an earlier registration left in
   * the session catalog, for another lake or version, is replaced; dropping a table registered with
   * a location drops only the name.
   */
  public void registerTables(Collection<TableContract> tables, Map<String, Long> versions) {
    for (TableContract table : tables) {
      Long version = versions.get(table.qualifiedName());
      if (version != null) {
        long latest = version(table);
        if (version < 0 || version > latest) {
          throw new UserError(
              table.qualifiedName()
                  + " has no version "
                  + version
                  + "; its versions are 0 to "
                  + latest
                  + " (DESCRIBE HISTORY "
                  + table.qualifiedName()
                  + " lists them)");
        }
      }
    }
    for (TableContract table : tables) {
      requireExists(table);
      // The layer's folder is the database location, so no spark-warehouse folder appears where the
      // command runs.
      spark.sql(
          "CREATE DATABASE IF NOT EXISTS "
              + table.layer()
              + " LOCATION '"
              + (root + "/" + table.layer()).replace("'", "\\'")
              + "'");
      forget(table.layer(), table.name());
      Long version = versions.get(table.qualifiedName());
      if (version == null) {
        spark.sql(
            "CREATE TABLE "
                + table.qualifiedName()
                + " USING delta LOCATION '"
                + path(table).replace("'", "\\'")
                + "'");
      } else {
        spark.sql(
            "CREATE VIEW "
                + table.qualifiedName()
                + " AS SELECT * FROM delta.`"
                + path(table).replace("`", "``")
                + "` VERSION AS OF "
                + version);
      }
    }
  }

  private void forget(String database, String name) {
    if (!spark.catalog().tableExists(database, name)) {
      return;
    }
    String type;
    try {
      type = spark.catalog().getTable(database, name).tableType();
    } catch (AnalysisException e) {
      return;
    }
    if ("VIEW".equals(type)) {
      spark.sql("DROP VIEW " + database + "." + name);
    } else if ("EXTERNAL".equals(type)) {
      spark.sql("DROP TABLE " + database + "." + name);
    } else {
      throw new IllegalStateException(
          "the session catalog already holds a "
              + type
              + " table "
              + database
              + "."
              + name
              + "; refusing to replace it");
    }
  }

  private void requireExists(TableContract table) {
    if (!exists(table)) {
      throw new MissingTableException(table.qualifiedName(), path(table));
    }
  }
}
