package io.commpulse.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.report.Manifest;
import io.commpulse.report.model.ReportTables;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.LoopbackS3;
import io.commpulse.testing.PipelineRuns;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A month end to end with the lake in an S3 bucket, configured the way a user configures it:
 * hadoop-aws on the class path, the credentials in the environment (surefire sets AWS_ACCESS_KEY_ID
 * and AWS_SECRET_ACCESS_KEY, see jobs/pom.xml), the endpoint and path-style access as {@code --conf
 * spark.hadoop.fs.s3a.*}. The bucket is served by s3proxy on a free loopback port, which checks
 * every request's signature against the same credentials. The gold tables must hold the same rows
 * as the shared local run of the same landing month ({@link PipelineRuns}). That small month's run
 * interprets Spark's expressions; the bucket's runs compile them, as a large month's do, so the
 * comparison also shows that both ways give the same rows.
 */
class ObjectStorageLakeTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final String BUCKET = "commpulse-test";
  private static final String S3_LAKE = "s3a://" + BUCKET + "/lake";
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final TableContract TICKETS = CATALOG.table("bronze.tickets");
  private static final TableContract AUDIT = CATALOG.table("ops.ingest_audit");

  private static LoopbackS3 s3;
  private static PipelineRuns.LocalRun local;
  private static Lake bucketLake;
  private static Map<String, List<String>> bucketGold;
  private static List<String> keysAfterFirstRun;

  @BeforeAll
  static void runTheMonthIntoTheBucket() {
    String accessKey = System.getenv("AWS_ACCESS_KEY_ID");
    String secretKey = System.getenv("AWS_SECRET_ACCESS_KEY");
    assertNotNull(
        accessKey, "AWS_ACCESS_KEY_ID is unset: run the test with Maven, whose surefire sets it");
    assertNotNull(
        secretKey,
        "AWS_SECRET_ACCESS_KEY is unset: run the test with Maven, whose surefire sets it");
    local = PipelineRuns.local(MONTH, 0.05, 7);
    s3 = LoopbackS3.start(accessKey, secretKey);
    s3.createBucket(BUCKET);

    PipelineRuns.run(onTheBucket("run", "--landing", local.landing().toString(), "--demo-key"));
    bucketLake = new Lake(TestSpark.session(), S3_LAKE);
    bucketGold = gold(bucketLake);
    keysAfterFirstRun = s3.keys(BUCKET, "lake/");
  }

  @AfterAll
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
  }

  /**
   * A command on the bucket's lake, with the settings a user passes for an S3-compatible server,
   * and code generation chosen as for a large month.
   */
  private static String[] onTheBucket(String command, String... args) {
    List<String> line = new ArrayList<>(List.of(command, "--month", MONTH.toString()));
    line.addAll(List.of(args));
    line.addAll(
        List.of(
            "--lake",
            S3_LAKE,
            "--conf",
            "spark.hadoop.fs.s3a.endpoint=" + s3.endpoint(),
            "--conf",
            "spark.hadoop.fs.s3a.path.style.access=true",
            "--conf",
            "spark.sql.codegen.wholeStage=true",
            "--conf",
            "spark.sql.codegen.factoryMode=FALLBACK"));
    return line.toArray(String[]::new);
  }

  @Test
  void theTablesAreObjectsInTheBucket() {
    assertTrue(
        keysAfterFirstRun.contains("lake/gold/kpi_scorecard/_delta_log/00000000000000000000.json"),
        () -> "no first commit of gold.kpi_scorecard in the bucket: " + keysAfterFirstRun);
    for (String layer : List.of("bronze", "silver", "gold", "ops")) {
      String prefix = "lake/" + layer + "/";
      assertTrue(
          keysAfterFirstRun.stream().anyMatch(k -> k.startsWith(prefix) && k.endsWith(".parquet")),
          () -> "no data file of layer " + layer + " in the bucket");
    }
  }

  @Test
  void theGoldTablesReadFromTheBucketEqualALocalRun() {
    Map<String, List<String>> localGold =
        gold(new Lake(TestSpark.session(), local.lake().toString()));
    assertEquals(localGold.keySet(), bucketGold.keySet(), "gold tables");
    assertTrue(
        bucketGold
            .keySet()
            .containsAll(List.of("gold.kpi_scorecard", "gold.response_sla", "gold.ab_results")),
        () -> "gold tables: " + bucketGold.keySet());
    for (String table : localGold.keySet()) {
      assertFalse(
          localGold.get(table).isEmpty(), table + " has no row for " + MONTH + " in the local run");
      assertEquals(localGold.get(table), bucketGold.get(table), table);
    }
  }

  /**
   * Ingest of the largest source and the gold stage again: the bronze month and every gold table
   * are replaced, not appended to, and the audit log gains the rerun's batch. (Silver replaces its
   * months through the same Delta write; a full second run would double this test's time.)
   */
  @Test
  void aRerunReplacesTheMonthInTheBucketWithoutDuplicates() {
    long tickets = bucketLake.readMonth(TICKETS, MONTH.toString()).count();
    long audit = bucketLake.readMonth(AUDIT, MONTH.toString()).count();
    Map<String, Long> before = versions(bucketLake);

    PipelineRuns.run(
        onTheBucket("ingest", "--source", "tickets", "--landing", local.landing().toString()));
    PipelineRuns.run(onTheBucket("gold"));

    Map<String, Long> after = versions(bucketLake);
    for (String table : after.keySet()) {
      if (table.startsWith("gold.")
          || table.equals(TICKETS.qualifiedName())
          || table.equals(AUDIT.qualifiedName())) {
        assertEquals(before.get(table) + 1, after.get(table), table + ": one new commit");
      } else {
        assertEquals(before.get(table), after.get(table), table + " was not rerun");
      }
    }
    assertEquals(
        tickets,
        bucketLake.readMonth(TICKETS, MONTH.toString()).count(),
        "bronze.tickets rows of " + MONTH);
    assertEquals(
        audit + 1,
        bucketLake.readMonth(AUDIT, MONTH.toString()).count(),
        "ops.ingest_audit rows of " + MONTH);
    assertEquals(bucketGold, gold(bucketLake), "gold after the rerun");
  }

  /**
   * The report reads the bucket through Delta Kernel, with no Spark session: the tables at their
   * current versions, each gold table's rows as Spark reads them.
   */
  @Test
  void theReportReadsTheBucketAsSparkDoes() throws IOException {
    Path out = TestSpark.tempDir("commpulse-bucket-report");
    PipelineRuns.run(onTheBucket("report", "--out", out.toString(), "--lang", "en"));
    Map<String, Long> current = versions(bucketLake);
    Manifest manifest = Manifest.read(out.resolve(Manifest.FILE));
    for (String table : ReportTables.ALL) {
      assertEquals(current.get(table), manifest.tables().versions().get(table), table);
    }
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out.resolve("report.pdf")))) {
      assertTrue(pdf.getNumberOfPages() > 1, "pages: " + pdf.getNumberOfPages());
    }

    SnapshotReader reader = TestSpark.snapshots(bucketLake);
    for (TableContract table : CATALOG.tables()) {
      if (table.layer().equals("gold") && current.containsKey(table.qualifiedName())) {
        assertEquals(
            rows(bucketLake.readMonth(table, MONTH.toString()).collectAsList()),
            rows(reader.readMonth(table, MONTH.toString(), current.get(table.qualifiedName()))),
            table.qualifiedName());
      }
    }
  }

  private static Map<String, List<String>> gold(Lake lake) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (TableContract table : CATALOG.tables()) {
      if (table.layer().equals("gold") && lake.exists(table)) {
        tables.put(
            table.qualifiedName(), rows(lake.readMonth(table, MONTH.toString()).collectAsList()));
      }
    }
    return tables;
  }

  private static Map<String, Long> versions(Lake lake) {
    Map<String, Long> versions = new TreeMap<>();
    for (TableContract table : CATALOG.tables()) {
      if (!table.layer().equals("landing")) {
        lake.versionIfExists(table).ifPresent(v -> versions.put(table.qualifiedName(), v));
      }
    }
    return versions;
  }

  /**
   * Sorted text rows, doubles to 12 significant digits: Spark may add up a group's values in
   * another order when it lists the files of a bucket rather than of a folder.
   */
  private static List<String> rows(List<Row> rows) {
    List<String> text = new ArrayList<>();
    for (Row row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length(); i++) {
        Object value = row.get(i);
        line.append(
                value instanceof Double d && Double.isFinite(d)
                    ? new BigDecimal(d)
                        .round(new MathContext(12))
                        .stripTrailingZeros()
                        .toPlainString()
                    : String.valueOf(value))
            .append('\u241F');
      }
      text.add(line.toString());
    }
    text.sort(null);
    return text;
  }
}
