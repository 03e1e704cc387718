package io.commpulse.metrics;

import static io.commpulse.testing.Frames.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.testing.TestSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DataCutoffTest {
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  @Test
  void aBatchRunsThroughMidnightStartingTheNextMonthInTheSourcesZone() {
    DataCutoff shanghai = DataCutoff.of(OCTOBER, ZoneId.of("Asia/Shanghai"), false);
    assertEquals(Instant.parse("2026-10-31T16:00:00Z"), shanghai.through()); // 11-01 00:00 +08:00
    assertEquals("provisional", shanghai.state());
    DataCutoff withNovember = DataCutoff.of(OCTOBER, ZoneOffset.UTC, true);
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), withNovember.through());
    assertEquals("final", withNovember.state());
  }

  @Test
  void aWindowReachingTheCutOffExactlyIsStillOpen() {
    DataCutoff cutoff = DataCutoff.of(OCTOBER, ZoneOffset.UTC, false); // 2026-11-01T00:00Z
    StructType schema = new StructType().add("opened", DataTypes.TimestampType);
    List<Row> rows =
        List.of(
            RowFactory.create(utc("2026-10-31T00:00:00Z")), // 24 h before: a reply at the cut-off
            // would be within, so open
            RowFactory.create(utc("2026-10-30T23:59:59Z")), // 24 h 1 s before: closed
            RowFactory.create(utc("2026-10-31T23:00:00Z"))); // 1 h before: open
    List<Boolean> open =
        TestSpark.session()
            .createDataFrame(rows, schema)
            .select(cutoff.windowOpen(org.apache.spark.sql.functions.col("opened"), 24.0))
            .collectAsList()
            .stream()
            .map(r -> r.getBoolean(0))
            .toList();
    assertEquals(List.of(true, false, true), open);
    assertEquals(Timestamp.from(cutoff.through()), cutoff.throughTimestamp());
  }
}
