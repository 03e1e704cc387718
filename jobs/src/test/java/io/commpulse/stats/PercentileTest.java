package io.commpulse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentileTest {
  private static final double[] FOUR = {1.0, 2.0, 3.0, 10.0};

  @Test
  void orderStatisticsNeedNoInterpolation() {
    // positions (4 - 1) x fraction: 0 -> 1.0, 1/3 -> index 1, 1 -> index 3
    assertEquals(1.0, Percentile.linear(FOUR, 4, 0.0), 0.0);
    assertEquals(10.0, Percentile.linear(FOUR, 4, 1.0), 0.0);
    assertEquals(3.0, Percentile.linear(new double[] {1, 3, 5}, 3, 0.5), 0.0);
  }

  @Test
  void interpolatesLinearlyBetweenTheTwoNearestValues() {
    // median: position 1.5 -> 2 + 0.5 x (3 - 2) = 2.5
    assertEquals(2.5, Percentile.linear(FOUR, 4, 0.5), 1e-12);
    // 90th: position 2.7 -> 3 + 0.7 x (10 - 3) = 7.9
    assertEquals(7.9, Percentile.linear(FOUR, 4, 0.9), 1e-12);
    // 25th: position 0.75 -> 1 + 0.75 x (2 - 1) = 1.75
    assertEquals(1.75, Percentile.linear(FOUR, 4, 0.25), 1e-12);
  }

  @Test
  void equalNeighboursGiveTheirValueExactly() {
    // 0.1 is not a sum of powers of two: interpolating between two copies could round away from it
    double[] ties = {0.1, 0.1, 0.1, 0.7};
    assertEquals(0.1, Percentile.linear(ties, 4, 0.37), 0.0);
  }

  @Test
  void onlyTheFirstCountValuesCount() {
    double[] buffer = {4.0, 8.0, 1000.0, 1000.0};
    assertEquals(6.0, Percentile.linear(buffer, 2, 0.5), 0.0);
    assertEquals(4.0, Percentile.linear(buffer, 1, 0.9), 0.0);
  }

  @Test
  void noValuesGiveNaNAndFractionsOutsideTheUnitIntervalAreRefused() {
    assertTrue(Double.isNaN(Percentile.linear(new double[0], 0, 0.5)));
    assertThrows(IllegalArgumentException.class, () -> Percentile.linear(FOUR, 4, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Percentile.linear(FOUR, 4, -0.1));
    assertThrows(IllegalArgumentException.class, () -> Percentile.linear(FOUR, 4, Double.NaN));
  }
}
