package io.commpulse.schema;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The contract of one table as declared in schemas/: the single place where its columns are named.
 *
 * @param format for landing sources only: how real systems export it (csv or jsonl)
 * @param sourceTimezone for landing sources only: the zone of timestamps written without an offset
 * @param checks rules across columns that every valid row satisfies (landing sources)
 */
public record TableContract(
    String layer,
    String name,
    String description,
    String grain,
    String format,
    String sourceTimezone,
    List<String> keys,
    List<String> partitionedBy,
    List<ColumnSpec> columns,
    List<RowCheck> checks) {

  public String qualifiedName() {
    return layer + "." + name;
  }

  public StructType sparkSchema() {
    return new StructType(columns.stream().map(ColumnSpec::sparkField).toArray(StructField[]::new));
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public ColumnSpec requireColumn(String columnName) {
    return column(columnName)
        .orElseThrow(
            () -> new SchemaException(qualifiedName() + " has no column '" + columnName + "'"));
  }
}
