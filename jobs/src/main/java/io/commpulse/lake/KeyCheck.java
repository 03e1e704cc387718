package io.commpulse.lake;

import io.commpulse.schema.TableContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The contract's key checked on rows held by the driver, before they are written: every key column
 * set and no key on two rows. Plain Java over the rows at hand, so it costs no Spark job.
 */
public final class KeyCheck {
  private KeyCheck() {}

  /**
   * Throws {@link KeyViolationException} for the first row with a null key column, else for the
   * first repeated key.
   */
  public static void verify(TableContract table, StructType schema, List<Row> rows) {
    List<String> keys = table.keys();
    if (keys.isEmpty()) {
      throw new IllegalStateException(table.qualifiedName() + " declares no key to verify");
    }
    int[] at = new int[keys.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = columnIndex(table, schema, keys.get(i));
    }
    String name = table.qualifiedName();
    String keyColumns = "(" + String.join(", ", keys) + ")";
    Map<List<Object>, Integer> counts = new HashMap<>();
    List<Object> firstRepeated = null;
    for (Row row : rows) {
      List<Object> key = new ArrayList<>(at.length);
      for (int i : at) {
        key.add(row.get(i));
      }
      int unset = key.indexOf(null);
      if (unset >= 0) {
        throw new KeyViolationException(
            name,
            keys,
            name
                + ": not written, as key column "
                + keys.get(unset)
                + " is null in a row to write "
                + render(keys, key)
                + "; every column of the key "
                + keyColumns
                + " must be set. The table is as it was");
      }
      if (counts.merge(key, 1, Integer::sum) == 2 && firstRepeated == null) {
        firstRepeated = key;
      }
    }
    if (firstRepeated != null) {
      long repeated = counts.values().stream().filter(n -> n > 1).count();
      throw new KeyViolationException(
          name,
          keys,
          name
              + ": not written, as "
              + counts.get(firstRepeated)
              + " rows to write have the key "
              + render(keys, firstRepeated)
              + (repeated == 2
                  ? " (and 1 more key repeats)"
                  : repeated > 2 ? " (and " + (repeated - 1) + " more keys repeat)" : "")
              + "; the key "
              + keyColumns
              + " must be unique. The table is as it was");
    }
  }

  private static int columnIndex(TableContract table, StructType schema, String key) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    throw new IllegalStateException(
        table.qualifiedName()
            + ": key column '"
            + key
            + "' is not among the rows'"
            + " columns "
            + Arrays.toString(names));
  }

  private static String render(List<String> keys, List<Object> values) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      pairs.add(keys.get(i) + "=" + values.get(i));
    }
    return "(" + String.join(", ", pairs) + ")";
  }
}
