package io.commpulse.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  private static final Path COMMITTED = TestSpark.repoRoot().resolve("docs/tables.md");
  private static final SchemaCatalog CATALOG =
      SchemaCatalog.fromDirectory(TestSpark.repoRoot().resolve("schemas"));

  @Test
  void committedDictionaryMatchesTheContracts() throws IOException {
    String expected = DataDictionary.markdown(CATALOG);
    if (!Files.isRegularFile(COMMITTED)) {
      fail("docs/tables.md is missing: run `" + DataDictionary.COMMAND + "` and commit it");
    }
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    if (!committed.equals(expected)) {
      fail(
          "docs/tables.md is stale (it differs from what schemas/ generates): run `"
              + DataDictionary.COMMAND
              + "` and commit the result. First difference at line "
              + firstDifferentLine(committed, expected));
    }
  }

  @Test
  void everyTableAndColumnIsDocumented() {
    String md = DataDictionary.markdown(CATALOG);
    for (TableContract table : CATALOG.tables()) {
      assertTrue(md.contains("\n### " + table.qualifiedName() + "\n"), table.qualifiedName());
      assertTrue(
          md.contains("| Grain | " + table.grain().strip().replace("|", "\\|") + " |"),
          table.qualifiedName());
      for (ColumnSpec column : table.columns()) {
        assertTrue(
            md.contains("| `" + column.name() + "` | " + column.type().code() + " | "),
            table.qualifiedName() + "." + column.name());
      }
    }
  }

  @Test
  void lineageColumnsIncludedFromFragmentsAreListedWithTheTable() {
    String md = DataDictionary.markdown(CATALOG);
    String tickets = md.substring(md.indexOf("\n### silver.tickets\n"));
    tickets = tickets.substring(0, tickets.indexOf("\n### ", 5));
    assertTrue(tickets.contains("| `batch_id` | string | no |"), tickets);
    assertTrue(tickets.contains("| Partitioned by | `month` |"), tickets);
  }

  @Test
  void constraintsAreSpelledOut() {
    TableContract tickets = CATALOG.table("landing.tickets");
    assertEquals(
        "min 0; max 1000", DataDictionary.constraints(tickets.requireColumn("reopened_count")));
    assertEquals(
        "one of `P1`, `P2`, `P3`, `P4`",
        DataDictionary.constraints(tickets.requireColumn("priority")));
    assertEquals(
        "not before 2000-01-01T00:00:00Z; not in the future",
        DataDictionary.constraints(tickets.requireColumn("created_at")));
    assertEquals(
        "personal data (customer)",
        DataDictionary.constraints(tickets.requireColumn("customer_id")));
  }

  private static int firstDifferentLine(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return i + 1;
      }
    }
    return Math.min(x.length, y.length) + 1;
  }
}
