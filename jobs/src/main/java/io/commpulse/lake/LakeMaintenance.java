package io.commpulse.lake;

import io.commpulse.errors.UserError;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The upkeep a Delta lake needs and the read-only endpoint cannot do: OPTIMIZE compacts the small
 * files that monthly partition replacements leave into fewer, larger ones; VACUUM deletes the files
 * no version within the retention period needs any more. Delta's retention safety check stays on:
 * VACUUM with a retention shorter than a table's {@code delta.deletedFileRetentionDuration} (7 days
 * unless the table says otherwise) is refused, because a reader still on an older snapshot, or time
 * travel within that period, would lose its files.
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
   * What one table's upkeep did: live data files before and after OPTIMIZE (equal when it did not
   * run).
   */
  public record Result(String table, long filesBefore, long filesAfter, boolean vacuumed) {}

  private final Lake lake;

  public LakeMaintenance(Lake lake) {
    this.lake = lake;
  }

  /**
   * OPTIMIZE (when {@code optimize}) then VACUUM (when {@code vacuumHours} is present) every table
   * of the lake, one after another.
   *
   * @throws UserError when Delta refuses the retention; the tables before it in the order are done,
   *     this one and those after it are not touched by VACUUM
   */
  public List<Result> run(SchemaCatalog catalog, boolean optimize, OptionalDouble vacuumHours) {
    List<TableContract> tables = lake.existingTables(catalog);
    if (tables.isEmpty()) {
      throw new UserError("no Delta tables under " + lake.root() + " (check --lake)");
    }
    if (vacuumHours.isPresent()) {
      lake.spark().conf().set(HONOUR_RETENTION_ARGUMENT, "false");
    }
    List<Result> results = new ArrayList<>();
    for (TableContract table : tables) {
      DeltaTable delta = DeltaTable.forPath(lake.spark(), lake.path(table));
      long before = files(delta);
      long after = before;
      if (optimize) {
        delta.optimize().executeCompaction();
        after = files(delta);
      }
      if (vacuumHours.isPresent()) {
        vacuum(table, delta, vacuumHours.getAsDouble());
      }
      results.add(new Result(table.qualifiedName(), before, after, vacuumHours.isPresent()));
    }
    return results;
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

  /** Live data files of the table's latest version. */
  private static long files(DeltaTable delta) {
    return delta.detail().select("numFiles").first().getLong(0);
  }
}
