package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference: scipy 1.17.1, {@code stats.chisquare(observed, f_exp=observed.sum() * w / w.sum())}.
 */
class SrmCheckTest {

  @Test
  void balancedSplitWithinNoise() {
    // chisquare([5050, 4950], f_exp=[5000, 5000]) -> statistic=1.0, pvalue=0.31731050786291115
    SrmCheck s = SrmCheck.of(units("A", 5050, "B", 4950), Map.of("A", 0.5, "B", 0.5));
    rel(1.0, s.chiSquare(), "chi2");
    rel(0.31731050786291115, s.pValue(), "p");
    assertEquals(1, s.degreesOfFreedom());
    assertFalse(s.mismatch());
  }

  @Test
  void mismatchDetected() {
    // chisquare([50000, 48700], f_exp=[49350, 49350]) -> statistic=17.1225937183384,
    // pvalue=3.504294393889837e-05
    SrmCheck s = SrmCheck.of(units("A", 50000, "B", 48700), Map.of("A", 1.0, "B", 1.0));
    rel(17.1225937183384, s.chiSquare(), "chi2");
    rel(3.504294393889837e-05, s.pValue(), "p");
    assertTrue(s.mismatch());
  }

  @Test
  void strongMismatchKeepsTinyPValue() {
    // chisquare([1000, 1300], f_exp=[1150, 1150]) -> statistic=39.130434782608695,
    // pvalue=3.9641597078900225e-10
    SrmCheck s = SrmCheck.of(units("A", 1000, "B", 1300), Map.of("A", 0.5, "B", 0.5));
    rel(39.130434782608695, s.chiSquare(), "chi2");
    rel(3.9641597078900225e-10, s.pValue(), "p");
    assertTrue(s.mismatch());
  }

  @Test
  void threeVariantsWithUnequalWeights() {
    // chisquare([10120, 4990, 5090], f_exp=20200*[0.5, 0.25, 0.25])
    //   -> statistic=1.0693069306930694, pvalue=0.5858722800187809
    SrmCheck s =
        SrmCheck.of(units("A", 10120, "B", 4990, "C", 5090), Map.of("A", 2.0, "B", 1.0, "C", 1.0));
    rel(1.0693069306930694, s.chiSquare(), "chi2");
    rel(0.5858722800187809, s.pValue(), "p");
    assertEquals(2, s.degreesOfFreedom());
    rel(10100, s.expected().get("A"), "expected A");
    assertFalse(s.mismatch());
  }

  @Test
  void sixtyFortySplit() {
    // chisquare([6100, 3900], f_exp=[6000, 4000]) -> statistic=4.166666666666667,
    // pvalue=0.041226833337163815
    SrmCheck s = SrmCheck.of(units("A", 6100, "B", 3900), Map.of("A", 0.6, "B", 0.4));
    rel(4.166666666666667, s.chiSquare(), "chi2");
    rel(0.041226833337163815, s.pValue(), "p");
    assertFalse(s.mismatch());
  }

  @Test
  void realExperiments() {
    // ab_data.csv after cleaning: chisquare([145274, 145310]) -> statistic=0.004459984032155934,
    //   pvalue=0.9467543681597944
    SrmCheck ab =
        SrmCheck.of(
            units("control", 145274, "treatment", 145310),
            Map.of("control", 0.5, "treatment", 0.5));
    rel(0.004459984032155934, ab.chiSquare(), "ab chi2");
    rel(0.9467543681597944, ab.pValue(), "ab p");
    // cookie_cats.csv: chisquare([44700, 45489]) -> statistic=6.9024049496058275,
    // pvalue=0.008607987810836262
    SrmCheck cats =
        SrmCheck.of(
            units("gate_30", 44700, "gate_40", 45489), Map.of("gate_30", 0.5, "gate_40", 0.5));
    rel(6.9024049496058275, cats.chiSquare(), "cats chi2");
    rel(0.008607987810836262, cats.pValue(), "cats p");
    assertFalse(cats.mismatch(), "p = 0.0086 is above the 0.001 threshold");
  }

  @Test
  void badInputIsRejectedWithAReason() {
    assertThrows(
        IllegalArgumentException.class, () -> SrmCheck.of(units("A", 10), Map.of("A", 1.0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SrmCheck.of(units("A", 0, "B", 0), Map.of("A", 1.0, "B", 1.0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SrmCheck.of(units("A", 5, "B", 5), Map.of("A", 1.0, "C", 1.0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SrmCheck.of(units("A", 5, "B", 5), Map.of("A", 1.0, "B", 0.0)));
  }

  private static Map<String, Long> units(Object... nameThenCount) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenCount.length; i += 2) {
      m.put((String) nameThenCount[i], ((Number) nameThenCount[i + 1]).longValue());
    }
    return m;
  }
}
