package io.commpulse.lake;

import io.commpulse.errors.UserError;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.spark.ConcurrentTasks;
import io.delta.tables.DeltaOptimizeBuilder;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The upkeep a Delta lake needs and the read-only endpoint cannot do: OPTIMIZE compacts the small
 * files that monthly partition replacements leave into fewer, larger ones; VACUUM deletes the files
 * no version within the retention period needs any more. Delta's retention safety check stays on:
 * VACUUM with a retention shorter than a table's {@code delta.deletedFileRetentionDuration} (7 days
 * unless the table says otherwise) is refused, because a reader still on an older snapshot, or time
 * travel within that period, would lose its files.
 *
 * <p>Upkeep of one month (the monthly run's last step) compacts only that month's partition of each
 * month-partitioned table: the months before it were compacted by their own runs and are not
 * rewritten again. A partition (or table) with at most one file has nothing to compact and is left
 * alone without a Delta transaction, so upkeep run twice commits nothing the second time.
 */
public final class LakeMaintenance {
  /**
   * Delta's default deleted-file retention, the shortest VACUUM retention its check allows on a
   * default table.
   */
  public static final double DEFAULT_RETENTION_HOURS = 168;

  /**
   * Delta 4.3 ignores a VACUUM retention other than 0 hours unless this is off, and then uses the
   * table's own retention: a longer retention asked for would delete more than asked, a shorter one
   * would pass unchecked. Off, the retention given counts and Delta's safety check judges it.
   */
  private static final String HONOUR_RETENTION_ARGUMENT =
      "spark.databricks.delta.vacuum.retentionWindowIgnore.enabled";

  /**
   * How many Spark tasks VACUUM lists a table's folders with. Spark's default, 10,000, is meant for
   * a cluster listing huge tables; on a small lake it turned each table's VACUUM into a job of
   * 10,000 empty tasks, about 35 s per table on two cores. The cores the session has are plenty.
   */
  private static final String LISTING_PARALLELISM =
      "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  private static final String MONTH_COLUMN = "month";

  private static final String RETENTION_PROPERTY = "delta.deletedFileRetentionDuration";

  /** What upkeep does: OPTIMIZE (of one month or of every partition), VACUUM with a retention. */
  public record Plan(boolean optimize, Optional<YearMonth> month, OptionalDouble vacuumHours) {
    public Plan {
      if (!optimize && vacuumHours.isEmpty()) {
        throw new IllegalArgumentException("a plan does OPTIMIZE, VACUUM or both");
      }
    }
  }

  /** What OPTIMIZE did to one table. */
  public enum Compaction {
    /** Not asked for. */
    NOT_RUN,
    /** At most one file per partition in scope: nothing to compact, no Delta transaction. */
    NOTHING_TO_COMPACT,
    /** OPTIMIZE ran; Delta found no files worth rewriting and committed nothing. */
    UNCHANGED,
    /** OPTIMIZE rewrote small files into fewer and committed a new version. */
    COMPACTED
  }

  /** What VACUUM did to one table. */
  public enum Cleanup {
    /** Not asked for. */
    NOT_RUN,
    /**
     * Every file of the table's folder is live or younger than the retention, on a table with
     * Delta's default retention: VACUUM could delete nothing, so it did not run (no listing job, no
     * Delta commit).
     */
    NOTHING_TO_DELETE,
    /** Delta's VACUUM ran, its retention check included. */
    VACUUMED
  }

  /**
   * What one table's upkeep did. {@code scope} is the partition compacted ({@code month=2026-10})
   * or {@code all}; the file counts are live data files in that scope before and after (equal when
   * nothing was compacted).
   */
  public record Result(
      String table,
      String scope,
      long filesBefore,
      long filesAfter,
      Compaction compaction,
      Cleanup cleanup) {}

  private final Lake lake;
  private final SnapshotReader snapshots;
  private final int parallelism;

  public LakeMaintenance(Lake lake) {
    this(lake, 1);
  }

  /** {@code parallelism} tables are kept up at the same time in the one Spark application. */
  public LakeMaintenance(Lake lake, int parallelism) {
    this.lake = lake;
    this.snapshots = lake.snapshots();
    this.parallelism = parallelism;
  }

  /** OPTIMIZE then VACUUM every table of the lake: the whole-lake form. */
  public List<Result> run(SchemaCatalog catalog, boolean optimize, OptionalDouble vacuumHours) {
    return run(catalog, new Plan(optimize, Optional.empty(), vacuumHours));
  }

  /**
   * Runs the plan on every table of the lake, in the catalog's order, {@code parallelism} tables at
   * a time; each table is compacted before it is vacuumed.
   *
   * @throws UserError when Delta refuses the retention; tables not started yet are left as they
   *     were, the refused one is not vacuumed
   */
  public List<Result> run(SchemaCatalog catalog, Plan plan) {
    List<TableContract> tables = lake.existingTables(catalog);
    if (tables.isEmpty()) {
      throw new UserError("no Delta tables under " + lake.root() + " (check --lake)");
    }
    SparkSession spark = lake.spark();
    if (plan.vacuumHours().isPresent()) {
      spark.conf().set(HONOUR_RETENTION_ARGUMENT, "false");
      if (!spark.conf().contains(LISTING_PARALLELISM)) {
        spark
            .conf()
            .set(
                LISTING_PARALLELISM,
                String.valueOf(Math.max(1, spark.sparkContext().defaultParallelism())));
      }
    }
    List<CompletableFuture<Result>> futures = new ArrayList<>();
    try (ConcurrentTasks tasks = new ConcurrentTasks(spark, parallelism)) {
      for (TableContract table : tables) {
        futures.add(tasks.submit(table.qualifiedName(), () -> upkeep(table, plan)));
      }
      tasks.awaitAll();
    }
    return futures.stream().map(ConcurrentTasks::valueOf).toList();
  }

  private Result upkeep(TableContract table, Plan plan) {
    // The live files of the version upkeep starts from, read once from the log without a Spark job:
    // a table with nothing to do costs no Spark work. VACUUM's check may use them after a
    // compaction too: the files it removed are kept by Delta for the retention anyway, and the file
    // it wrote is younger than any retention.
    SnapshotReader.TableState state = snapshots.current(table);
    String[] liveFiles = state.files().toArray(String[]::new);
    Optional<String> month =
        table.partitionedBy().contains(MONTH_COLUMN)
            ? plan.month().map(YearMonth::toString)
            : Optional.empty();
    String scope = month.map(m -> MONTH_COLUMN + "=" + m).orElse("all");
    long before = 0;
    long after = 0;
    Compaction compaction = Compaction.NOT_RUN;
    if (plan.optimize()) {
      Map<String, Long> perPartition =
          filesPerPartition(liveFiles, table.partitionedBy().size(), month);
      before = perPartition.values().stream().mapToLong(Long::longValue).sum();
      after = before;
      if (perPartition.values().stream().allMatch(n -> n <= 1)) {
        compaction = Compaction.NOTHING_TO_COMPACT;
      } else {
        DeltaOptimizeBuilder optimize = delta(table).optimize();
        if (month.isPresent()) {
          optimize = optimize.where(MONTH_COLUMN + " = '" + month.get() + "'");
        }
        Row metrics =
            optimize
                .executeCompaction()
                .selectExpr("metrics.numFilesAdded", "metrics.numFilesRemoved")
                .first();
        long added = metrics.getLong(0);
        long removed = metrics.getLong(1);
        after = before - removed + added;
        compaction = added == 0 && removed == 0 ? Compaction.UNCHANGED : Compaction.COMPACTED;
      }
    }
    Cleanup cleanup = Cleanup.NOT_RUN;
    if (plan.vacuumHours().isPresent()) {
      double hours = plan.vacuumHours().getAsDouble();
      if (nothingToDelete(table, state.properties(), liveFiles, hours)) {
        cleanup = Cleanup.NOTHING_TO_DELETE;
      } else {
        vacuum(table, delta(table), hours);
        cleanup = Cleanup.VACUUMED;
      }
    }
    return new Result(table.qualifiedName(), scope, before, after, compaction, cleanup);
  }

  /**
   * Live data files per partition folder ({@code month=2026-10}; {@code ""} for an unpartitioned
   * table), only those of {@code month}'s partition when one is given. Read from the latest
   * snapshot's file list, which OPTIMIZE then reuses: no data is read and nothing is written. Delta
   * writes a file in the folders of its partition values, one level per partition column.
   */
  private static Map<String, Long> filesPerPartition(
      String[] liveFiles, int partitionColumns, Optional<String> month) {
    Map<String, Long> counts = new HashMap<>();
    String monthFolder = month.map(m -> MONTH_COLUMN + "=" + m).orElse(null);
    for (String file : liveFiles) {
      List<String> folders = new ArrayList<>();
      Path folder = new Path(file).getParent();
      for (int i = 0; i < partitionColumns && folder != null; i++, folder = folder.getParent()) {
        folders.add(0, folder.getName());
      }
      if (monthFolder == null || folders.contains(monthFolder)) {
        counts.merge(String.join("/", folders), 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * Whether VACUUM with this retention would certainly delete nothing: every data file in the
   * table's folder was live when upkeep started or was written within the retention. Delta's VACUUM
   * deletes only files that are not live and older than the retention, so it would be a no-op that
   * still costs a dozen Spark jobs and two commits. Only for tables on Delta's default retention
   * and a retention of at least that: otherwise Delta's VACUUM runs and its check judges the
   * retention. The folder is listed on the driver: a few listings of a small table.
   */
  private boolean nothingToDelete(
      TableContract table, Map<String, String> properties, String[] liveFiles, double hours) {
    if (hours < DEFAULT_RETENTION_HOURS || properties.containsKey(RETENTION_PROPERTY)) {
      return false;
    }
    Set<String> live = new HashSet<>();
    for (String file : liveFiles) {
      live.add(new Path(file).getName());
    }
    long deleteBefore = System.currentTimeMillis() - (long) (hours * 3_600_000L);
    Path root = new Path(lake.path(table));
    try {
      FileSystem fs = root.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        if (hidden(root, file.getPath())) {
          continue;
        }
        if (!live.contains(file.getPath().getName()) && file.getModificationTime() < deleteBefore) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private DeltaTable delta(TableContract table) {
    return DeltaTable.forPath(lake.spark(), lake.path(table));
  }

  /**
   * Files VACUUM never considers: the log and anything else under a folder or with a name starting
   * with {@code _} or {@code .} (checksums, staging folders), partition folders aside.
   */
  private static boolean hidden(Path root, Path file) {
    for (Path p = file;
        p != null && !p.equals(root) && p.depth() > root.depth();
        p = p.getParent()) {
      String name = p.getName();
      if ((name.startsWith("_") || name.startsWith(".")) && !name.contains("=")) {
        return true;
      }
    }
    return false;
  }

  private static void vacuum(TableContract table, DeltaTable delta, double hours) {
    try {
      delta.vacuum(hours);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains("retentionDurationCheck")) {
        throw new UserError(
            "VACUUM of "
                + table.qualifiedName()
                + " refused: a retention of "
                + hours(hours)
                + " hours is shorter than the table keeps deleted files (delta.deletedFileRetentionDuration, "
                + (long) DEFAULT_RETENTION_HOURS
                + " hours unless the table sets less); readers of older snapshots and"
                + " time travel would lose files. Use --vacuum "
                + (long) DEFAULT_RETENTION_HOURS
                + " or more",
            e);
      }
      throw e;
    }
  }

  /** 168 rather than 168.0; a fraction stays. */
  public static String hours(double hours) {
    return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
  }
}
