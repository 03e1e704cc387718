package io.commpulse.metrics;

import org.apache.spark.sql.Row;

/** Reads aggregate rows by column name, treating SQL nulls as Java nulls. */
public final class Cells {
  private Cells() {}

  public static Double dbl(Row row, String column) {
    Object value = row.getAs(column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  public static long lng(Row row, String column) {
    Object value = row.getAs(column);
    return value == null ? 0L : ((Number) value).longValue();
  }

  public static String str(Row row, String column) {
    return row.getAs(column);
  }

  public static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
