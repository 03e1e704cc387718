package io.commpulse.experiments;

import java.util.Arrays;

/**
 * Reference winsorisation for tests, in plain Java: caps extreme values of a continuous metric at a
 * percentile of its own distribution, the way {@link ExperimentSamples} does it in Spark.
 *
 * <p>Percentile definition: numpy's default {@code np.percentile(a, q)} ('linear', type 7 of
 * Hyndman and Fan). With the n values sorted, a_0 ≤ … ≤ a_{n−1}, h = (n − 1)·q/100, j = ⌊h⌋: {@code
 * P(q) = a_j + (h − j)·(a_{j+1} − a_j)}. Winsorising at q then equals {@code np.clip(a, None,
 * np.percentile(a, q))}.
 */
final class Winsorisation {

  private Winsorisation() {}

  /** The q-th percentile (0 ≤ q ≤ 100) by numpy's default linear interpolation. */
  static double percentile(double[] values, double q) {
    double[] sorted = sortedCopy(values);
    return percentileOfSorted(sorted, q);
  }

  /**
   * A copy of {@code values} with everything above the q-th percentile replaced by that percentile.
   */
  static double[] capAbove(double[] values, double q) {
    if (values.length == 0) {
      return new double[0];
    }
    double high = percentile(values, q);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.min(high, values[i]);
    }
    return out;
  }

  private static double[] sortedCopy(double[] values) {
    double[] sorted = values.clone();
    for (double v : sorted) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("values must not contain NaN");
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }

  private static double percentileOfSorted(double[] sorted, double q) {
    if (!(q >= 0 && q <= 100)) {
      throw new IllegalArgumentException("percentile must lie in [0, 100], got " + q);
    }
    if (sorted.length == 0) {
      throw new IllegalArgumentException("percentile of no values");
    }
    double h = (sorted.length - 1) * q / 100;
    int j = (int) Math.floor(h);
    if (j >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double frac = h - j;
    return sorted[j] + frac * (sorted[j + 1] - sorted[j]);
  }
}
