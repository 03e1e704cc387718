package io.commpulse.cli;

import static io.commpulse.cli.CommPulseCliTest.assertClearError;
import static io.commpulse.cli.CommPulseCliTest.assertOneLineError;
import static io.commpulse.cli.CommPulseCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.catalog.DataDictionary;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sql and docs commands as the launcher runs them: exit codes, one-line errors, help within 80
 * columns.
 */
class AnalystCommandsTest {

  @Test
  void docsWritesTheDictionaryAndChecksIt() throws IOException {
    Path out = TestSpark.tempDir("commpulse-docs-").resolve("docs/tables.md");
    assertEquals(0, run("docs", "--out", out.toString()).exit());
    assertEquals(
        DataDictionary.markdown(SchemaCatalog.get()),
        Files.readString(out, StandardCharsets.UTF_8));
    assertEquals(0, run("docs", "--out", out.toString(), "--check").exit());

    Files.writeString(out, "# edited by hand\n", StandardCharsets.UTF_8);
    assertOneLineError(
        run("docs", "--out", out.toString(), "--check"), "is stale", DataDictionary.COMMAND);
    assertEquals(
        "# edited by hand\n",
        Files.readString(out, StandardCharsets.UTF_8),
        "--check must not write");
  }

  @Test
  void sqlOnALakeWithoutTablesIsAOneLineError() {
    TestSpark.session();
    Path empty = TestSpark.tempDir("commpulse-nolake-");
    assertOneLineError(
        run("sql", "--lake", empty.toString(), "SHOW TABLES"), "no Delta tables under", "--lake");
  }

  @Test
  void aPinNeedsBothTheTableAndTheVersion() {
    CommPulseCliTest.Result r = run("sql", "--lake", "lake", "--at-version", "2", "SELECT 1");
    assertEquals(2, r.exit());
    assertClearError(r, "--table");
    assertEquals(2, run("sql", "--lake", "lake", "--format", "xml", "SELECT 1").exit());
  }

  @Test
  void helpFitsEightyColumns() {
    for (String command : new String[] {"sql", "docs"}) {
      String help = run(command, "--help").out();
      for (String line : help.lines().toList()) {
        assertTrue(line.length() <= 80, command + " help line over 80 columns: " + line);
      }
    }
  }
}
