package io.commpulse.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.testing.TestSpark;
import java.util.List;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.junit.jupiter.api.Test;

/**
 * The session extension's parser: the decision of {@code commpulse sql} (whose cases SqlConsoleTest
 * covers) on every statement a session parses, with only the endpoint's own registration let
 * through.
 */
class ReadOnlyExtensionTest {
  private static ParserInterface readOnly() {
    ParserInterface spark =
        ((org.apache.spark.sql.classic.SparkSession) TestSpark.session())
            .sessionState()
            .sqlParser();
    return new ReadOnlyExtension.ReadOnlyParser(spark);
  }

  @Test
  void writesAndCatalogChangesAreRefusedWhenParsed() {
    ParserInterface parser = readOnly();
    for (String write :
        List.of(
            "DELETE FROM gold.coverage",
            "INSERT INTO gold.coverage SELECT * FROM gold.coverage",
            "DROP TABLE gold.coverage",
            "CREATE TABLE gold.copy USING delta AS SELECT 1 AS x",
            "OPTIMIZE gold.coverage",
            "VACUUM gold.coverage RETAIN 0 HOURS",
            "SET spark.sql.shuffle.partitions=1",
            "ADD JAR /tmp/x.jar")) {
      UserError refused = assertThrows(UserError.class, () -> parser.parsePlan(write), write);
      assertTrue(
          refused.getMessage().startsWith("sql is read-only"),
          write + " -> " + refused.getMessage());
    }
  }

  @Test
  void queriesDescriptionsAndUseAreParsedAsBefore() throws Exception {
    ParserInterface parser = readOnly();
    for (String read :
        List.of(
            "SELECT month, count(*) FROM gold.coverage GROUP BY month",
            "SHOW TABLES IN gold",
            "DESCRIBE gold.coverage",
            "DESCRIBE HISTORY gold.coverage",
            "USE gold",
            "SHOW DATABASES")) {
      parser.parsePlan(read);
    }
    assertEquals("x", parser.parseMultipartIdentifier("x").head());
  }

  @Test
  void onlyTheTrustedThreadPassesAndOnlyWhileTrusted() throws Exception {
    ParserInterface parser = readOnly();
    String create = "CREATE DATABASE IF NOT EXISTS gold";
    ReadOnlyExtension.trusted(
        () -> {
          try {
            return parser.parsePlan(create);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    assertThrows(UserError.class, () -> parser.parsePlan(create), "trust ends with the block");
  }

  /**
   * What the check rule sees: plans after analysis, such as a Spark Connect client's DataFrame
   * write.
   */
  @Test
  void analysedPlansMeetTheSameAllowList() throws Exception {
    org.apache.spark.sql.classic.SparkSession spark =
        (org.apache.spark.sql.classic.SparkSession) TestSpark.session();
    ParserInterface parser = spark.sessionState().sqlParser();
    for (String read :
        List.of("SELECT 1 AS x", "SHOW TABLES", "SHOW DATABASES", "EXPLAIN SELECT 1")) {
      ReadOnlyStatements.requireAnalysed(
          spark
              .sessionState()
              .executePlan(
                  parser.parsePlan(read),
                  org.apache.spark.sql.execution.CommandExecutionMode.SKIP())
              .analyzed());
    }
    UserError refused =
        assertThrows(
            UserError.class,
            () ->
                ReadOnlyStatements.requireAnalysed(
                    spark
                        .sessionState()
                        .executePlan(
                            parser.parsePlan("CREATE TABLE never_made (x INT) USING parquet"),
                            org.apache.spark.sql.execution.CommandExecutionMode.SKIP())
                        .analyzed()));
    assertTrue(refused.getMessage().startsWith("sql is read-only"), refused.getMessage());
    assertTrue(!spark.catalog().tableExists("never_made"));
  }

  @Test
  void registersAParserWithTheSessionExtensions() {
    SparkSessionExtensions extensions = new SparkSessionExtensions();
    new ReadOnlyExtension().apply(extensions);
    ParserInterface built =
        extensions.buildParser(
            TestSpark.session(),
            ((org.apache.spark.sql.classic.SparkSession) TestSpark.session())
                .sessionState()
                .sqlParser());
    assertThrows(UserError.class, () -> built.parsePlan("TRUNCATE TABLE gold.coverage"));
  }
}
