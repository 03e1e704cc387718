package io.commpulse.lake;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.delta.tables.DeltaTable;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.functions;

/**
 * The one class that reads and writes Delta tables. A table lives at {@code <root>/<layer>/<name>};
 * the root may be any Hadoop URI (file:, s3a:, hdfs:) or a plain local path.
 */
public final class Lake {
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

  /** One month of a month-partitioned table; empty (with the contract's columns) when the table does not exist yet. */
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
    try {
      conform(table, rows).write().format("delta").mode("overwrite")
          .option("replaceWhere", condition)
          .partitionBy(table.partitionedBy().toArray(String[]::new))
          .save(path(table));
    } catch (DeltaConcurrentModificationException e) {
      throw new ConcurrentRunException(table.qualifiedName(), e);
    }
  }

  public void replaceMonth(TableContract table, Dataset<Row> rows, String month) {
    replace(table, rows, "month = '" + month + "'");
  }

  public void append(TableContract table, Dataset<Row> rows) {
    try {
      conform(table, rows).write().format("delta").mode("append")
          .partitionBy(table.partitionedBy().toArray(String[]::new))
          .save(path(table));
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
        throw new IllegalStateException(table.qualifiedName() + ": computed rows lack column '"
            + spec.name() + "' (have " + present + ")");
      }
      columns.add(functions.col(spec.name()).cast(spec.sparkType()).as(spec.name(), spec.sparkField().metadata()));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** Makes every existing table addressable as {@code layer.table} in Spark SQL. */
  public List<TableContract> registerTables(SchemaCatalog catalog) {
    List<TableContract> registered = new ArrayList<>();
    for (TableContract table : catalog.tables()) {
      if ("landing".equals(table.layer()) || !exists(table)) {
        continue;
      }
      spark.sql("CREATE DATABASE IF NOT EXISTS " + table.layer());
      spark.sql("CREATE TABLE IF NOT EXISTS " + table.qualifiedName() + " USING delta LOCATION '"
          + path(table).replace("'", "\\'") + "'");
      registered.add(table);
    }
    return registered;
  }

  private void requireExists(TableContract table) {
    if (!exists(table)) {
      throw new MissingTableException(table.qualifiedName(), path(table));
    }
  }
}
