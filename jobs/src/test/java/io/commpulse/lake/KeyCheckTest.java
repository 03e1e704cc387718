package io.commpulse.lake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The key check on driver-side rows, on gold.mistransmission (key: month, department). No Spark
 * session needed.
 */
class KeyCheckTest {
  private static final TableContract TABLE = SchemaCatalog.get().table("gold.mistransmission");

  private static Row row(String month, String department, long communications) {
    Map<String, Object> values =
        Map.of("communications", communications, "flagged", 0L, "target", 0.05);
    List<Object> cells = new ArrayList<>();
    for (String column : TABLE.columnNames()) {
      cells.add(
          switch (column) {
            case "month" -> month;
            case "department" -> department;
            default -> values.get(column);
          });
    }
    return RowFactory.create(cells.toArray());
  }

  private static KeyViolationException violation(List<Row> rows) {
    return assertThrows(
        KeyViolationException.class, () -> KeyCheck.verify(TABLE, TABLE.sparkSchema(), rows));
  }

  @Test
  void distinctKeysPass() {
    assertEquals(List.of("month", "department"), TABLE.keys());
    assertDoesNotThrow(
        () ->
            KeyCheck.verify(
                TABLE,
                TABLE.sparkSchema(),
                List.of(
                    row("2026-10", "OPS", 10),
                    row("2026-10", "HR", 4),
                    row("2026-10", "ALL", 14),
                    row("2026-09", "OPS", 9))));
    assertDoesNotThrow(() -> KeyCheck.verify(TABLE, TABLE.sparkSchema(), List.of()));
  }

  @Test
  void aRepeatedKeyNamesTheTableTheKeyAndTheRepeatedValues() {
    KeyViolationException e =
        violation(
            List.of(
                row("2026-10", "OPS", 10),
                row("2026-10", "HR", 4),
                row("2026-10", "OPS", 11),
                row("2026-10", "OPS", 12)));
    assertEquals(
        "gold.mistransmission: not written, as 3 rows to write have the key (month=2026-10, department=OPS);"
            + " the key (month, department) must be unique. The table is as it was",
        e.getMessage());
    assertEquals("gold.mistransmission", e.table());
    assertEquals(List.of("month", "department"), e.keys());
  }

  @Test
  void severalRepeatedKeysAreCounted() {
    KeyViolationException e =
        violation(
            List.of(
                row("2026-10", "HR", 4),
                row("2026-10", "OPS", 10),
                row("2026-10", "HR", 5),
                row("2026-10", "OPS", 11)));
    assertEquals(
        "gold.mistransmission: not written, as 2 rows to write have the key (month=2026-10, department=HR)"
            + " (and 1 more key repeats); the key (month, department) must be unique. The table is as it was",
        e.getMessage());
  }

  @Test
  void aNullKeyColumnIsAViolationEvenWhenUnique() {
    KeyViolationException e =
        violation(List.of(row("2026-10", "OPS", 10), row("2026-10", null, 3)));
    assertEquals(
        "gold.mistransmission: not written, as key column department is null in a row to write"
            + " (month=2026-10, department=null); every column of the key (month, department) must be set."
            + " The table is as it was",
        e.getMessage());
  }

  @Test
  void aTableWithoutKeyCannotBeVerified() {
    TableContract keyless = SchemaCatalog.get().table("silver.experiment_units");
    assertThrows(
        IllegalStateException.class,
        () -> KeyCheck.verify(keyless, keyless.sparkSchema(), List.of()));
  }
}
