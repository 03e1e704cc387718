package io.commpulse.experiments;

/**
 * A continuous metric {@code y} together with a pre-experiment covariate {@code x} for the same
 * units, as the raw sums CUPED needs. Sums are additive, so partial aggregates (Spark partitions)
 * combine with {@link #plus}. Its kind is {@link MetricKind#CONTINUOUS}: after adjustment it is
 * compared with Welch's t-test.
 *
 * @param n units with both y and x
 * @param sumY Σy
 * @param sumX Σx
 * @param sumYY Σy²
 * @param sumXX Σx²
 * @param sumXY Σxy
 */
public record CupedSample(
    long n, double sumY, double sumX, double sumYY, double sumXX, double sumXY)
    implements MetricSample {

  public CupedSample {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    for (double s : new double[] {sumY, sumX, sumYY, sumXX, sumXY}) {
      if (!Double.isFinite(s)) {
        throw new IllegalArgumentException("sums must be finite, got " + s);
      }
    }
  }

  /** Sums of paired raw values {@code y[i]}, {@code x[i]}. */
  public static CupedSample of(double[] y, double[] x) {
    if (y.length != x.length) {
      throw new IllegalArgumentException(
          "y and x must have the same length: " + y.length + " vs " + x.length);
    }
    double sy = 0, sx = 0, syy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < y.length; i++) {
      sy += y[i];
      sx += x[i];
      syy += y[i] * y[i];
      sxx += x[i] * x[i];
      sxy += x[i] * y[i];
    }
    return new CupedSample(y.length, sy, sx, syy, sxx, sxy);
  }

  public CupedSample plus(CupedSample other) {
    return new CupedSample(
        n + other.n,
        sumY + other.sumY,
        sumX + other.sumX,
        sumYY + other.sumYY,
        sumXX + other.sumXX,
        sumXY + other.sumXY);
  }

  @Override
  public MetricKind kind() {
    return MetricKind.CONTINUOUS;
  }

  public double meanY() {
    return n == 0 ? Double.NaN : sumY / n;
  }

  public double meanX() {
    return n == 0 ? Double.NaN : sumX / n;
  }

  /** Σ(y − ȳ)². */
  double centredYY() {
    return Math.max(0, sumYY - sumY * sumY / n);
  }

  /** Σ(x − x̄)². */
  double centredXX() {
    return Math.max(0, sumXX - sumX * sumX / n);
  }

  /** Σ(x − x̄)(y − ȳ). */
  double centredXY() {
    return sumXY - sumX * sumY / n;
  }

  /** The metric without adjustment. */
  public ContinuousSample unadjusted() {
    if (n < 2) {
      return new ContinuousSample(n, meanY(), Double.NaN);
    }
    return new ContinuousSample(n, meanY(), centredYY() / (n - 1));
  }
}
