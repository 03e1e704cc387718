package io.commpulse.testing;

import io.commpulse.schema.TableContract;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of any table contract for lake-level tests: every value derived from the row's number, the
 * columns a test cares about given explicitly.
 */
public final class ContractRowMaker {
  private ContractRowMaker() {}

  /**
   * {@code count} rows for a month numbered from {@code first}; every third row has nulls in its
   * nullable columns.
   */
  public static List<Row> rows(TableContract table, String month, int first, int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      rows.add(row(table, month, i, Map.of()));
    }
    return rows;
  }

  /** Row number {@code i} of a month, with {@code given} values for some of its columns. */
  public static Row row(TableContract table, String month, int i, Map<String, Object> given) {
    StructType schema = table.sparkSchema();
    Object[] values = new Object[schema.size()];
    for (int c = 0; c < values.length; c++) {
      StructField field = schema.fields()[c];
      if (given.containsKey(field.name())) {
        values[c] = given.get(field.name());
      } else if (field.name().equals("month")) {
        values[c] = month;
      } else {
        values[c] = field.nullable() && i % 3 == 0 ? null : value(field.dataType(), i, c);
      }
    }
    return RowFactory.create(values);
  }

  private static Object value(DataType type, int i, int column) {
    if (type.equals(DataTypes.StringType)) {
      return "v" + i + "." + column + (i % 2 == 0 ? " 中文" : "");
    } else if (type.equals(DataTypes.LongType)) {
      return i * 1_000_003L + column;
    } else if (type.equals(DataTypes.IntegerType)) {
      return i * 31 + column;
    } else if (type.equals(DataTypes.DoubleType)) {
      return i / 7.0 + column;
    } else if (type.equals(DataTypes.BooleanType)) {
      return i % 2 == 0;
    } else if (type.equals(DataTypes.TimestampType)) {
      return Timestamp.from(Instant.parse("2026-10-01T08:00:00.123456Z").plusSeconds(i * 3_601L));
    } else if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(i * 37L));
    } else if (type.equals(DataTypes.createArrayType(DataTypes.StringType))) {
      return List.of("a" + i, "b" + column + " 中文", "c").subList(0, i % 4 == 1 ? 0 : 1 + i % 3);
    }
    throw new IllegalArgumentException("no test value for " + type);
  }
}
