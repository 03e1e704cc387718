package io.commpulse.spark;

import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.udf;

import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF0;
import org.apache.spark.sql.types.DataTypes;

/**
 * Values that change from run to run (the clock), given to a query so that its generated code does
 * not change with them. Spark compiles a timestamp literal into the code it generates, and caches
 * compiled code by its text: with {@code lit(now)} every run compiled the ingest's largest
 * projections again, each a class of thousands of lines. The value here is one the compiled code
 * reads when it runs, so the same query of a later run reuses the class.
 */
public final class RunValues {
  private RunValues() {}

  /** {@code instant} as a non-null timestamp column, to the microsecond as {@code lit} has it. */
  public static Column timestamp(Instant instant) {
    long micros =
        Math.addExact(
            Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    UDF0<Long> value = () -> micros;
    return timestamp_micros(udf(value, DataTypes.LongType).asNonNullable().apply());
  }
}
