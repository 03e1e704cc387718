package io.commpulse.schema;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The column types a contract may declare, with the Spark type each maps to; the set is closed on
 * purpose.
 */
public enum ColumnType {
  STRING("string", DataTypes.StringType),
  INT("int", DataTypes.IntegerType),
  LONG("long", DataTypes.LongType),
  DOUBLE("double", DataTypes.DoubleType),
  BOOLEAN("boolean", DataTypes.BooleanType),
  DATE("date", DataTypes.DateType),
  TIMESTAMP("timestamp", DataTypes.TimestampType),
  ARRAY_OF_STRING("array<string>", DataTypes.createArrayType(DataTypes.StringType));

  private final String code;
  private final DataType sparkType;

  ColumnType(String code, DataType sparkType) {
    this.code = code;
    this.sparkType = sparkType;
  }

  /** The name written in schemas/ ("long", "array<string>"). */
  public String code() {
    return code;
  }

  public DataType sparkType() {
    return sparkType;
  }

  public boolean isNumeric() {
    return this == INT || this == LONG || this == DOUBLE;
  }

  public static ColumnType of(String code) {
    for (ColumnType t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    throw new SchemaException(
        "unknown column type '"
            + code
            + "' (allowed: "
            + String.join(", ", Arrays.stream(values()).map(ColumnType::code).toList())
            + ")");
  }
}
