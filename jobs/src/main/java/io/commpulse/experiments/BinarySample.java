package io.commpulse.experiments;

/**
 * A binary metric in one variant: {@code successes} of {@code n} units.
 *
 * @param n units observed
 * @param successes units with the outcome (0 ≤ successes ≤ n)
 */
public record BinarySample(long n, long successes) implements MetricSample {

  public BinarySample {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException(
          "successes must lie in [0, n=" + n + "], got " + successes);
    }
  }

  /** Success rate; NaN when no unit was observed. */
  public double rate() {
    return n == 0 ? Double.NaN : (double) successes / n;
  }

  @Override
  public MetricKind kind() {
    return MetricKind.BINARY;
  }
}
