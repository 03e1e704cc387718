package io.commpulse.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

/** A two-sided 95% confidence interval and the estimators that produce one. */
public record Interval(double low, double high) {
  public static final double CONFIDENCE = 0.95;
  private static final double Z =
      new NormalDistribution().inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);

  /** Wilson score interval for k successes in n trials; null when n is 0. */
  public static Interval wilson(long successes, long trials) {
    if (trials <= 0) {
      return null;
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * Student t interval for a mean from n observations with sample standard deviation sd; null when
   * n < 2.
   */
  public static Interval studentT(long n, double mean, double sd) {
    if (n < 2) {
      return null;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean - half, mean + half);
  }

  /**
   * One-sided exact binomial p-value for "the true share is below {@code target}": P(X <= k) under
   * share = target. Small values are evidence that the target is missed. Null without trials.
   */
  public static Double pBelowTarget(long successes, long trials, double target) {
    if (trials <= 0) {
      return null;
    }
    if (successes >= trials) {
      return 1.0;
    }
    // The lower tail as the regularised incomplete beta I(1 - target; n - k, k + 1), computed
    // directly:
    // 1 - P(X > k) would lose every significant digit once the tail is far below 1e-16.
    return Beta.regularizedBeta(1 - target, trials - successes, successes + 1.0);
  }

  public boolean contains(double value) {
    return low <= value && value <= high;
  }
}
