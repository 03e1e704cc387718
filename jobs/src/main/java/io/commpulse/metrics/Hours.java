package io.commpulse.metrics;

import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Elapsed hours between two timestamps, the one way the gold tables measure waits. The two choices
 * the tables differ on are parameters, so each call says which it makes.
 */
public final class Hours {
  public static final double SECONDS_PER_HOUR = 3600.0;

  /** How much of each end point counts. */
  public enum Resolution {
    /** Each end point cut to its whole second first (Spark's {@code unix_timestamp}). */
    SECONDS,
    /** The exact difference, fractions of a second included. */
    MICROSECONDS
  }

  /** What an end before the start gives. */
  public enum Reversed {
    /** Null: a data error, not a negative wait. */
    NULL,
    /** A negative number of hours. */
    NEGATIVE
  }

  private Hours() {}

  /** Hours from {@code from} to {@code to}; null when either is null. */
  public static Column between(Column from, Column to, Resolution resolution, Reversed reversed) {
    Column seconds =
        switch (resolution) {
          case SECONDS -> unix_timestamp(to).minus(unix_timestamp(from));
          case MICROSECONDS -> to.cast("double").minus(from.cast("double"));
        };
    Column hours = seconds.divide(SECONDS_PER_HOUR);
    return switch (reversed) {
      case NULL -> when(seconds.geq(0), hours);
      case NEGATIVE -> hours;
    };
  }

  /** A whole number of seconds in hours. */
  public static double ofSeconds(long seconds) {
    return seconds / SECONDS_PER_HOUR;
  }
}
