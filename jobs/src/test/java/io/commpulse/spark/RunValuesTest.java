package io.commpulse.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.commpulse.testing.TestSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.debug.package$;
import org.junit.jupiter.api.Test;

class RunValuesTest {
  private static final String GENERATED = "Generated code:";
  private static final List<Instant> INSTANTS =
      List.of(
          Instant.parse("2026-10-31T16:00:00Z"),
          Instant.parse("2026-12-07T15:37:31.123456789Z"),
          Instant.parse("1969-12-31T23:59:59.999999500Z"));

  private final SparkSession spark = TestSpark.session();

  @Test
  void aRunTimestampHasTheValueOfItsLiteral() {
    for (Instant instant : INSTANTS) {
      Row row =
          spark
              .range(1)
              .select(
                  RunValues.timestamp(instant).as("value"),
                  lit(Timestamp.from(instant)).as("literal"))
              .first();
      assertEquals(row.getTimestamp(1), row.getTimestamp(0), instant.toString());
    }
  }

  @Test
  void aRunTimestampIsNeverNull() {
    Dataset<Row> rows = spark.range(1).select(RunValues.timestamp(INSTANTS.get(0)).as("value"));
    assertFalse(rows.schema().apply("value").nullable());
  }

  @Test
  void twoRunsOfAQueryGenerateTheSameCodeWhereLiteralsWouldNot() {
    assertEquals(
        generatedCode(RunValues.timestamp(INSTANTS.get(0))),
        generatedCode(RunValues.timestamp(INSTANTS.get(1))));
    assertNotEquals(
        generatedCode(lit(Timestamp.from(INSTANTS.get(0)))),
        generatedCode(lit(Timestamp.from(INSTANTS.get(1)))));
  }

  /** The code Spark generates for a check of a timestamp column against {@code now}. */
  private String generatedCode(Column now) {
    Dataset<Row> checked =
        spark
            .range(3)
            .select(col("id").cast("timestamp").as("at"))
            .select(col("at").gt(now).as("future"));
    String described = package$.MODULE$.codegenString(checked.queryExecution().executedPlan());
    // The description starts with the plan, which names the literal; the code follows.
    return described.substring(described.indexOf(GENERATED));
  }
}
