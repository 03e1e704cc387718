package io.commpulse.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-table lake: gold.mistransmission written twice (version 0 holds September, version 1 adds
 * October) and gold.hotspots with text that a spreadsheet would run as a formula.
 */
class SqlConsoleTest {
  private static final SchemaCatalog CATALOG =
      SchemaCatalog.fromDirectory(TestSpark.repoRoot().resolve("schemas"));
  private static SparkSession spark;
  private static Lake lake;

  @BeforeAll
  static void writeLake() {
    spark = TestSpark.session();
    Path dir = TestSpark.tempDir("commpulse-sql");
    lake = new Lake(spark, dir.toString());
    TableContract mis = CATALOG.table("gold.mistransmission");
    lake.replaceMonth(
        mis,
        rows(
            mis, RowFactory.create("2026-09", "ALL", 200L, 8L, 0.04, 0.02, 0.077, 0.05, "at_risk")),
        "2026-09");
    lake.replaceMonth(
        mis,
        rows(
            mis,
            RowFactory.create("2026-10", "ALL", 300L, 9L, 0.03, 0.016, 0.056, 0.05, "at_risk"),
            RowFactory.create("2026-10", "HR", 100L, 2L, 0.02, 0.006, 0.07, 0.05, "at_risk")),
        "2026-10");
    TableContract hotspots = CATALOG.table("gold.hotspots");
    lake.replaceMonth(
        hotspots,
        rows(
            hotspots,
            RowFactory.create(
                "2026-10", "customer", "=cmd|' /C calc'!A0", 5L, 0.5, 1, 8L, -3L, -0.375),
            RowFactory.create(
                "2026-10", "customer", "service_complaint", 5L, 0.5, 2, null, null, null)),
        "2026-10");
  }

  private static Dataset<Row> rows(TableContract table, Row... rows) {
    return spark.createDataFrame(Arrays.asList(rows), table.sparkSchema());
  }

  private static SqlConsole console() {
    return SqlConsole.open(lake, CATALOG, Map.of());
  }

  private static String print(SqlConsole console, String sql, ResultFormat format)
      throws IOException {
    StringWriter out = new StringWriter();
    console.print(sql, format, 1000, out);
    return out.toString();
  }

  @Test
  void showTablesListsEveryTableOfTheLakeWithVersionAndDescription() {
    List<Row> rows = console().query("show tables;").collectAsList();
    assertEquals(
        List.of("gold.hotspots", "gold.mistransmission"),
        rows.stream().map(r -> r.getString(0)).sorted().toList());
    Row mis =
        rows.stream()
            .filter(r -> r.getString(0).equals("gold.mistransmission"))
            .findFirst()
            .orElseThrow();
    assertEquals(1L, mis.getLong(1));
    assertEquals(CATALOG.table("gold.mistransmission").grain(), mis.getString(2));
    assertTrue(
        mis.getString(3).startsWith("Internal mis-transmission rate per sending department"),
        mis.getString(3));
    assertEquals(2, console().query("SHOW TABLES IN gold").count());
    UserError noLayer =
        assertThrows(UserError.class, () -> console().query("SHOW TABLES FROM silver"));
    assertTrue(noLayer.getMessage().contains("no tables in layer 'silver'"), noLayer.getMessage());
  }

  @Test
  void statementsThatWouldChangeTheLakeOrTheCatalogAreRefusedAndNothingChanges() {
    long rowsBefore = lake.read(CATALOG.table("gold.mistransmission")).count();
    long versionBefore = lake.version(CATALOG.table("gold.mistransmission"));
    List<String> writes =
        List.of(
            "DELETE FROM gold.mistransmission WHERE month = '2026-10'",
            "dElEtE fRoM gold.mistransmission",
            "/* a harmless comment */ DELETE -- and another\n FROM gold.mistransmission",
            "UPDATE gold.mistransmission SET rate = 0",
            "INSERT INTO gold.mistransmission SELECT * FROM gold.mistransmission",
            "WITH again AS (SELECT * FROM gold.mistransmission) INSERT INTO gold.mistransmission SELECT * FROM again",
            "MERGE INTO gold.mistransmission t USING gold.mistransmission s ON t.month = s.month"
                + " WHEN MATCHED THEN DELETE",
            "DROP TABLE gold.mistransmission",
            "ALTER TABLE gold.mistransmission ADD COLUMNS (x INT)",
            "CREATE TABLE gold.copy AS SELECT * FROM gold.mistransmission",
            "CREATE OR REPLACE TEMP VIEW v AS SELECT 1",
            "TRUNCATE TABLE gold.mistransmission",
            "RESTORE TABLE gold.mistransmission TO VERSION AS OF 0",
            "OPTIMIZE gold.mistransmission",
            "VACUUM gold.mistransmission RETAIN 0 HOURS",
            "CACHE TABLE gold.mistransmission",
            "DROP DATABASE gold CASCADE");
    for (String write : writes) {
      UserError refused = assertThrows(UserError.class, () -> console().query(write), write);
      assertTrue(
          refused.getMessage().startsWith("sql is read-only"),
          write + " -> " + refused.getMessage());
    }
    UserError twoStatements =
        assertThrows(
            UserError.class, () -> console().query("SELECT 1; DELETE FROM gold.mistransmission"));
    assertTrue(!twoStatements.getMessage().isBlank(), "two statements are not one query");
    assertEquals(rowsBefore, lake.read(CATALOG.table("gold.mistransmission")).count());
    assertEquals(versionBefore, lake.version(CATALOG.table("gold.mistransmission")));
    assertEquals(
        3,
        console().query("WITH m AS (SELECT * FROM gold.mistransmission) SELECT * FROM m").count(),
        "a query with a CTE still reads");
    assertTrue(
        console().query("DESCRIBE HISTORY gold.mistransmission").count() >= 2, "history is a read");
  }

  @Test
  void listingsSummariseADescriptionByItsFirstSentence() {
    assertEquals(
        "Anonymous survey answers.",
        SqlConsole.firstSentence("Anonymous survey answers. The token is re-keyed."));
    assertEquals(
        "Rate per department (ALL = company): share of v1.2 flags.",
        SqlConsole.firstSentence(
            "Rate per department (ALL = company): share of v1.2 flags. Target 5%."));
    String long_ = "word ".repeat(60).strip() + ".";
    String summary = SqlConsole.firstSentence(long_);
    assertTrue(summary.length() <= 140 && summary.endsWith("word..."), summary);
  }

  @Test
  void describeShowsTheContractDescriptionsAsColumnComments() {
    Map<String, String> comments =
        console().query("DESCRIBE gold.mistransmission").collectAsList().stream()
            .filter(r -> !r.getString(0).isBlank() && !r.getString(0).startsWith("#"))
            .collect(
                Collectors.toMap(
                    r -> r.getString(0), r -> r.isNullAt(2) ? "" : r.getString(2), (a, b) -> a));
    for (var column : CATALOG.table("gold.mistransmission").columns()) {
      assertEquals(column.description(), comments.get(column.name()), column.name());
    }
  }

  @Test
  void timeTravelInSqlAndByPinningAVersion() {
    SqlConsole latest = console();
    assertEquals(3L, latest.query("SELECT count(*) FROM gold.mistransmission").first().getLong(0));
    assertEquals(
        1L,
        latest
            .query("SELECT count(*) FROM gold.mistransmission VERSION AS OF 0")
            .first()
            .getLong(0));

    SqlConsole pinned = SqlConsole.open(lake, CATALOG, Map.of("gold.mistransmission", 0L));
    assertEquals(
        List.of("2026-09"),
        pinned.query("SELECT DISTINCT month FROM gold.mistransmission").collectAsList().stream()
            .map(r -> r.getString(0))
            .toList());
    assertEquals(2L, pinned.query("SELECT count(*) FROM gold.hotspots").first().getLong(0));
    Map<String, String> comments =
        pinned.query("DESCRIBE gold.mistransmission").collectAsList().stream()
            .filter(r -> !r.getString(0).startsWith("#") && !r.getString(0).isBlank())
            .collect(
                Collectors.toMap(
                    r -> r.getString(0), r -> r.isNullAt(2) ? "" : r.getString(2), (a, b) -> a));
    assertEquals(
        CATALOG.table("gold.mistransmission").requireColumn("rate").description(),
        comments.get("rate"));

    // a later registration replaces the pinned view with the table again
    assertEquals(
        3L, console().query("SELECT count(*) FROM gold.mistransmission").first().getLong(0));
  }

  @Test
  void pinningAMissingVersionOrTableIsAClearError() {
    UserError version =
        assertThrows(
            UserError.class,
            () -> SqlConsole.open(lake, CATALOG, Map.of("gold.mistransmission", 7L)));
    assertEquals(
        "gold.mistransmission has no version 7; its versions are 0 to 1 "
            + "(DESCRIBE HISTORY gold.mistransmission lists them)",
        version.getMessage());
    UserError table =
        assertThrows(UserError.class, () -> SqlConsole.open(lake, CATALOG, Map.of("coverage", 0L)));
    assertTrue(
        table.getMessage().startsWith("cannot pin unknown table 'coverage'"), table.getMessage());
    UserError absent =
        assertThrows(
            UserError.class, () -> SqlConsole.open(lake, CATALOG, Map.of("gold.coverage", 0L)));
    assertTrue(
        absent.getMessage().startsWith("cannot pin gold.coverage: it is not in the lake "),
        absent.getMessage());
  }

  @Test
  void badSqlAndUnknownTablesGiveOneLineErrors() {
    SqlConsole console = console();
    UserError syntax =
        assertThrows(UserError.class, () -> console.query("SELEC * FROM gold.hotspots"));
    assertTrue(
        syntax.getMessage().startsWith("SQL syntax error: [PARSE_SYNTAX_ERROR]"),
        syntax.getMessage());
    assertEquals(1, syntax.getMessage().lines().count(), syntax.getMessage());

    UserError unknown =
        assertThrows(UserError.class, () -> console.query("SELECT * FROM gold.nope"));
    assertEquals(
        "unknown table gold.nope; SHOW TABLES lists the 2 tables of this lake "
            + "(named layer.table, e.g. gold.coverage)",
        unknown.getMessage());

    UserError notWritten =
        assertThrows(UserError.class, () -> console.query("SELECT * FROM gold.coverage"));
    assertTrue(
        notWritten.getMessage().startsWith("table gold.coverage is not in the lake "),
        notWritten.getMessage());

    UserError column =
        assertThrows(UserError.class, () -> console.query("SELECT nope FROM gold.hotspots"));
    assertTrue(
        column.getMessage().startsWith("query failed: [UNRESOLVED_COLUMN"), column.getMessage());
    assertEquals(1, column.getMessage().lines().count(), column.getMessage());

    assertThrows(UserError.class, () -> console.query(" ; "));
  }

  @Test
  void tablesAreRegisteredWhenAStatementNamesThemHoweverQuoted() {
    SqlConsole console = console();
    assertEquals(
        List.of("gold.hotspots", "gold.mistransmission"),
        console
            .named(
                "SELECT * FROM `gold`.`hotspots` h JOIN gold . mistransmission m ON h.month = m.month WHERE 'x.y' <> ''")
            .stream()
            .map(TableContract::qualifiedName)
            .sorted()
            .toList());
    assertEquals(2L, console.query("SELECT count(*) FROM `gold`.`hotspots`").first().getLong(0));
    // a three-part name escapes the scan; the console then registers every table and retries
    assertEquals(
        3L,
        console()
            .query("SELECT count(*) FROM spark_catalog.gold.mistransmission")
            .first()
            .getLong(0));
    UserError unqualified =
        assertThrows(UserError.class, () -> console.query("SELECT * FROM hotspots"));
    assertEquals(
        "unknown table hotspots; tables are named layer.table, e.g. gold.hotspots (SHOW TABLES lists them)",
        unqualified.getMessage());
  }

  @Test
  void anEmptyLakeIsReportedAsSuch() {
    Lake empty = new Lake(spark, TestSpark.tempDir("commpulse-empty").toString());
    UserError e = assertThrows(UserError.class, () -> SqlConsole.open(empty, CATALOG, Map.of()));
    assertTrue(e.getMessage().startsWith("no Delta tables under file:"), e.getMessage());
  }

  @Test
  void csvOutputOfAQueryIsSafeForSpreadsheets() throws IOException {
    String csv =
        print(
            console(),
            "SELECT category, count, change FROM gold.hotspots ORDER BY rank",
            ResultFormat.CSV);
    assertEquals("category,count,change\n'=cmd|' /C calc'!A0,5,-3\nservice_complaint,5,\n", csv);
  }

  @Test
  void jsonOutputOfAnAggregate() throws IOException {
    String json =
        print(
            console(),
            "SELECT month, sum(communications) AS communications FROM gold.mistransmission "
                + "WHERE department = 'ALL' GROUP BY month ORDER BY month",
            ResultFormat.JSON);
    assertEquals(
        "[\n{\"month\":\"2026-09\",\"communications\":200},\n"
            + "{\"month\":\"2026-10\",\"communications\":300}\n]\n",
        json);
  }
}
