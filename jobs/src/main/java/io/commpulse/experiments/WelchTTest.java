package io.commpulse.experiments;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance t-test for a continuous metric, equal to {@code
 * scipy.stats.ttest_ind(variant, control, equal_var=False)} including its {@code
 * confidence_interval(0.95)}.
 *
 * <pre>
 *   se = √(s_c²/n_c + s_v²/n_v)
 *   t  = (m_v − m_c) / se
 *   df = se⁴ / ((s_c²/n_c)²/(n_c − 1) + (s_v²/n_v)²/(n_v − 1))      (Welch–Satterthwaite)
 *   95% interval: (m_v − m_c) ± t_{0.975, df} · se
 * </pre>
 *
 * Both variances zero (every unit of each group has the same value) makes se = 0. Rather than
 * divide by zero the outcome is then exact: equal means give statistic 0 and p = 1; different means
 * give statistic ±∞ and p = 0, since without any spread the difference is certain. The interval
 * collapses to the point difference and the degrees of freedom are NaN. Callers guarantee n ≥ 2 in
 * both groups.
 */
final class WelchTTest {

  static final String NAME = "welch_t_test";

  private WelchTTest() {}

  static TestOutcome run(ContinuousSample control, ContinuousSample variant) {
    return run(control, variant, NAME);
  }

  static TestOutcome run(ContinuousSample control, ContinuousSample variant, String name) {
    double varC = control.variance() / control.n();
    double varV = variant.variance() / variant.n();
    double diff = variant.mean() - control.mean();
    int direction = (int) Math.signum(diff);
    double se = Math.sqrt(varC + varV);
    if (se == 0) {
      double statistic = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
      return new TestOutcome(
          name,
          control.mean(),
          variant.mean(),
          0,
          0,
          diff,
          diff,
          statistic,
          Double.NaN,
          diff == 0 ? 1 : 0,
          direction);
    }
    double df =
        Math.pow(varC + varV, 2)
            / (varC * varC / (control.n() - 1) + varV * varV / (variant.n() - 1));
    TDistribution t = new TDistribution(null, df, 1e-13);
    double statistic = diff / se;
    double p = Math.min(1, 2 * t.cumulativeProbability(-Math.abs(statistic)));
    double halfWidth = t.inverseCumulativeProbability(0.975) * se;
    return new TestOutcome(
        name,
        control.mean(),
        variant.mean(),
        varC,
        varV,
        diff - halfWidth,
        diff + halfWidth,
        statistic,
        df,
        p,
        direction);
  }
}
