package io.commpulse.metrics;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.ColumnType;
import io.commpulse.schema.TableContract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Builds a table's rows from values computed in plain Java (intervals, tests), keyed by column name
 * or as {@link GoldRow} records, and reads rows back into those records, so the column list stays
 * in the contract.
 */
public final class ContractRows {
  private ContractRows() {}

  public static Dataset<Row> toDataFrame(
      SparkSession spark, TableContract table, List<Map<String, Object>> rows) {
    List<Row> sparkRows = rows.stream().map(values -> toRow(table, values)).toList();
    return spark.createDataFrame(sparkRows, table.sparkSchema());
  }

  /** Rows given as {@link GoldRow} records of the table. */
  public static Dataset<Row> fromRecords(
      SparkSession spark, TableContract table, List<? extends Record> rows) {
    List<Map<String, Object>> byColumn = new ArrayList<>();
    for (Record row : rows) {
      byColumn.add(byColumn(table, row));
    }
    return toDataFrame(spark, table, byColumn);
  }

  /**
   * A {@link GoldRow} record's values keyed by the table's column names, in the contract's order.
   */
  public static Map<String, Object> byColumn(TableContract table, Record row) {
    Map<String, RecordComponent> components = new HashMap<>();
    for (RecordComponent component : row.getClass().getRecordComponents()) {
      components.put(component.getName(), component);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ColumnSpec column : table.columns()) {
      RecordComponent component = components.get(component(column.name()));
      if (component == null) {
        throw new IllegalStateException(
            row.getClass().getSimpleName()
                + " has no component for "
                + table.qualifiedName()
                + "."
                + column.name());
      }
      values.put(column.name(), value(component, row));
    }
    return values;
  }

  /**
   * A row of a table (all or some of its columns, by name) as its record; absent columns read as
   * null.
   */
  public static <R extends Record> R toRecord(Row row, Class<R> type) {
    Map<String, Object> byComponent = new HashMap<>();
    String[] fields = row.schema().fieldNames();
    for (int i = 0; i < fields.length; i++) {
      byComponent.put(component(fields[i]), row.get(i));
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] =
          convert(
              byComponent.get(components[i].getName()), types[i], type, components[i].getName());
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          type.getSimpleName() + " refused a row: " + e.getCause().getMessage(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  /**
   * What keeps a record from being the table's row: names, order, Java types, nullability; empty
   * when none.
   */
  public static List<String> differences(TableContract table, Class<? extends Record> type) {
    List<String> problems = new ArrayList<>();
    RecordComponent[] components = type.getRecordComponents();
    List<ColumnSpec> columns = table.columns();
    if (components.length != columns.size()) {
      problems.add(components.length + " components for " + columns.size() + " columns");
    }
    for (int i = 0; i < Math.min(components.length, columns.size()); i++) {
      ColumnSpec column = columns.get(i);
      RecordComponent component = components[i];
      if (!component.getName().equals(component(column.name()))) {
        problems.add(
            "component " + i + " is " + component.getName() + ", column is " + column.name());
        continue;
      }
      Class<?> expected = javaType(column.type(), column.nullable());
      if (component.getType() != expected) {
        problems.add(
            column.name()
                + ": "
                + component.getType().getSimpleName()
                + " where the contract needs "
                + expected.getSimpleName());
      }
    }
    return problems;
  }

  /** replied_24h_share -> replied24hShare */
  static String component(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static Class<?> javaType(ColumnType type, boolean nullable) {
    return switch (type) {
      case STRING -> String.class;
      case LONG -> nullable ? Long.class : long.class;
      case INT -> nullable ? Integer.class : int.class;
      case DOUBLE -> nullable ? Double.class : double.class;
      case BOOLEAN -> nullable ? Boolean.class : boolean.class;
      case DATE -> java.sql.Date.class;
      case TIMESTAMP -> java.sql.Timestamp.class;
      case ARRAY_OF_STRING -> List.class;
    };
  }

  private static Object value(RecordComponent component, Record row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private static Object convert(Object value, Class<?> target, Class<?> record, String component) {
    if (value == null) {
      if (target.isPrimitive()) {
        throw new IllegalStateException(
            record.getSimpleName() + "." + component + " is null in a row read back");
      }
      return null;
    }
    if (value instanceof Number n) {
      if (target == long.class || target == Long.class) {
        return n.longValue();
      }
      if (target == int.class || target == Integer.class) {
        return n.intValue();
      }
      if (target == double.class || target == Double.class) {
        return n.doubleValue();
      }
    }
    return value;
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
