package io.commpulse.gold;

import io.commpulse.lake.Lake;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.TableContract;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The figures of a gold month that a new computation changed, for {@code ops.restatements}: a month
 * computed before the following batch arrived is restated once it has, and that must never be
 * silent. Only tables whose rows carry a {@code state} are compared.
 */
final class Restatements {
  static final String TABLE = "ops.restatements";
  static final String WHOLE_ROW = "*";
  static final String ABSENT = "absent";
  private static final Set<String> NOT_FIGURES = Set.of("data_through", "state");

  /** A month of a table as stored before it is written again. */
  record Stored(long version, List<Row> rows) {}

  private Restatements() {}

  static boolean tracked(TableContract table) {
    return table.columns().stream().anyMatch(c -> c.name().equals("state"));
  }

  /** The month as stored, or null when the table has never held a row of it. */
  static Stored stored(Lake lake, TableContract table, String month) {
    OptionalLong version = lake.versionIfExists(table);
    if (version.isEmpty() || !lake.monthEverWritten(table, month)) {
      return null;
    }
    long v = version.getAsLong();
    return new Stored(v, lake.readMonthAtVersion(table, month, v).collectAsList());
  }

  /**
   * One {@code ops.restatements} row per changed figure between the stored month and the rows
   * written as {@code newVersion}; nothing when the month was not stored before.
   */
  static List<Row> changes(
      TableContract table,
      String month,
      Stored before,
      List<Row> after,
      long newVersion,
      Instant restatedAt) {
    List<Row> changes = new ArrayList<>();
    if (before == null || before.rows().isEmpty()) {
      return changes;
    }
    List<String> keys = table.keys().stream().filter(k -> !k.equals("month")).toList();
    Map<String, Row> old = byKey(before.rows(), keys);
    Map<String, Row> now = byKey(after, keys);
    Set<String> allKeys = new LinkedHashSet<>(old.keySet());
    allKeys.addAll(now.keySet());
    Timestamp at = Timestamp.from(restatedAt);
    for (String key : allKeys) {
      Row o = old.get(key);
      Row n = now.get(key);
      Change change =
          new Change(month, table.qualifiedName(), key, before.version(), newVersion, o, n, at);
      if (o == null || n == null) {
        changes.add(
            change.row(WHOLE_ROW, o == null ? ABSENT : "present", n == null ? ABSENT : "present"));
        continue;
      }
      for (ColumnSpec column : table.columns()) {
        String name = column.name();
        if (keys.contains(name) || name.equals("month") || NOT_FIGURES.contains(name)) {
          continue;
        }
        Object was = value(o, name);
        Object is = value(n, name);
        if (!Objects.equals(was, is)) {
          changes.add(change.row(name, text(was), text(is)));
        }
      }
    }
    return changes;
  }

  private record Change(
      String month,
      String table,
      String key,
      long oldVersion,
      long newVersion,
      Row before,
      Row after,
      Timestamp at) {
    Row row(String column, String oldValue, String newValue) {
      return RowFactory.create(
          month,
          table,
          key,
          column,
          oldValue,
          newValue,
          oldVersion,
          newVersion,
          before == null ? null : (String) value(before, "state"),
          after == null ? null : (String) value(after, "state"),
          after == null ? null : (Timestamp) value(after, "data_through"),
          at);
    }
  }

  private static Map<String, Row> byKey(List<Row> rows, List<String> keys) {
    Map<String, Row> byKey = new LinkedHashMap<>();
    for (Row row : rows) {
      List<String> parts = new ArrayList<>();
      for (String key : keys) {
        parts.add(key + "=" + value(row, key));
      }
      byKey.put(String.join(", ", parts), row);
    }
    return byKey;
  }

  /** A column's value; null when the row was written before the column existed. */
  private static Object value(Row row, String column) {
    return List.of(row.schema().fieldNames()).contains(column) ? row.getAs(column) : null;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
