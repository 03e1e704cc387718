package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * References: scipy 1.17.1 on the counts expanded to one value per unit ({@code np.repeat(levels,
 * counts)}): {@code stats.mannwhitneyu(variant, control, alternative='two-sided',
 * method='asymptotic', use_continuity=True)} for U (of the variant) and p; {@code
 * stats.ttest_ind(variant, control, equal_var=False).confidence_interval()} for the interval on the
 * difference of mean levels.
 */
class MannWhitneyUTestTest {

  @Test
  void likertWithHeavyTies() {
    TestOutcome t =
        run(Map.of(1, 3L, 2, 5L, 3, 10L, 4, 7L, 5, 2L), Map.of(1, 1L, 2, 3L, 3, 8L, 4, 12L, 5, 6L));
    // control {1:3, 2:5, 3:10, 4:7, 5:2}, variant {1:1, 2:3, 3:8, 4:12, 5:6}
    //   -> U=536.0, p=0.030193778709945725; Welch ci=(0.06193979005536354, 1.204726876611303)
    rel(536.0, t.statistic(), "U");
    rel(0.030193778709945725, t.pValue(), "p");
    rel(3.0, t.controlValue(), "control mean level");
    rel(3.6333333333333333, t.variantValue(), "variant mean level");
    rel(0.06193979005536354, t.ciLower(), "ci lower");
    rel(1.204726876611303, t.ciUpper(), "ci upper");
    assertEquals(1, t.direction());
  }

  @Test
  void levelsMissingFromOneGroupAndUnevenlySpaced() {
    TestOutcome t = run(Map.of(-2, 4L, 0, 1L, 7, 3L), Map.of(0, 2L, 7, 5L, 9, 1L));
    // control {-2:4, 0:1, 7:3}, variant {0:2, 7:5, 9:1}
    //   -> U=49.5, p=0.05362845175495698; Welch ci=(-0.45917141304446485, 8.209171413044466)
    rel(49.5, t.statistic(), "U");
    rel(0.05362845175495698, t.pValue(), "p");
    rel(-0.45917141304446485, t.ciLower(), "ci lower");
    rel(8.209171413044466, t.ciUpper(), "ci upper");
  }

  @Test
  void tinySamplesTwoAndThree() {
    TestOutcome t = run(Map.of(2, 1L, 3, 1L), Map.of(3, 2L, 4, 1L));
    // control [2, 3], variant [3, 3, 4] -> U=5.0, p=0.3329216080655659;
    //   Welch ci=(-1.8887772533579454, 3.5554439200246124)
    rel(5.0, t.statistic(), "U");
    rel(0.3329216080655659, t.pValue(), "p");
    rel(-1.8887772533579454, t.ciLower(), "ci lower");
    rel(3.5554439200246124, t.ciUpper(), "ci upper");
  }

  @Test
  void variantLowerWithSmallPValue() {
    TestOutcome t =
        run(Map.of(3, 40L, 4, 60L, 5, 50L), Map.of(1, 30L, 2, 20L, 3, 50L, 4, 40L, 5, 20L));
    // control {3:40, 4:60, 5:50}, variant {1:30, 2:20, 3:50, 4:40, 5:20}
    //   -> U=6300.0, p=6.546783840412035e-14; Welch ci=(-1.301438451911653, -0.8318948814216799)
    rel(6300.0, t.statistic(), "U");
    rel(6.546783840412035e-14, t.pValue(), "p");
    rel(-1.301438451911653, t.ciLower(), "ci lower");
    rel(-0.8318948814216799, t.ciUpper(), "ci upper");
    assertEquals(-1, t.direction());
  }

  @Test
  void millionUnitsFromCounts() {
    TestOutcome t =
        run(
            Map.of(1, 52000L, 2, 71000L, 3, 150000L, 4, 180000L, 5, 47000L),
            Map.of(1, 50500L, 2, 70100L, 3, 149000L, 4, 182400L, 5, 50300L));
    // control {1:52000, 2:71000, 3:150000, 4:180000, 5:47000},
    // variant {1:50500, 2:70100, 3:149000, 4:182400, 5:50300}
    //   -> U=127127900000.0, p=5.736658821802394e-29; Welch ci=(0.020388395483126806,
    // 0.029162072364773153)
    rel(127127900000.0, t.statistic(), "U");
    rel(5.736658821802394e-29, t.pValue(), "p");
    rel(0.020388395483126806, t.ciLower(), "ci lower");
    rel(0.029162072364773153, t.ciUpper(), "ci upper");
  }

  @Test
  void everyoneGaveTheSameAnswer() {
    // mannwhitneyu([3, 3], [3, 3, 3], method='asymptotic') -> statistic=3.0, pvalue=1.0
    TestOutcome t = run(Map.of(3, 3L), Map.of(3, 2L));
    rel(3.0, t.statistic(), "U");
    assertEquals(1.0, t.pValue());
    assertEquals(0, t.direction());
  }

  @Test
  void topTwoBoxIsABinarySample() {
    OrdinalSample s = OrdinalSample.of(1, 2, 2, 3, 4, 4, 5, 5, 5, 3);
    assertEquals(new BinarySample(10, 5), s.atLeast(4));
    assertEquals(new BinarySample(10, 10), s.atLeast(0));
    assertEquals(new BinarySample(10, 0), s.atLeast(6));
  }

  private static TestOutcome run(Map<Integer, Long> control, Map<Integer, Long> variant) {
    return MannWhitneyUTest.run(
        new OrdinalSample(new TreeMap<>(control)), new OrdinalSample(new TreeMap<>(variant)));
  }
}
