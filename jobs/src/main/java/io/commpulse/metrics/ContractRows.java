package io.commpulse.metrics;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.TableContract;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Builds a table's rows from values computed in plain Java (intervals, tests), keyed by column
 * name, so the column list stays in the contract.
 */
public final class ContractRows {
  private ContractRows() {}

  public static Dataset<Row> toDataFrame(SparkSession spark, TableContract table, List<Map<String, Object>> rows) {
    List<Row> sparkRows = rows.stream().map(values -> toRow(table, values)).toList();
    return spark.createDataFrame(sparkRows, table.sparkSchema());
  }

  private static Row toRow(TableContract table, Map<String, Object> values) {
    for (String name : values.keySet()) {
      table.requireColumn(name);
    }
    Object[] cells = new Object[table.columns().size()];
    for (int i = 0; i < cells.length; i++) {
      ColumnSpec column = table.columns().get(i);
      cells[i] = coerce(values.get(column.name()), column);
    }
    return RowFactory.create(cells);
  }

  private static Object coerce(Object value, ColumnSpec column) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double d && d.isNaN()) {
      return null;
    }
    return switch (column.type()) {
      case LONG -> ((Number) value).longValue();
      case INT -> ((Number) value).intValue();
      case DOUBLE -> ((Number) value).doubleValue();
      default -> value;
    };
  }
}
