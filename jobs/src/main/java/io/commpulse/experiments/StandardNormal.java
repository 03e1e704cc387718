package io.commpulse.experiments;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The standard normal distribution and the quantities every test here takes from it. */
final class StandardNormal {

  // No random generator: only densities and quantiles are used, and seeding one costs more than the
  // maths.
  private static final NormalDistribution N = new NormalDistribution(null, 0, 1, 1e-14);

  /**
   * z such that Φ(z) = 0.975: the half-width multiplier of a 95% interval and the two-sided 5%
   * critical value.
   */
  static final double Z_975 = N.inverseCumulativeProbability(0.975);

  private StandardNormal() {}

  static double cdf(double z) {
    return N.cumulativeProbability(z);
  }

  /** 2·Φ(−|z|), evaluated in the lower tail so that tiny p-values keep their precision. */
  static double twoSidedP(double z) {
    return Math.min(1, 2 * N.cumulativeProbability(-Math.abs(z)));
  }
}
