package io.commpulse.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floating-point assertions against reference values (see
 * jobs/src/test/reference/gold_reference.py).
 */
public final class Approx {
  /** For closed-form results (means, shares, Wilson bounds, interpolated percentiles). */
  public static final double EXACT = 1e-9;

  /**
   * For results that go through an inverse distribution function (t quantiles): the project's 1e-6
   * rule.
   */
  public static final double QUANTILE = 1e-6;

  private Approx() {}

  /** |actual - expected| <= tolerance * |expected|, or <= 1e-12 when the expected value is 0. */
  public static void close(double expected, Double actual, double tolerance, String what) {
    assertNotNull(actual, what + ": expected " + expected + " but was null");
    double allowed = expected == 0 ? 1e-12 : tolerance * Math.abs(expected);
    assertTrue(
        Math.abs(actual - expected) <= allowed,
        () -> what + ": expected " + expected + " but was " + actual);
  }

  public static void close(double expected, Double actual, String what) {
    close(expected, actual, EXACT, what);
  }
}
