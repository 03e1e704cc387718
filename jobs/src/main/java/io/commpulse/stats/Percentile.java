package io.commpulse.stats;

/**
 * The exact percentile of sorted values with linear interpolation between the two nearest order
 * statistics (numpy's default, Hive's and Spark's {@code percentile}), computed with the same
 * floating-point operations as Spark's so that both give the same double.
 */
public final class Percentile {
  private Percentile() {}

  /**
   * The {@code fraction} (in [0, 1]) percentile of the first {@code count} values of {@code
   * sorted}, which are in ascending order; NaN when count is 0.
   */
  public static double linear(double[] sorted, int count, double fraction) {
    requireFraction(fraction);
    if (count == 0) {
      return Double.NaN;
    }
    double position = (long) (count - 1) * fraction;
    long lower = (long) Math.floor(position);
    long higher = (long) Math.ceil(position);
    double low = sorted[(int) lower];
    double high = sorted[(int) higher];
    if (higher == lower || Double.valueOf(low).equals(high)) {
      return low;
    }
    return (higher - position) * low + (position - lower) * high;
  }

  /** Fails unless {@code fraction} lies in [0, 1]. */
  public static void requireFraction(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("percentile fraction must lie in [0, 1], got " + fraction);
    }
  }
}
