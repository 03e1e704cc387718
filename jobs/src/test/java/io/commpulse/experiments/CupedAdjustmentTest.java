package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference: numpy 2.4.6 and scipy 1.17.1 on the raw values below, adjusting every unit explicitly:
 *
 * <pre>
 *   y = concat(yc, yv); x = concat(xc, xv)
 *   theta = np.cov(y, x, ddof=1)[0, 1] / np.var(x, ddof=1)
 *   adj = lambda yy, xx: yy - theta * (xx - x.mean())
 *   ac, av = adj(yc, xc), adj(yv, xv)
 *   means ac.mean(), av.mean(); variances np.var(ac, ddof=1), np.var(av, ddof=1)
 *   reduction per group 1 - np.var(ac, ddof=1) / np.var(yc, ddof=1); pooled 1 - np.var(adj(y, x), ddof=1) / np.var(y, ddof=1)
 *   stats.ttest_ind(av, ac, equal_var=False)
 * </pre>
 */
class CupedAdjustmentTest {

  private static final double[] YC = {19.8, 22.9, 20.8, 18.3, 17.7, 17.7, 22.6, 22.6, 18.5};
  private static final double[] XC = {20.0, 21.2, 18.9, 16.4, 18.2, 16.0, 20.2, 25.4, 18.0};
  private static final double[] YV = {
    17.4, 16.1, 16.4, 20.6, 17.6, 26.3, 22.2, 22.7, 17.0, 20.4, 22.9
  };
  private static final double[] XV = {
    13.4, 15.8, 13.6, 20.1, 15.9, 22.1, 21.6, 20.3, 10.9, 18.8, 20.8
  };

  @Test
  void matchesExplicitPerUnitAdjustment() {
    Map<String, CupedSample> samples = new LinkedHashMap<>();
    samples.put("control", CupedSample.of(YC, XC));
    samples.put("variant", CupedSample.of(YV, XV));
    CupedAdjustment fit = CupedAdjustment.fit(samples);
    // theta -> 0.6782138000459177
    rel(0.6782138000459177, fit.theta(), "theta");
    ContinuousSample c = fit.adjusted().get("control");
    ContinuousSample v = fit.adjusted().get("variant");
    // adjusted means -> 19.430829050621366, 20.511139867673432
    rel(19.430829050621366, c.mean(), "control adjusted mean");
    rel(20.511139867673432, v.mean(), "variant adjusted mean");
    // adjusted variances -> 1.670737080341935, 2.543417779808453
    rel(1.670737080341935, c.variance(), "control adjusted variance");
    rel(2.543417779808453, v.variance(), "variant adjusted variance");
    // reductions -> control 0.650473414154407, variant 0.7696710608728803, pooled
    // 0.7003372725748513 (= corr²)
    rel(0.650473414154407, fit.varianceReduction().get("control"), "control reduction");
    rel(0.7696710608728803, fit.varianceReduction().get("variant"), "variant reduction");
    rel(0.7003372725748513, fit.pooledVarianceReduction(), "pooled reduction");

    // ttest_ind(av, ac, equal_var=False) -> statistic=1.6732276947594986,
    // pvalue=0.11157213783934505,
    //   df=17.9999433216884, ci=(-0.2761389508035599, 2.4367605849076917)
    TestOutcome t = WelchTTest.run(c, v);
    rel(1.6732276947594986, t.statistic(), "t");
    rel(0.11157213783934505, t.pValue(), "p");
    rel(17.9999433216884, t.degreesOfFreedom(), "df");
    rel(-0.2761389508035599, t.ciLower(), "ci lower");
    rel(2.4367605849076917, t.ciUpper(), "ci upper");
  }

  @Test
  void unadjustedMetricIsTheRawSample() {
    // ttest_ind(yv, yc, equal_var=False) -> statistic=-0.11006452705489535,
    // pvalue=0.9136234574829427
    TestOutcome t =
        WelchTTest.run(CupedSample.of(YC, XC).unadjusted(), CupedSample.of(YV, XV).unadjusted());
    rel(-0.11006452705489535, t.statistic(), "t");
    rel(0.9136234574829427, t.pValue(), "p");
  }

  @Test
  void partialSumsCombine() {
    CupedSample whole = CupedSample.of(YC, XC);
    CupedSample parts =
        CupedSample.of(java.util.Arrays.copyOf(YC, 4), java.util.Arrays.copyOf(XC, 4))
            .plus(
                CupedSample.of(
                    java.util.Arrays.copyOfRange(YC, 4, 9),
                    java.util.Arrays.copyOfRange(XC, 4, 9)));
    assertEquals(whole.n(), parts.n());
    rel(whole.sumXY(), parts.sumXY(), "sum xy");
    rel(whole.sumYY(), parts.sumYY(), "sum yy");
  }

  @Test
  void constantCovariateChangesNothing() {
    Map<String, CupedSample> samples =
        Map.of(
            "control", CupedSample.of(new double[] {1, 2, 3}, new double[] {5, 5, 5}),
            "variant", CupedSample.of(new double[] {2, 4, 9}, new double[] {5, 5, 5}));
    CupedAdjustment fit = CupedAdjustment.fit(samples);
    assertEquals(0.0, fit.theta());
    assertEquals(0.0, fit.pooledVarianceReduction());
    rel(5.0, fit.adjusted().get("variant").mean(), "variant mean");
    rel(13.0, fit.adjusted().get("variant").variance(), "variant variance");
  }

  @Test
  void singleUnitGroupDoesNotCrash() {
    Map<String, CupedSample> samples = new LinkedHashMap<>();
    samples.put("control", CupedSample.of(YC, XC));
    samples.put("variant", CupedSample.of(new double[] {20.0}, new double[] {18.0}));
    CupedAdjustment fit = CupedAdjustment.fit(samples);
    assertEquals(1, fit.adjusted().get("variant").n());
    assertTrue(Double.isNaN(fit.adjusted().get("variant").variance()));
    assertTrue(Double.isNaN(fit.varianceReduction().get("variant")));
  }
}
