package io.commpulse.cli;

import static io.commpulse.cli.CommPulseCliTest.assertOneLineError;
import static io.commpulse.cli.CommPulseCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import io.delta.tables.DeltaTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private static long files(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).detail().select("numFiles").first().getLong(0);
  }

  @Test
  void optimizeCompactsAndAShortVacuumIsRefusedByDeltasCheck() {
    SparkSession spark = TestSpark.session();
    Path dir = TestSpark.tempDir("commpulse-maintain-");
    Lake lake = new Lake(spark, dir.toString());
    TableContract mis = CATALOG.table("gold.mistransmission");
    for (String department : List.of("ALL", "HR", "IT")) {
      lake.append(
          mis,
          spark.createDataFrame(
              List.of(
                  RowFactory.create(
                      "2026-10", department, 300L, 9L, 0.03, 0.016, 0.056, 0.05, "at_risk")),
              mis.sparkSchema()));
    }
    String path = lake.path(mis);
    assertEquals(3, files(spark, path));
    long rows = lake.read(mis).count();

    assertEquals(0, run("maintain", "--lake", dir.toString(), "--optimize").exit());
    assertEquals(1, files(spark, path), "one month partition, one file after OPTIMIZE");
    assertEquals(rows, lake.read(mis).count());

    long version = lake.version(mis);
    assertOneLineError(
        run("maintain", "--lake", dir.toString(), "--vacuum", "1"),
        "VACUUM of gold.mistransmission refused",
        "168");
    assertEquals(version, lake.version(mis), "a refused VACUUM leaves the table as it was");
    assertEquals(0, run("maintain", "--lake", dir.toString(), "--vacuum", "168").exit());
    assertEquals(rows, lake.read(mis).count());
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
