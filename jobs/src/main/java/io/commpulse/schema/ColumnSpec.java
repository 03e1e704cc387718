package io.commpulse.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/** One column of a table contract: its type, nullability, meaning and value constraints. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ColumnSpec(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "type", required = true) String typeName,
    @JsonProperty("nullable") Boolean nullableOrNull,
    @JsonProperty(value = "description", required = true) String description,
    @JsonProperty("unit") String unit,
    @JsonProperty("min") Double min,
    @JsonProperty("max") Double max,
    @JsonProperty("allowed") List<String> allowed,
    @JsonProperty("pattern") String pattern,
    @JsonProperty("not_future") Boolean notFutureOrNull,
    @JsonProperty("earliest") String earliest,
    @JsonProperty("pii") String pii) {

  public boolean nullable() {
    return nullableOrNull == null || nullableOrNull;
  }

  public boolean notFuture() {
    return notFutureOrNull != null && notFutureOrNull;
  }

  /**
   * The declared type; fails with a {@link SchemaException} naming the allowed types when it is
   * unknown.
   */
  public ColumnType type() {
    return ColumnType.of(typeName);
  }

  public boolean isTimestamp() {
    return type() == ColumnType.TIMESTAMP;
  }

  public DataType sparkType() {
    return type().sparkType();
  }

  /** The Spark field with the description as its comment, so DESCRIBE shows it to analysts. */
  public StructField sparkField() {
    Metadata comment = new MetadataBuilder().putString("comment", description).build();
    return new StructField(name, sparkType(), nullable(), comment);
  }
}
