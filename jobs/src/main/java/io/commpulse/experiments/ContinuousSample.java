package io.commpulse.experiments;

/**
 * A continuous metric in one variant, summarised by count, mean and sample variance (divisor n −
 * 1), which is what Spark's {@code count}, {@code avg} and {@code var_samp} return.
 *
 * @param n units observed
 * @param mean mean of the values; NaN when n = 0
 * @param variance sample variance with divisor n − 1; NaN when n < 2
 */
public record ContinuousSample(long n, double mean, double variance) implements MetricSample {

  public ContinuousSample {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (n >= 1 && !Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean must be finite when n >= 1, got " + mean);
    }
    if (n >= 2 && !(variance >= 0 && Double.isFinite(variance))) {
      throw new IllegalArgumentException(
          "variance must be finite and >= 0 when n >= 2, got " + variance);
    }
  }

  /**
   * Summarises raw values with the two-pass algorithm (mean first, then squared deviations from
   * it).
   */
  public static ContinuousSample of(double[] values) {
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite, got " + v);
      }
      sum += v;
    }
    if (n == 0) {
      return new ContinuousSample(0, Double.NaN, Double.NaN);
    }
    double mean = sum / n;
    if (n == 1) {
      return new ContinuousSample(1, mean, Double.NaN);
    }
    double squares = 0;
    double deviations = 0;
    for (double v : values) {
      double d = v - mean;
      squares += d * d;
      deviations += d;
    }
    // Subtracting (Σd)²/n removes the rounding error left in the mean (corrected two-pass
    // algorithm).
    double variance = (squares - deviations * deviations / n) / (n - 1);
    return new ContinuousSample(n, mean, Math.max(0, variance));
  }

  @Override
  public MetricKind kind() {
    return MetricKind.CONTINUOUS;
  }
}
