package io.commpulse.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Maps the type names used in schemas/ to Spark types; the set is closed on purpose. */
final class SparkTypes {
  private SparkTypes() {}

  static DataType parse(String name) {
    return switch (name) {
      case "string" -> DataTypes.StringType;
      case "int" -> DataTypes.IntegerType;
      case "long" -> DataTypes.LongType;
      case "double" -> DataTypes.DoubleType;
      case "boolean" -> DataTypes.BooleanType;
      case "date" -> DataTypes.DateType;
      case "timestamp" -> DataTypes.TimestampType;
      case "array<string>" -> DataTypes.createArrayType(DataTypes.StringType);
      default -> throw new SchemaException("unknown column type '" + name
          + "' (allowed: string, int, long, double, boolean, date, timestamp, array<string>)");
    };
  }
}
