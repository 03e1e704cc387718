package io.commpulse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.commpulse.metrics.Hours.Resolution;
import io.commpulse.metrics.Hours.Reversed;
import io.commpulse.testing.TestSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class HoursTest {
  private static final StructType PAIR =
      new StructType().add("a", DataTypes.TimestampType).add("b", DataTypes.TimestampType);

  /**
   * The four variants over (a, b), in the order SECONDS/NULL, SECONDS/NEGATIVE, MICROS/NULL,
   * MICROS/NEGATIVE.
   */
  private static Row hours(String a, String b) {
    Row pair =
        RowFactory.create(
            a == null ? null : Timestamp.from(Instant.parse(a)),
            b == null ? null : Timestamp.from(Instant.parse(b)));
    return TestSpark.session()
        .createDataFrame(List.of(pair), PAIR)
        .select(
            Hours.between(col("a"), col("b"), Resolution.SECONDS, Reversed.NULL),
            Hours.between(col("a"), col("b"), Resolution.SECONDS, Reversed.NEGATIVE),
            Hours.between(col("a"), col("b"), Resolution.MICROSECONDS, Reversed.NULL),
            Hours.between(col("a"), col("b"), Resolution.MICROSECONDS, Reversed.NEGATIVE))
        .first();
  }

  @Test
  void wholeSecondsAgreeInEveryVariant() {
    Row r = hours("2026-10-01T08:00:00Z", "2026-10-02T09:30:00Z");
    for (int i = 0; i < 4; i++) {
      assertEquals(25.5, r.getDouble(i), 0.0);
    }
  }

  @Test
  void secondsCutEachEndPointToItsWholeSecond() {
    // 08:00:00.900 -> 08:00:01.100: the whole seconds are 00 and 01, the exact gap 0.2 s (to the
    // precision of a double over epoch seconds).
    Row r = hours("2026-10-01T08:00:00.900Z", "2026-10-01T08:00:01.100Z");
    assertEquals(1 / 3600.0, r.getDouble(0), 0.0);
    assertEquals(1 / 3600.0, r.getDouble(1), 0.0);
    assertEquals(0.2 / 3600.0, r.getDouble(2), 1e-9);
    assertEquals(0.2 / 3600.0, r.getDouble(3), 1e-9);
  }

  @Test
  void anEndBeforeItsStartIsNullOrNegative() {
    Row r = hours("2026-10-01T10:00:00Z", "2026-10-01T08:30:00Z");
    assertNull(r.get(0));
    assertEquals(-1.5, r.getDouble(1), 0.0);
    assertNull(r.get(2));
    assertEquals(-1.5, r.getDouble(3), 0.0);
  }

  @Test
  void aMissingEndPointGivesNull() {
    Row r = hours("2026-10-01T10:00:00Z", null);
    Arrays.asList(0, 1, 2, 3).forEach(i -> assertNull(r.get(i)));
  }

  @Test
  void wholeSecondsInJava() {
    assertEquals(1.5, Hours.ofSeconds(5400), 0.0);
  }
}
