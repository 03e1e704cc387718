package io.commpulse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.spark.CodeGeneration;
import io.commpulse.spark.ConcurrentTasks;
import io.commpulse.spark.RunValues;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Loads one month of one landing source into {@code bronze.<source>}: rejected rows go to {@code
 * bronze.quarantine} with their reason, and {@code ops.ingest_audit} records the accounting. The
 * month's partition is replaced atomically, so reruns never duplicate.
 */
public final class BronzeIngest {
  private final Lake lake;
  private final SchemaCatalog catalog;
  private final String landingRoot;

  public BronzeIngest(Lake lake, SchemaCatalog catalog, String landingRoot) {
    this.lake = new Lake(CodeGeneration.withoutWholeStage(lake.spark()), lake.root());
    this.catalog = catalog;
    this.landingRoot = landingRoot;
  }

  public record Outcome(
      String source,
      YearMonth month,
      int files,
      long read,
      long accepted,
      long quarantined,
      long duplicates,
      long durationMs) {}

  /**
   * Resolves "all" or a source name to the sources to ingest, failing clearly on an unknown name.
   */
  public List<String> sources(String requested) {
    List<String> known = catalog.sourceNames();
    if ("all".equals(requested)) {
      return known;
    }
    if (!known.contains(requested)) {
      throw new io.commpulse.errors.UserError(
          "unknown source '"
              + requested
              + "'; known sources: "
              + String.join(", ", known)
              + " (or 'all')");
    }
    return List.of(requested);
  }

  /**
   * Ingests the sources at the same time, {@code parallelism} at most, and returns their outcomes
   * in the order given.
   */
  public List<Outcome> ingestAll(
      List<String> sourceNames, YearMonth month, Instant now, int parallelism) {
    long started = System.nanoTime();
    // The tables every source writes are created before the sources start: on a new lake, sources
    // ingested at once (threads here, or the DAG's processes) would otherwise race to create them,
    // and those without a rejected row can skip their quarantine write (quarantineChanges).
    lake.createIfMissing(catalog.table("bronze.quarantine"));
    lake.createIfMissing(catalog.table("ops.ingest_audit"));
    List<Outcome> outcomes;
    try (ConcurrentTasks tasks = new ConcurrentTasks(lake.spark(), parallelism)) {
      Map<String, CompletableFuture<Outcome>> running = new HashMap<>();
      for (String name : largestFirst(sourceNames, name -> landingBytes(name, month))) {
        running.put(name, tasks.submit("ingest-" + name, () -> ingest(name, month, now)));
      }
      tasks.awaitAll();
      outcomes = sourceNames.stream().map(running::get).map(ConcurrentTasks::valueOf).toList();
    }
    RunLog.info(
        "ingest %s: %d sources, %,d rows read, in %s%s",
        month,
        outcomes.size(),
        outcomes.stream().mapToLong(Outcome::read).sum(),
        RunLog.seconds(started),
        CodeGeneration.isInterpreting(lake.spark())
            ? String.format(
                "; Spark interpreted the expressions: landing files below %d MiB",
                CodeGeneration.INTERPRET_BELOW_BYTES >> 20)
            : "");
    return outcomes;
  }

  /**
   * The sources in the order to start them: the largest first, so that the month's longest ingest
   * does not start last and run alone on cores the small ones have left idle. Equal sizes keep the
   * order given.
   */
  static List<String> largestFirst(List<String> sources, ToLongFunction<String> bytes) {
    return sources.stream().sorted(Comparator.comparingLong(bytes).reversed()).toList();
  }

  /** The size of the sources' landing files for the months; missing folders count 0. */
  public long landingBytes(List<String> sourceNames, List<YearMonth> months) {
    long bytes = 0;
    for (String source : sourceNames) {
      for (YearMonth month : months) {
        bytes += landingBytes(source, month);
      }
    }
    return bytes;
  }

  /** The size of a source's landing files for the month; 0 when the folder is missing. */
  private long landingBytes(String source, YearMonth month) {
    try {
      return landingFolder(catalog.table("landing." + source), month).files().stream()
          .mapToLong(LandingFolder.LandingFile::size)
          .sum();
    } catch (io.commpulse.errors.UserError missing) {
      // The ingest itself reports it.
      return 0;
    }
  }

  private LandingFolder landingFolder(TableContract source, YearMonth month) {
    return LandingFolder.locate(
        lake.spark().sparkContext().hadoopConfiguration(),
        landingRoot,
        source.name(),
        month,
        source.format());
  }

  public Outcome ingest(String sourceName, YearMonth month, Instant now) {
    long started = System.nanoTime();
    TableContract source = catalog.table("landing." + sourceName);
    SparkSession spark = lake.spark();
    LandingFolder folder = landingFolder(source, month);
    LandingHeader.check(spark.sparkContext().hadoopConfiguration(), folder, source);
    String batchId = folder.batchId();
    Column ingestedAt = RunValues.timestamp(now);

    Dataset<Row> validated =
        RowValidation.validate(readAsText(spark, source, folder), source, now)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> accepted =
          RowValidation.accepted(validated)
              .withColumn("month", lit(month.toString()))
              .withColumn("batch_id", lit(batchId))
              .withColumn("ingested_at", ingestedAt);
      Dataset<Row> rejected =
          RowValidation.rejected(validated, source)
              .withColumn("month", lit(month.toString()))
              .withColumn("batch_id", lit(batchId))
              .withColumn("ingested_at", ingestedAt);
      // Counted in the pass that fills the cache, so the landing files are parsed once.
      Row tally =
          validated
              .agg(
                  count(lit(1)).as("read"),
                  sum(when(size(col(RowValidation.PROBLEMS)).equalTo(0), 1).otherwise(0))
                      .as("accepted"),
                  sum(when(size(col(RowValidation.PROBLEMS)).gt(0), 1).otherwise(0))
                      .as("quarantined"),
                  sum(when(
                              exists(
                                  col(RowValidation.PROBLEMS),
                                  p -> p.getField("code").equalTo("duplicate")),
                              1)
                          .otherwise(0))
                      .as("duplicates"))
              .first();
      long read = tally.getLong(0);
      long acceptedCount = tally.isNullAt(1) ? 0 : tally.getLong(1);
      long quarantinedCount = tally.isNullAt(2) ? 0 : tally.getLong(2);
      long duplicates = tally.isNullAt(3) ? 0 : tally.getLong(3);
      if (read != acceptedCount + quarantinedCount) {
        throw new IllegalStateException(
            String.format(
                "row conservation broken for %s %s: read %d != accepted %d + quarantined %d; nothing was written",
                sourceName, month, read, acceptedCount, quarantinedCount));
      }
      TableContract bronze = catalog.table("bronze." + sourceName);
      TableContract quarantine = catalog.table("bronze.quarantine");
      if (quarantineChanges(quarantine, quarantinedCount, month)) {
        int attempts =
            lake.replaceOwnRows(
                quarantine, rejected, "source = '" + sourceName + "' AND month = '" + month + "'");
        if (attempts > 1) {
          RunLog.info(
              "ingest %-20s %s: another run committed to bronze.quarantine during this write;"
                  + " written again, %d attempts",
              sourceName, month, attempts);
        }
      }
      lake.replaceMonth(bronze, accepted, month.toString());
      long durationMs = (System.nanoTime() - started) / 1_000_000;
      Outcome outcome =
          new Outcome(
              sourceName,
              month,
              folder.files().size(),
              read,
              acceptedCount,
              quarantinedCount,
              duplicates,
              durationMs);
      writeAudit(outcome, batchId, now);
      RunLog.info(
          "ingest %-20s %s: %d files, %,d read, %,d accepted, %,d quarantined (%d duplicates) in %s",
          sourceName,
          month,
          outcome.files(),
          read,
          acceptedCount,
          quarantinedCount,
          duplicates,
          RunLog.seconds(started));
      return outcome;
    } finally {
      validated.unpersist();
    }
  }

  /**
   * Whether replacing the source's month in the quarantine can change it: there are rows to add, or
   * the month may hold rows of an earlier run to remove. A clean source of a month that never had a
   * rejected row skips a write that would add and remove nothing but still cost its planning, a job
   * and a snapshot update. On a lake without the table the write still runs, so readers find it.
   */
  private boolean quarantineChanges(TableContract quarantine, long rejected, YearMonth month) {
    return rejected > 0
        || lake.versionIfExists(quarantine).isEmpty()
        || lake.monthEverWritten(quarantine, month.toString());
  }

  private static Dataset<Row> readAsText(
      SparkSession spark, TableContract source, LandingFolder folder) {
    StructType text =
        new StructType(
                source.columns().stream()
                    .map(c -> DataTypes.createStructField(c.name(), DataTypes.StringType, true))
                    .toArray(StructField[]::new))
            .add(RowValidation.CORRUPT, DataTypes.StringType, true);
    if (folder.files().isEmpty()) {
      return spark.createDataFrame(
          List.<Row>of(), text.add(RowValidation.SOURCE_FILE, DataTypes.StringType));
    }
    DataFrameReader reader =
        spark
            .read()
            .schema(text)
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", RowValidation.CORRUPT)
            .option("encoding", "UTF-8");
    String[] paths =
        folder.files().stream().map(LandingFolder.LandingFile::path).toArray(String[]::new);
    Dataset<Row> rows =
        "jsonl".equals(source.format())
            ? reader.json(paths)
            : reader
                .option("header", "true")
                .option("multiLine", "true")
                .option("escape", "\"")
                .option("enforceSchema", "false")
                .csv(paths);
    return rows.withColumn(
        RowValidation.SOURCE_FILE, element_at(split(col("_metadata.file_path"), "/"), -1));
  }

  private void writeAudit(Outcome outcome, String batchId, Instant started) {
    TableContract audit = catalog.table("ops.ingest_audit");
    Row row =
        RowFactory.create(
            UUID.randomUUID().toString(),
            outcome.source(),
            outcome.month().toString(),
            batchId,
            outcome.files(),
            outcome.read(),
            outcome.accepted(),
            outcome.quarantined(),
            outcome.duplicates(),
            Timestamp.from(started),
            outcome.durationMs(),
            "succeeded");
    lake.append(audit, lake.spark().createDataFrame(List.of(row), audit.sparkSchema()));
  }
}
