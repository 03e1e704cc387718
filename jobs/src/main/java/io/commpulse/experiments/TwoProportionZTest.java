package io.commpulse.experiments;

/**
 * Two-proportion z-test for a binary metric.
 *
 * <p>The test and the interval deliberately use different standard errors, as in statsmodels:
 *
 * <ul>
 *   <li>p-value: the POOLED standard error √(p̂(1 − p̂)(1/n_c + 1/n_v)) with p̂ the overall rate,
 *       which is the standard error under the null hypothesis of equal rates; z = (p_v − p_c) /
 *       se_pooled. Equals {@code statsmodels.stats.proportion.proportions_ztest([x_v, x_c], [n_v,
 *       n_c])}.
 *   <li>95% interval on p_v − p_c: the UNPOOLED (Wald) standard error √(p_c(1 − p_c)/n_c + p_v(1 −
 *       p_v)/n_v), since under the alternative the rates differ. Equals {@code
 *       confint_proportions_2indep(x_v, n_v, x_c, n_c, method='wald', compare='diff')}.
 * </ul>
 *
 * When both rates are 0 or both are 1 the pooled standard error is 0; the groups are then identical
 * and the p-value is 1 with statistic 0.
 */
public final class TwoProportionZTest {

  static final String NAME = "two_proportion_z_test";

  private TwoProportionZTest() {}

  /** Two-sided p-value (pooled standard error) for equal rates in two samples. */
  public static double pValue(BinarySample control, BinarySample variant) {
    return run(control, variant).pValue();
  }

  static TestOutcome run(BinarySample control, BinarySample variant) {
    double pc = control.rate();
    double pv = variant.rate();
    double varC = pc * (1 - pc) / control.n();
    double varV = pv * (1 - pv) / variant.n();
    double diff = pv - pc;
    double halfWidth = StandardNormal.Z_975 * Math.sqrt(varC + varV);

    double pooled =
        (double) (control.successes() + variant.successes()) / (control.n() + variant.n());
    double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / control.n() + 1.0 / variant.n()));
    double z = sePooled == 0 ? 0 : diff / sePooled;
    double p = sePooled == 0 ? 1 : StandardNormal.twoSidedP(z);
    return new TestOutcome(
        NAME,
        pc,
        pv,
        varC,
        varV,
        diff - halfWidth,
        diff + halfWidth,
        z,
        Double.NaN,
        p,
        (int) Math.signum(diff));
  }
}
