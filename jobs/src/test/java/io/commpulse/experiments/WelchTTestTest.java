package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * References: scipy 1.17.1, {@code r = stats.ttest_ind(variant, control, equal_var=False)} giving
 * {@code r.statistic, r.pvalue, r.df} and {@code r.confidence_interval(0.95)}; means and variances
 * from numpy {@code mean} and {@code var(ddof=1)}.
 */
class WelchTTestTest {

  @Test
  void unequalVariancesAndSizes() {
    double[] control = {12.1, 9.8, 11.4, 10.2, 13.5, 8.9, 10.7, 11.9, 9.5, 12.3};
    double[] variant = {14.2, 7.1, 18.5, 11.0, 20.3, 6.4, 15.8};
    ContinuousSample c = ContinuousSample.of(control);
    ContinuousSample v = ContinuousSample.of(variant);
    // np.mean / np.var(ddof=1): control 11.03, 2.1045555555555553; variant 13.328571428571427,
    // 29.072380952380954
    rel(11.03, c.mean(), "control mean");
    rel(2.1045555555555553, c.variance(), "control variance");
    rel(13.328571428571427, v.mean(), "variant mean");
    rel(29.072380952380954, v.variance(), "variant variance");
    TestOutcome t = WelchTTest.run(c, v);
    // ttest_ind(variant, control, equal_var=False)
    //   -> statistic=1.1003552207348462, pvalue=0.3096157260492857, df=6.612165306849502,
    //      ci=(-2.7003212693468974, 7.2974641264897535)
    rel(1.1003552207348462, t.statistic(), "t");
    rel(0.3096157260492857, t.pValue(), "p");
    rel(6.612165306849502, t.degreesOfFreedom(), "df");
    rel(-2.7003212693468974, t.ciLower(), "ci lower");
    rel(7.2974641264897535, t.ciUpper(), "ci upper");
  }

  @Test
  void tinySamplesTwoAndThree() {
    TestOutcome t =
        WelchTTest.run(
            ContinuousSample.of(new double[] {3, 5}), ContinuousSample.of(new double[] {4, 9, 11}));
    // ttest_ind([4, 9, 11], [3, 5], equal_var=False)
    //   -> statistic=1.7320508075688774, pvalue=0.1903769461831945, df=2.737967914438503,
    //      ci=(-3.7639348548079763, 11.763934854807976)
    rel(1.7320508075688774, t.statistic(), "t");
    rel(0.1903769461831945, t.pValue(), "p");
    rel(2.737967914438503, t.degreesOfFreedom(), "df");
    rel(-3.7639348548079763, t.ciLower(), "ci lower");
    rel(11.763934854807976, t.ciUpper(), "ci upper");
  }

  @Test
  void oneGroupWithoutVariance() {
    TestOutcome t =
        WelchTTest.run(
            ContinuousSample.of(new double[] {5, 5, 5}),
            ContinuousSample.of(new double[] {4, 6, 7, 5}));
    // ttest_ind([4, 6, 7, 5], [5, 5, 5], equal_var=False)
    //   -> statistic=0.7745966692414834, pvalue=0.4950253460597111, df=3.0,
    //      ci=(-1.5542602567605206, 2.5542602567605206)
    rel(0.7745966692414834, t.statistic(), "t");
    rel(0.4950253460597111, t.pValue(), "p");
    rel(3.0, t.degreesOfFreedom(), "df");
    rel(-1.5542602567605206, t.ciLower(), "ci lower");
    rel(2.5542602567605206, t.ciUpper(), "ci upper");
  }

  @Test
  void tinyPValueKeepsItsPrecision() {
    double[] control = {1.0, 1.1, 0.9, 1.05, 0.95, 1.0, 1.02, 0.98};
    double[] variant = {3.0, 3.3, 2.7, 3.15, 2.85, 3.0, 3.06, 2.94, 3.1};
    TestOutcome t = WelchTTest.run(ContinuousSample.of(control), ContinuousSample.of(variant));
    // ttest_ind(variant, control, equal_var=False)
    //   -> statistic=32.58523267750436, pvalue=1.3576951328814859e-11, df=10.133642786290823,
    //      ci=(1.873839194958503, 2.148383027263719)
    rel(32.58523267750436, t.statistic(), "t");
    rel(1.3576951328814859e-11, t.pValue(), "p");
    rel(10.133642786290823, t.degreesOfFreedom(), "df");
    rel(1.873839194958503, t.ciLower(), "ci lower");
    rel(2.148383027263719, t.ciUpper(), "ci upper");
  }

  @Test
  void tenMillionUnitsFromAggregates() {
    TestOutcome t =
        WelchTTest.run(
            new ContinuousSample(5_200_000, 4.862, 10.24),
            new ContinuousSample(4_800_000, 4.87, 9.61));
    // ttest_ind_from_stats(mean1=4.87, std1=sqrt(9.61), nobs1=4800000, mean2=4.862,
    // std2=sqrt(10.24),
    //   nobs2=5200000, equal_var=False) -> statistic=4.01442055773305,
    // pvalue=5.9592445160137574e-05
    rel(4.01442055773305, t.statistic(), "t");
    rel(5.9592445160137574e-05, t.pValue(), "p");
    // ttest_ind_from_stats gives no interval; numpy for vc=10.24/5200000, vt=9.61/4800000:
    //   df = (vc+vt)**2 / (vc**2/5199999 + vt**2/4799999) = 9976712.690077808,
    //   ci = 0.008 -/+ stats.t.ppf(0.975, df) * sqrt(vc+vt) = (0.004094152679553376,
    // 0.011905847320446625)
    rel(9976712.690077808, t.degreesOfFreedom(), "df");
    rel(0.004094152679553376, t.ciLower(), "ci lower");
    rel(0.011905847320446625, t.ciUpper(), "ci upper");
  }

  @Test
  void cookieCatsGameRounds() {
    // cookie_cats.csv sum_gamerounds: gate_30 (control) n=44700, mean and var(ddof=1) from pandas;
    // gate_40 n=45489. The control holds the 49 854-round outlier.
    TestOutcome t =
        WelchTTest.run(
            new ContinuousSample(44700, 52.45626398210291, 65903.32189749404),
            new ContinuousSample(45489, 51.29877552814966, 10669.736421513297));
    // ttest_ind(gate_40, gate_30, equal_var=False) on the raw columns
    //   -> statistic=-0.885437433127067, pvalue=0.37592438409326173, df=58595.481422574,
    //      ci=(-3.7197051164946457, 1.4047282085881476)
    rel(-0.885437433127067, t.statistic(), "t");
    rel(0.37592438409326173, t.pValue(), "p");
    rel(58595.481422574, t.degreesOfFreedom(), "df");
    rel(-3.7197051164946457, t.ciLower(), "ci lower");
    rel(1.4047282085881476, t.ciUpper(), "ci upper");
  }

  @Test
  void bothGroupsWithoutVarianceAndEqualMeans() {
    // scipy returns statistic=nan, pvalue=nan here; by convention identical constant groups give
    // t=0, p=1.
    TestOutcome t =
        WelchTTest.run(
            ContinuousSample.of(new double[] {2, 2}), ContinuousSample.of(new double[] {2, 2, 2}));
    assertEquals(0.0, t.statistic());
    assertEquals(1.0, t.pValue());
    assertEquals(0.0, t.ciLower());
    assertEquals(0.0, t.ciUpper());
    assertTrue(Double.isNaN(t.degreesOfFreedom()));
  }

  @Test
  void bothGroupsWithoutVarianceAndDifferentMeans() {
    // scipy: ttest_ind([2, 2, 2], [3, 3], equal_var=False) -> statistic=-inf, pvalue=0.0
    TestOutcome t =
        WelchTTest.run(
            ContinuousSample.of(new double[] {3, 3}), ContinuousSample.of(new double[] {2, 2, 2}));
    assertEquals(Double.NEGATIVE_INFINITY, t.statistic());
    assertEquals(0.0, t.pValue());
    assertEquals(-1.0, t.ciLower());
    assertEquals(-1.0, t.ciUpper());
    assertEquals(-1, t.direction());
  }
}
