package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * References: statsmodels 0.15.0. p-value: {@code proportions_ztest([x_v, x_c], [n_v, n_c])}
 * (pooled standard error). Interval: {@code confint_proportions_2indep(x_v, n_v, x_c, n_c,
 * method='wald', compare='diff')} (unpooled).
 */
class TwoProportionZTestTest {

  @Test
  void equalSizes() {
    TestOutcome t =
        TwoProportionZTest.run(new BinarySample(1000, 120), new BinarySample(1000, 150));
    // proportions_ztest([150, 120], [1000, 1000]) -> z=1.963049807622355, p=0.04964038686536878
    rel(1.963049807622355, t.statistic(), "z");
    rel(0.04964038686536878, t.pValue(), "p");
    // confint_proportions_2indep(150, 1000, 120, 1000, method='wald', compare='diff')
    //   -> (7.60288212977786e-05, 0.05992397117870222)
    rel(7.60288212977786e-05, t.ciLower(), "ci lower");
    rel(0.05992397117870222, t.ciUpper(), "ci upper");
    rel(0.03, t.difference(), "difference");
    assertEquals(1, t.direction());
  }

  @Test
  void unequalSizes() {
    TestOutcome t = run(30, 250, 55, 310);
    // proportions_ztest([55, 30], [310, 250]) -> z=1.8825516723217328, p=0.059761150990802876
    rel(1.8825516723217328, t.statistic(), "z");
    rel(0.059761150990802876, t.pValue(), "p");
    // confint_proportions_2indep(55, 310, 30, 250, method='wald') -> (-0.0011563507858733946,
    // 0.11599506046329278)
    rel(-0.0011563507858733946, t.ciLower(), "ci lower");
    rel(0.11599506046329278, t.ciUpper(), "ci upper");
  }

  @Test
  void tinySamples() {
    TestOutcome t = run(1, 2, 2, 3);
    // proportions_ztest([2, 1], [3, 2]) -> z=0.3726779962499649, p=0.7093881150142265
    rel(0.3726779962499649, t.statistic(), "z");
    rel(0.7093881150142265, t.pValue(), "p");
    // confint_proportions_2indep(2, 3, 1, 2, method='wald') -> (-0.707824532730656,
    // 1.0411578660639893)
    rel(-0.707824532730656, t.ciLower(), "ci lower");
    rel(1.0411578660639893, t.ciUpper(), "ci upper");
  }

  @Test
  void noVarianceWithinGroupsButDifferentRates() {
    TestOutcome t = run(0, 100, 100, 100);
    // proportions_ztest([100, 0], [100, 100]) -> z=14.142135623730951, p=2.0884875837624556e-45
    rel(14.142135623730951, t.statistic(), "z");
    rel(2.0884875837624556e-45, t.pValue(), "p");
    // confint_proportions_2indep(100, 100, 0, 100, method='wald') -> (1.0, 1.0): unpooled se is 0
    rel(1.0, t.ciLower(), "ci lower");
    rel(1.0, t.ciUpper(), "ci upper");
  }

  @Test
  void bothRatesZeroGivePValueOne() {
    // statsmodels returns (nan, nan) here (0/0); by convention identical groups give z=0, p=1.
    TestOutcome t = run(0, 50, 0, 60);
    assertEquals(0.0, t.statistic());
    assertEquals(1.0, t.pValue());
    assertEquals(0.0, t.ciLower());
    assertEquals(0.0, t.ciUpper());
  }

  @Test
  void abDataConversion() {
    // ab_data.csv without group/landing_page mismatches (3893 rows) and the second row of user
    // 773192:
    // control 17489/145274, treatment 17264/145310.
    TestOutcome t = run(17489, 145274, 17264, 145310);
    // proportions_ztest([17264, 17489], [145310, 145274]) -> z=-1.3109241984234394,
    // p=0.18988337448195103
    rel(-1.3109241984234394, t.statistic(), "z");
    rel(0.18988337448195103, t.pValue(), "p");
    // confint_proportions_2indep(17264, 145310, 17489, 145274, method='wald')
    //   -> (-0.003937860245052737, 0.0007813822743416238)
    rel(-0.003937860245052737, t.ciLower(), "ci lower");
    rel(0.0007813822743416238, t.ciUpper(), "ci upper");
  }

  static TestOutcome run(long xc, long nc, long xv, long nv) {
    return TwoProportionZTest.run(new BinarySample(nc, xc), new BinarySample(nv, xv));
  }
}
