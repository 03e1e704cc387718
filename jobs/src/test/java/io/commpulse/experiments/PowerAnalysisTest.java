package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference: statsmodels 0.15.0 {@code ip = NormalIndPower()} with nobs1 = n_c, ratio = n_v / n_c
 * and the standardised effect d = δ / σ, σ = se / √(1/n_c + 1/n_v), se = √(var_c/n_c + var_v/n_v)
 * computed in numpy.
 *
 * <ul>
 *   <li>achieved power: {@code ip.power(min_effect * |m_c| / σ, n_c, 0.05, ratio=n_v/n_c)};
 *   <li>MDE: σ · d80 with d80 from {@code scipy.optimize.brentq(lambda d: ip.power(d, n_c, 0.05,
 *       ratio=n_v/n_c) - 0.8, 1e-9, 10, xtol=1e-16, rtol=4*eps)}. (ip.solve_power itself stops at
 *       about 1e-6 relative accuracy, too coarse for these assertions.)
 * </ul>
 */
class PowerAnalysisTest {

  @Test
  void multiplierSolvesTheTwoSidedPowerEquation() {
    // brentq(lambda k: norm.sf(norm.isf(0.025) - k) + norm.cdf(-norm.isf(0.025) - k) - 0.8, 0, 10)
    //   -> 2.8015817870135793
    rel(2.8015817870135793, PowerAnalysis.MDE_MULTIPLIER, "k");
  }

  @Test
  void binaryEqualSizes() {
    // control 120/1000, variant 150/1000: se = sqrt(.12*.88/1000 + .15*.85/1000) =
    // 0.015267612779999369
    double se = Math.sqrt(0.12 * 0.88 / 1000 + 0.15 * 0.85 / 1000);
    rel(0.015267612779999369, se, "se");
    PowerAnalysis p = PowerAnalysis.at(se, 0.12, 0.05);
    // -> mde_abs=0.04277346589562199, mde_rel=0.3564455491301833, power(5%)=0.06787274054220004
    rel(0.04277346589562199, p.mdeAbsolute(), "mde abs");
    rel(0.3564455491301833, p.mdeRelative(), "mde rel");
    rel(0.06787274054220004, p.achievedPower(), "power 5%");
    // power(30%)=0.6546811701805891, power(50%)=0.9755764311448626
    rel(0.6546811701805891, PowerAnalysis.at(se, 0.12, 0.30).achievedPower(), "power 30%");
    rel(0.9755764311448626, PowerAnalysis.at(se, 0.12, 0.50).achievedPower(), "power 50%");
  }

  @Test
  void continuousUnequalSizes() {
    // n_c=250, var_c=4; n_v=310, var_v=6.25; control mean 10: se=0.19016122192124407
    double se = Math.sqrt(4.0 / 250 + 6.25 / 310);
    PowerAnalysis p = PowerAnalysis.at(se, 10.0, 0.05);
    // -> mde_abs=0.5327522159308048, mde_rel=0.05327522159308048, power(5%)=0.7483769029446927
    rel(0.5327522159308048, p.mdeAbsolute(), "mde abs");
    rel(0.05327522159308048, p.mdeRelative(), "mde rel");
    rel(0.7483769029446927, p.achievedPower(), "power 5%");
    // power(1%)=0.08223508084154604
    rel(0.08223508084154604, PowerAnalysis.at(se, 10.0, 0.01).achievedPower(), "power 1%");
    // control mean -3.5 (relative effects scale with |m_c|): mde_rel=0.1522149188373728,
    // power(5%)=0.1512283438432411
    PowerAnalysis negative = PowerAnalysis.at(se, -3.5, 0.05);
    rel(0.1522149188373728, negative.mdeRelative(), "mde rel, negative control");
    rel(0.1512283438432411, negative.achievedPower(), "power, negative control");
  }

  @Test
  void degenerateCases() {
    PowerAnalysis noSpread = PowerAnalysis.at(0, 5.0, 0.05);
    assertEquals(0.0, noSpread.mdeAbsolute());
    assertEquals(1.0, noSpread.achievedPower());
    PowerAnalysis zeroControl = PowerAnalysis.at(0.01, 0.0, 0.05);
    assertTrue(Double.isNaN(zeroControl.mdeRelative()));
    assertTrue(Double.isNaN(zeroControl.achievedPower()));
  }
}
