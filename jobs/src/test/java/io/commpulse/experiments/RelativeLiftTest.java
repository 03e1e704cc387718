package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference: statsmodels 0.15.0 {@code statsmodels.stats._delta_method.NonlinearDeltaCov}, a
 * generic delta method that differentiates the function numerically:
 *
 * <pre>
 *   nl = NonlinearDeltaCov(lambda p: np.atleast_1d(p[0] / p[1] - 1), np.array([m_v, m_c]), np.diag([var_v, var_c]))
 *   nl.conf_int(alpha=0.05)
 * </pre>
 *
 * where var is the squared standard error of each group's value.
 */
class RelativeLiftTest {

  @Test
  void proportions() {
    // m_c=0.12, var_c=0.12*0.88/1000; m_v=0.15, var_v=0.15*0.85/1000
    //   -> lift=0.25, ci=(-0.029337846156494596, 0.5293378461564946)
    RelativeLift l = RelativeLift.deltaMethod(0.12, 0.12 * 0.88 / 1000, 0.15, 0.15 * 0.85 / 1000);
    rel(0.25, l.estimate(), "lift");
    rel(-0.029337846156494596, l.ciLower(), "ci lower");
    rel(0.5293378461564946, l.ciUpper(), "ci upper");
  }

  @Test
  void meansWithUnequalVariances() {
    // m_c=11.03, var_c=2.1045555555555553/10; m_v=13.328571428571427, var_v=29.072380952380954/7
    //   -> lift=0.20839269524672965, ci=(-0.16689532457167894, 0.5836807150651382)
    RelativeLift l =
        RelativeLift.deltaMethod(
            11.03, 2.1045555555555553 / 10, 13.328571428571427, 29.072380952380954 / 7);
    rel(0.20839269524672965, l.estimate(), "lift");
    rel(-0.16689532457167894, l.ciLower(), "ci lower");
    rel(0.5836807150651382, l.ciUpper(), "ci upper");
  }

  @Test
  void zeroControlLeavesLiftUndefined() {
    RelativeLift l = RelativeLift.deltaMethod(0, 0, 0.1, 0.001);
    assertTrue(
        Double.isNaN(l.estimate()) && Double.isNaN(l.ciLower()) && Double.isNaN(l.ciUpper()));
  }
}
