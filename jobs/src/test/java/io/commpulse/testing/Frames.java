package io.commpulse.testing;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.TableContract;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Small in-memory tables shaped by a contract, and look-ups on collected results. */
public final class Frames {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private Frames() {}

  /** Column name / value pairs; a column not named is null. */
  public static Map<String, Object> rec(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** Rows with exactly the contract's columns; naming a column the contract lacks is a test bug. */
  public static Dataset<Row> frame(TableContract table, List<Map<String, Object>> records) {
    List<String> names = table.columns().stream().map(ColumnSpec::name).toList();
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> record : records) {
      for (String name : record.keySet()) {
        if (!names.contains(name)) {
          throw new IllegalArgumentException(table.qualifiedName() + " has no column " + name);
        }
      }
      rows.add(RowFactory.create(names.stream().map(record::get).toArray()));
    }
    return TestSpark.session().createDataFrame(rows, table.sparkSchema());
  }

  /** A wall-clock time in Asia/Shanghai, e.g. "2026-10-12 10:00", as the instant it denotes. */
  public static Timestamp shanghai(String localDateTime) {
    return Timestamp.from(
        LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant());
  }

  /** An ISO instant, e.g. "2026-10-08T17:30:00Z". */
  public static Timestamp utc(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  /** Collected rows keyed by the values of the given columns joined with '/'. */
  public static Map<String, Row> byKey(Dataset<Row> rows, String... keyColumns) {
    Map<String, Row> keyed = new TreeMap<>();
    for (Row row : rows.collectAsList()) {
      String key =
          java.util.Arrays.stream(keyColumns)
              .map(c -> String.valueOf((Object) row.getAs(c)))
              .collect(Collectors.joining("/"));
      if (keyed.put(key, row) != null) {
        throw new AssertionError("two rows for key " + key);
      }
    }
    return keyed;
  }

  /** A nullable double column, as the boxed value or null. */
  public static Double dbl(Row row, String column) {
    Object value = row.getAs(column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  public static Long lng(Row row, String column) {
    Object value = row.getAs(column);
    return value == null ? null : ((Number) value).longValue();
  }
}
