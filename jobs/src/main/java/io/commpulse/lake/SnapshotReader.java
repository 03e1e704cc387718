package io.commpulse.lake;

import static io.delta.kernel.internal.util.Utils.singletonCloseableIterator;

import io.commpulse.schema.TableContract;
import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads small Delta tables at a pinned version into rows, in this process and without a Spark
 * session (Delta Kernel over the same Hadoop file systems): what the report and the quality gate
 * need, whose tables hold a few hundred rows a month (the gate only counts the large ones), and for
 * which starting Spark and planning a job per table would cost more than the reading.
 *
 * <p>Rows carry the table's own schema and the values Spark's {@code collect} would give: strings,
 * boxed numbers and booleans, {@link java.sql.Timestamp} and {@link java.sql.Date}.
 */
public final class SnapshotReader {
  private static final Pattern COMMIT_FILE = Pattern.compile("(\\d{20})\\.json");

  private final String root;
  private final Configuration hadoop;
  private final Engine engine;

  public SnapshotReader(String location, Configuration hadoop) {
    this.root = Lake.normalise(location);
    this.hadoop = hadoop;
    this.engine = DefaultEngine.create(hadoop);
  }

  public String root() {
    return root;
  }

  String path(TableContract table) {
    return root + "/" + table.layer() + "/" + table.name();
  }

  /**
   * The current version, or empty when the table has not been written yet: the highest commit file
   * in {@code _delta_log}, a listing.
   */
  public OptionalLong versionIfExists(TableContract table) {
    return latestCommit(new org.apache.hadoop.fs.Path(path(table), "_delta_log"), hadoop);
  }

  static OptionalLong latestCommit(org.apache.hadoop.fs.Path log, Configuration hadoop) {
    try {
      FileSystem fs = log.getFileSystem(hadoop);
      if (!fs.exists(log)) {
        return OptionalLong.empty();
      }
      long latest = -1;
      for (org.apache.hadoop.fs.FileStatus file : fs.listStatus(log)) {
        Matcher commit = COMMIT_FILE.matcher(file.getPath().getName());
        if (commit.matches()) {
          latest = Math.max(latest, Long.parseLong(commit.group(1)));
        }
      }
      return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }

  /**
   * The number of rows of one month of a month-partitioned table at its current version, 0 when the
   * table does not exist: one column is read, and only the month's files.
   */
  public long countMonth(TableContract table, String month) {
    if (!table.partitionedBy().equals(List.of("month"))) {
      throw new IllegalArgumentException(table.qualifiedName() + " is not partitioned by month");
    }
    OptionalLong version = versionIfExists(table);
    if (version.isEmpty()) {
      return 0;
    }
    Snapshot snapshot =
        TableManager.loadSnapshot(path(table)).atVersion(version.getAsLong()).build(engine);
    io.delta.kernel.types.StructType narrow = new io.delta.kernel.types.StructType();
    for (StructField field : snapshot.getSchema().fields()) {
      if (!field.getName().equals("month")) {
        narrow = narrow.add(field);
        break;
      }
    }
    Scan scan = snapshot.getScanBuilder().withReadSchema(narrow).withFilter(monthIs(month)).build();
    return eachFile(scan, path(table), this::selectedRows).stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private long selectedRows(io.delta.kernel.data.Row state, io.delta.kernel.data.Row file)
      throws IOException {
    long rows = 0;
    try (CloseableIterator<FilteredColumnarBatch> data = fileData(state, file)) {
      while (data.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> selected = data.next().getRows()) {
          while (selected.hasNext()) {
            selected.next();
            rows++;
          }
        }
      }
    }
    return rows;
  }

  /** What {@code perFile} makes of each data file of a scan, in the log's order. */
  private <T> List<T> eachFile(Scan scan, String what, PerFile<T> perFile) {
    List<T> results = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      io.delta.kernel.data.Row state = scan.getScanState(engine);
      while (scanFiles.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> batch = scanFiles.next().getRows()) {
          while (batch.hasNext()) {
            results.add(perFile.apply(state, batch.next()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what, e);
    }
    return results;
  }

  @FunctionalInterface
  private interface PerFile<T> {
    T apply(io.delta.kernel.data.Row state, io.delta.kernel.data.Row file) throws IOException;
  }

  private static Predicate monthIs(String month) {
    return new Predicate("=", new Column("month"), Literal.ofString(month));
  }

  /**
   * The rows of one data file as the table shows them: partition values added, deletions applied.
   */
  private CloseableIterator<FilteredColumnarBatch> fileData(
      io.delta.kernel.data.Row state, io.delta.kernel.data.Row file) throws IOException {
    FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
    CloseableIterator<ColumnarBatch> data =
        engine
            .getParquetHandler()
            .readParquetFiles(
                singletonCloseableIterator(status),
                ScanStateRow.getPhysicalDataReadSchema(state),
                Optional.empty())
            .map(r -> r.getData());
    return Scan.transformPhysicalData(engine, state, file, data);
  }

  /** The data files (absolute paths) and the properties of a table version. */
  public record TableState(List<String> files, Map<String, String> properties) {}

  /** The current version's data files and properties, from the log alone: no data is read. */
  public TableState current(TableContract table) {
    long version =
        versionIfExists(table)
            .orElseThrow(() -> new MissingTableException(table.qualifiedName(), path(table)));
    Snapshot snapshot = TableManager.loadSnapshot(path(table)).atVersion(version).build(engine);
    List<String> files =
        eachFile(
            snapshot.getScanBuilder().build(),
            "the log of " + path(table),
            (state, file) -> InternalScanFileUtils.getAddFileStatus(file).getPath());
    return new TableState(files, snapshot.getTableProperties());
  }

  /** Every row of the table as it was at {@code version}. */
  public List<Row> read(TableContract table, long version) {
    return scan(table, version, Optional.empty());
  }

  /** The rows of one month of the table as it was at {@code version}. */
  public List<Row> readMonth(TableContract table, String month, long version) {
    return scan(table, version, Optional.of(month));
  }

  private List<Row> scan(TableContract table, long version, Optional<String> month) {
    Snapshot snapshot = TableManager.loadSnapshot(path(table)).atVersion(version).build(engine);
    StructType schema = sparkSchema(snapshot.getSchema());
    ScanBuilder builder = snapshot.getScanBuilder();
    if (month.isPresent()) {
      // Prunes the month's partition. Rows are still checked one by one: on a column that is not
      // a partition, a filter only skips files.
      builder = builder.withFilter(monthIs(month.get()));
    }
    List<FileRows> files =
        new ArrayList<>(
            eachFile(
                builder.build(),
                path(table) + " at version " + version,
                (state, file) -> readFile(state, file, schema, month)));
    // Spark reads a table's files largest first (a stable sort): the same row order as its collect.
    files.sort(Comparator.comparingLong(FileRows::size).reversed());
    return files.stream().flatMap(f -> f.rows().stream()).toList();
  }

  private record FileRows(long size, List<Row> rows) {}

  private FileRows readFile(
      io.delta.kernel.data.Row state,
      io.delta.kernel.data.Row file,
      StructType schema,
      Optional<String> month)
      throws IOException {
    int monthField = month.isPresent() ? schema.fieldIndex("month") : -1;
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> batches = fileData(state, file)) {
      while (batches.hasNext()) {
        FilteredColumnarBatch batch = batches.next();
        int[] ordinals = ordinals(batch.getData().getSchema(), schema);
        try (CloseableIterator<io.delta.kernel.data.Row> batchRows = batch.getRows()) {
          while (batchRows.hasNext()) {
            Row row = toRow(batchRows.next(), ordinals, schema);
            if (monthField < 0 || Objects.equals(row.get(monthField), month.get())) {
              rows.add(row);
            }
          }
        }
      }
    }
    return new FileRows(InternalScanFileUtils.getAddFileStatus(file).getSize(), rows);
  }

  /** Where each of the table's columns is in a batch. */
  private static int[] ordinals(io.delta.kernel.types.StructType batch, StructType schema) {
    int[] ordinals = new int[schema.size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = batch.indexOf(schema.fields()[i].name());
    }
    return ordinals;
  }

  private static Row toRow(io.delta.kernel.data.Row source, int[] ordinals, StructType schema) {
    Object[] values = new Object[ordinals.length];
    for (int i = 0; i < values.length; i++) {
      int at = ordinals[i];
      values[i] = source.isNullAt(at) ? null : value(source, at, schema.fields()[i].dataType());
    }
    return new GenericRowWithSchema(values, schema);
  }

  private static Object value(io.delta.kernel.data.Row row, int i, DataType type) {
    if (type == DataTypes.StringType) {
      return row.getString(i);
    } else if (type == DataTypes.DoubleType) {
      return row.getDouble(i);
    } else if (type == DataTypes.LongType) {
      return row.getLong(i);
    } else if (type == DataTypes.IntegerType) {
      return row.getInt(i);
    } else if (type == DataTypes.BooleanType) {
      return row.getBoolean(i);
    } else if (type == DataTypes.TimestampType) {
      return DateTimeUtils.toJavaTimestamp(row.getLong(i));
    } else if (type == DataTypes.DateType) {
      return DateTimeUtils.toJavaDate(row.getInt(i));
    } else if (type instanceof org.apache.spark.sql.types.ArrayType) {
      return strings(row.getArray(i));
    }
    throw new IllegalStateException("no conversion for " + type);
  }

  /** An array of strings as Spark's collect gives it: a Scala sequence. */
  private static scala.collection.immutable.Seq<String> strings(ArrayValue array) {
    ColumnVector elements = array.getElements();
    String[] values = new String[array.getSize()];
    for (int i = 0; i < values.length; i++) {
      values[i] = elements.isNullAt(i) ? null : elements.getString(i);
    }
    return scala.collection.immutable.ArraySeq.unsafeWrapArray(values);
  }

  /** The Spark types of a table's columns; the lake's tables use these types only. */
  private static StructType sparkSchema(io.delta.kernel.types.StructType table) {
    StructType schema = new StructType();
    for (StructField field : table.fields()) {
      schema = schema.add(field.getName(), sparkType(field), field.isNullable());
    }
    return schema;
  }

  private static DataType sparkType(StructField field) {
    var type = field.getDataType();
    if (type instanceof StringType) {
      return DataTypes.StringType;
    } else if (type instanceof DoubleType) {
      return DataTypes.DoubleType;
    } else if (type instanceof LongType) {
      return DataTypes.LongType;
    } else if (type instanceof IntegerType) {
      return DataTypes.IntegerType;
    } else if (type instanceof BooleanType) {
      return DataTypes.BooleanType;
    } else if (type instanceof TimestampType) {
      return DataTypes.TimestampType;
    } else if (type instanceof DateType) {
      return DataTypes.DateType;
    } else if (type instanceof ArrayType array && array.getElementType() instanceof StringType) {
      return DataTypes.createArrayType(DataTypes.StringType, array.containsNull());
    }
    throw new IllegalStateException(
        "column " + field.getName() + " has type " + type + ", which this reader does not read");
  }
}
