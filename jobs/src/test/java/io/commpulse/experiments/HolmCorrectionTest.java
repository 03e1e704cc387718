package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference: statsmodels 0.15.0, {@code multipletests(p, method='holm')[1]}. */
class HolmCorrectionTest {

  @Test
  void tiesAndUnsortedInput() {
    // multipletests([0.01, 0.04, 0.03, 0.005, 0.04, 0.2], method='holm')[1]
    //   -> [0.05, 0.12, 0.12, 0.03, 0.12, 0.2]
    assertAll(
        new double[] {0.05, 0.12, 0.12, 0.03, 0.12, 0.2},
        HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.04, 0.2}));
  }

  @Test
  void allTied() {
    // multipletests([0.02, 0.02, 0.02], method='holm')[1] -> [0.06, 0.06, 0.06]
    assertAll(
        new double[] {0.06, 0.06, 0.06}, HolmCorrection.adjust(new double[] {0.02, 0.02, 0.02}));
  }

  @Test
  void cappedAtOne() {
    // multipletests([0.5, 0.001, 0.3, 0.6], method='holm')[1] -> [1.0, 0.004, 0.8999999999999999,
    // 1.0]
    assertAll(
        new double[] {1.0, 0.004, 0.8999999999999999, 1.0},
        HolmCorrection.adjust(new double[] {0.5, 0.001, 0.3, 0.6}));
  }

  @Test
  void untestedComparisonsStayOutOfTheFamily() {
    // multipletests([0.0489, 0.0031, 0.0131], method='holm')[1] -> [0.0489, 0.0093, 0.0262]
    double[] adjusted = HolmCorrection.adjust(new double[] {0.0489, Double.NaN, 0.0031, 0.0131});
    rel(0.0489, adjusted[0]);
    assertTrue(Double.isNaN(adjusted[1]));
    rel(0.0093, adjusted[2]);
    rel(0.0262, adjusted[3]);
  }

  @Test
  void emptyFamily() {
    assertEquals(0, HolmCorrection.adjust(new double[0]).length);
  }

  private static void assertAll(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      rel(expected[i], actual[i], "adjusted p[" + i + "]");
    }
  }
}
