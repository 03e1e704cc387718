package io.commpulse.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on floating-point results against reference values. */
final class Close {

  /** Relative tolerance for every comparison with a reference implementation. */
  static final double REL = 1e-6;

  private Close() {}

  /** |actual − expected| ≤ 1e-6·|expected|; an expected 0 must be matched to 1e-12 absolute. */
  static void rel(double expected, double actual, String what) {
    double tolerance = expected == 0 ? 1e-12 : REL * Math.abs(expected);
    assertTrue(
        Math.abs(actual - expected) <= tolerance,
        () ->
            what
                + ": expected "
                + expected
                + " but was "
                + actual
                + " (relative error "
                + Math.abs(actual - expected) / Math.abs(expected)
                + ")");
  }

  static void rel(double expected, double actual) {
    rel(expected, actual, "value");
  }
}
