package io.commpulse.cli;

import static io.commpulse.cli.CommPulseCliTest.assertOneLineError;
import static io.commpulse.cli.CommPulseCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.lake.Lake;
import io.commpulse.lake.LakeMaintenance;
import io.commpulse.lake.LakeMaintenance.Cleanup;
import io.commpulse.lake.LakeMaintenance.Compaction;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import io.delta.tables.DeltaTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * maintain on a one-table lake written in three appends; serve's checks that come before any Spark
 * work.
 */
class MaintainCommandTest {
  private static final SchemaCatalog CATALOG =
      SchemaCatalog.fromDirectory(TestSpark.repoRoot().resolve("schemas"));
  private static final TableContract MIS = CATALOG.table("gold.mistransmission");
  private static final TableContract HOTSPOTS = CATALOG.table("gold.hotspots");

  private static long files(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).detail().select("numFiles").first().getLong(0);
  }

  @Test
  void optimizeCompactsAndAShortVacuumIsRefusedByDeltasCheck() throws Exception {
    SparkSession spark = TestSpark.session();
    Path dir = TestSpark.tempDir("commpulse-maintain-");
    Lake lake = new Lake(spark, dir.toString());
    for (String department : List.of("ALL", "HR", "IT")) {
      lake.append(
          MIS,
          spark.createDataFrame(
              List.of(
                  RowFactory.create(
                      "2026-10", department, 300L, 9L, 0.03, 0.016, 0.056, 0.05, "at_risk")),
              MIS.sparkSchema()));
    }
    String path = lake.path(MIS);
    assertEquals(3, files(spark, path));
    long rows = lake.read(MIS).count();

    assertEquals(0, run("maintain", "--lake", dir.toString(), "--optimize").exit());
    assertEquals(1, files(spark, path), "one month partition, one file after OPTIMIZE");
    assertEquals(rows, lake.read(MIS).count());

    long version = lake.version(MIS);
    assertOneLineError(
        run("maintain", "--lake", dir.toString(), "--vacuum", "1"),
        "VACUUM of gold.mistransmission refused",
        "168");
    assertEquals(version, lake.version(MIS), "a refused VACUUM leaves the table as it was");
    assertEquals(0, run("maintain", "--lake", dir.toString(), "--vacuum", "168").exit());
    assertEquals(rows, lake.read(MIS).count());
    assertEquals(
        version,
        lake.version(MIS),
        "every file is live or younger than the retention: nothing to vacuum, nothing committed");

    // A file no version references (a failed write's leftover), older than the retention: VACUUM
    // runs, with Delta's check, and deletes it.
    Path stray = dir.resolve("gold/mistransmission/month=2026-10/part-stray.snappy.parquet");
    Files.write(stray, new byte[] {1});
    Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
    assertEquals(0, run("maintain", "--lake", dir.toString(), "--vacuum", "168").exit());
    assertFalse(Files.exists(stray), "VACUUM deletes an unreferenced file older than 168 hours");
    assertEquals("VACUUM END", lastOperation(spark, path));
    assertEquals(rows, lake.read(MIS).count());
  }

  /** The rows of a table, in a stable order: what OPTIMIZE must leave exactly as it found them. */
  private static List<String> rows(Lake lake, TableContract table) {
    return lake.read(table).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Dataset<Row> misRow(SparkSession spark, String month, String d) {
    return spark.createDataFrame(
        List.of(RowFactory.create(month, d, 300L, 9L, 0.03, 0.016, 0.056, 0.05, "at_risk")),
        MIS.sparkSchema());
  }

  @Test
  void monthlyUpkeepCompactsOnlyItsMonthKeepsEveryRowAndIsANoOpTheSecondTime() {
    SparkSession spark = TestSpark.session();
    Path dir = TestSpark.tempDir("commpulse-maintain-month-");
    Lake lake = new Lake(spark, dir.toString());
    for (String department : List.of("ALL", "HR")) {
      lake.append(MIS, misRow(spark, "2026-09", department));
    }
    for (String department : List.of("ALL", "HR", "IT")) {
      lake.append(MIS, misRow(spark, "2026-10", department));
    }
    // One file in its only partition: nothing to compact.
    lake.append(
        HOTSPOTS,
        spark
            .createDataFrame(
                List.of(
                    RowFactory.create(
                        "2026-10", "internal", "process", 12L, 0.5, 1, null, null, null)),
                HOTSPOTS.sparkSchema())
            .coalesce(1));
    String path = lake.path(MIS);
    assertEquals(5, files(spark, path));
    List<String> before = rows(lake, MIS);
    long version = lake.version(MIS);
    long hotspotsVersion = lake.version(HOTSPOTS);

    assertEquals(
        0, run("maintain", "--lake", dir.toString(), "--month", "2026-10", "--optimize").exit());
    assertEquals(3, files(spark, path), "2026-10 compacted to one file, 2026-09 left as it was");
    assertEquals(version + 1, lake.version(MIS), "one OPTIMIZE commit");
    assertEquals("OPTIMIZE", lastOperation(spark, path));
    assertEquals(before, rows(lake, MIS), "OPTIMIZE changes files, never rows");
    assertEquals(hotspotsVersion, lake.version(HOTSPOTS), "nothing to compact, nothing committed");

    List<LakeMaintenance.Result> second =
        new LakeMaintenance(lake, 2)
            .run(
                CATALOG,
                new LakeMaintenance.Plan(
                    true, Optional.of(YearMonth.of(2026, 10)), OptionalDouble.empty()));
    assertEquals(
        List.of(
            new LakeMaintenance.Result(
                "gold.hotspots",
                "month=2026-10",
                1,
                1,
                Compaction.NOTHING_TO_COMPACT,
                Cleanup.NOT_RUN),
            new LakeMaintenance.Result(
                "gold.mistransmission",
                "month=2026-10",
                1,
                1,
                Compaction.NOTHING_TO_COMPACT,
                Cleanup.NOT_RUN)),
        second.stream().sorted(Comparator.comparing(LakeMaintenance.Result::table)).toList());
    assertEquals(version + 1, lake.version(MIS), "a second upkeep of the month commits nothing");
    assertEquals(hotspotsVersion, lake.version(HOTSPOTS));
    assertEquals(before, rows(lake, MIS));

    assertEquals(0, run("maintain", "--lake", dir.toString(), "--optimize").exit());
    assertEquals(2, files(spark, path), "the whole-lake form compacts 2026-09 too");
    assertEquals(before, rows(lake, MIS));
  }

  /**
   * VACUUM is skipped when it would certainly delete nothing, and left to Delta when a table keeps
   * deleted files for its own time.
   */
  @Test
  void vacuumRunsOnlyWhereItMayDeleteSomething() {
    SparkSession spark = TestSpark.session();
    Path dir = TestSpark.tempDir("commpulse-maintain-vacuum-");
    Lake lake = new Lake(spark, dir.toString());
    lake.append(MIS, misRow(spark, "2026-10", "ALL"));
    lake.append(
        HOTSPOTS,
        spark.createDataFrame(
            List.of(
                RowFactory.create("2026-10", "internal", "process", 12L, 0.5, 1, null, null, null)),
            HOTSPOTS.sparkSchema()));
    spark.sql(
        "ALTER TABLE delta.`"
            + lake.path(HOTSPOTS)
            + "` SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 30 days')");
    long hotspotsVersion = lake.version(HOTSPOTS);

    List<LakeMaintenance.Result> results =
        new LakeMaintenance(lake, 2)
            .run(
                CATALOG, new LakeMaintenance.Plan(false, Optional.empty(), OptionalDouble.of(720)));

    assertEquals(
        List.of(
            new LakeMaintenance.Result(
                "gold.hotspots", "all", 0, 0, Compaction.NOT_RUN, Cleanup.VACUUMED),
            new LakeMaintenance.Result(
                "gold.mistransmission",
                "all",
                0,
                0,
                Compaction.NOT_RUN,
                Cleanup.NOTHING_TO_DELETE)),
        results.stream().sorted(Comparator.comparing(LakeMaintenance.Result::table)).toList());
    assertEquals(
        "VACUUM END", lastOperation(spark, lake.path(HOTSPOTS)), "Delta's VACUUM ran on hotspots");
    assertTrue(lake.version(HOTSPOTS) > hotspotsVersion);
  }

  private static String lastOperation(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).history(1).select("operation").first().getString(0);
  }

  @Test
  void monthLimitsOptimizeOnly() {
    assertOneLineError(
        run("maintain", "--lake", "lake", "--month", "2026-10", "--vacuum", "168"),
        "--month limits --optimize");
  }

  @Test
  void maintainNeedsSomethingToDo() {
    assertOneLineError(run("maintain", "--lake", "lake"), "nothing to do", "--optimize");
  }

  @Test
  void serveNeedsAPasswordAndTheThriftServerJars() throws Exception {
    Path dir = TestSpark.tempDir("commpulse-serve-");
    if (System.getenv(ServeCommand.PASSWORD_ENV) == null) {
      assertOneLineError(
          run("serve", "--lake", dir.toString(), "--metastore", dir.resolve("m").toString()),
          "needs a password",
          "--password-file",
          ServeCommand.PASSWORD_ENV);
    }
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n", StandardCharsets.UTF_8);
    assertOneLineError(
        run(
            "serve",
            "--lake",
            dir.toString(),
            "--password-file",
            empty.toString(),
            "--metastore",
            dir.resolve("m").toString()),
        "password is empty");
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret\n", StandardCharsets.UTF_8);
    boolean thriftOnClassPath;
    try {
      Class.forName("org.apache.spark.sql.hive.thriftserver.HiveThriftServer2");
      thriftOnClassPath = true;
    } catch (ClassNotFoundException e) {
      thriftOnClassPath = false;
    }
    if (!thriftOnClassPath) {
      assertOneLineError(
          run(
              "serve",
              "--lake",
              dir.toString(),
              "--password-file",
              secret.toString(),
              "--metastore",
              dir.resolve("m").toString(),
              "--port",
              "1"),
          "Thrift server",
          "setup-python.sh");
    }
  }

  @Test
  void helpFitsEightyColumns() {
    for (String command : new String[] {"serve", "maintain"}) {
      String help = run(command, "--help").out();
      assertTrue(help.contains("Usage:"), help);
      for (String line : help.lines().toList()) {
        assertTrue(line.length() <= 80, command + " help line over 80 columns: " + line);
      }
    }
  }
}
