package io.commpulse.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Hours.Resolution;
import io.commpulse.metrics.Hours.Reversed;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.spark.sql.Column;

/**
 * What a month's figures could see: the instant its data runs through, and whether that includes
 * the following month's batch. A 24-hour window that opens late in a month closes in the next one,
 * and replies, later exports of a ticket and acknowledgements arrive in the next month's files, so
 * a month is final only once that batch has been read; before, it is provisional and a later run
 * restates it.
 *
 * @param through the end of the last batch read: midnight at the start of the month after it, in
 *     the source system's time zone (a batch holds the events of its calendar month there)
 * @param nextBatchRead whether the following month's batch was among the data
 */
public record DataCutoff(Instant through, boolean nextBatchRead) {
  public static final String PROVISIONAL = "provisional";
  public static final String FINAL = "final";

  /** The cut-off of {@code month}'s figures for a source whose batches follow {@code zone}. */
  public static DataCutoff of(YearMonth month, ZoneId zone, boolean nextBatchRead) {
    YearMonth last = nextBatchRead ? month.plusMonths(1) : month;
    return new DataCutoff(
        last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), nextBatchRead);
  }

  /** {@code final} once the following batch has been read, {@code provisional} before. */
  public String state() {
    return nextBatchRead ? FINAL : PROVISIONAL;
  }

  public Timestamp throughTimestamp() {
    return Timestamp.from(through);
  }

  /**
   * 1 for an item not answered ({@code waitHours} null) whose window of {@code hours} after {@code
   * opened} is still open at the cut-off, 0 otherwise: the items the 24-hour shares leave out.
   */
  public Column pending(Column waitHours, Column opened, double hours) {
    return when(waitHours.isNull().and(windowOpen(opened, hours)), 1).otherwise(0);
  }

  /**
   * True for an item whose window of {@code hours} after {@code opened} (bound included, whole
   * seconds as the waits are measured) still reaches the cut-off: an answer not yet seen could
   * still arrive in time, so the item is neither a success nor a miss yet.
   */
  public Column windowOpen(Column opened, double hours) {
    return Hours.between(opened, lit(throughTimestamp()), Resolution.SECONDS, Reversed.NEGATIVE)
        .leq(hours);
  }
}
