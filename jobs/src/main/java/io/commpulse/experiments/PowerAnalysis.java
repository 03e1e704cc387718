package io.commpulse.experiments;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Minimum detectable effect and power of the two-sided test at α = 0.05 for the sample sizes
 * achieved.
 *
 * <p>Normal approximation for every metric kind. With se the unpooled standard error of the
 * difference at the achieved sizes and observed variances, and c = z_{0.975}, the power to detect a
 * true difference δ counts both rejection regions:
 *
 * <pre>
 *   power(δ) = Φ(|δ|/se − c) + Φ(−|δ|/se − c)
 * </pre>
 *
 * This is {@code statsmodels.stats.power.NormalIndPower().power(effect_size=d, nobs1=n_c,
 * alpha=0.05, ratio=n_v/n_c)} with the standardised effect d = δ/σ and σ = se / √(1/n_c + 1/n_v).
 *
 * <ul>
 *   <li>{@code mdeAbsolute}: the δ with power(δ) = 0.8, i.e. k·se where k ≈ 2.8016 solves Φ(k − c)
 *       + Φ(−k − c) = 0.8;
 *   <li>{@code mdeRelative}: mdeAbsolute / |control value|;
 *   <li>{@code achievedPower}: power(minEffectOfInterest · |control value|).
 * </ul>
 *
 * With se = 0 every non-zero effect is detected for sure: the MDE is 0 and the power 1. A control
 * value of 0 makes relative effects meaningless: mdeRelative and achievedPower are then NaN.
 *
 * @param mdeAbsolute smallest true difference detected with 80% power
 * @param mdeRelative the same relative to the control value
 * @param minEffectOfInterest relative effect the achieved power refers to
 * @param achievedPower power to detect a relative effect of minEffectOfInterest
 */
public record PowerAnalysis(
    double mdeAbsolute, double mdeRelative, double minEffectOfInterest, double achievedPower) {

  public static final double ALPHA = 0.05;
  public static final double TARGET_POWER = 0.8;

  /** Standard errors between 0 and the effect detected with 80% power. */
  static final double MDE_MULTIPLIER =
      new BrentSolver(1e-15, 1e-15).solve(200, k -> power(k, 1) - TARGET_POWER, 0, 10);

  static PowerAnalysis at(double standardError, double controlValue, double minEffectOfInterest) {
    double mdeAbsolute = MDE_MULTIPLIER * standardError;
    double scale = Math.abs(controlValue);
    if (scale == 0 || !Double.isFinite(scale)) {
      return new PowerAnalysis(mdeAbsolute, Double.NaN, minEffectOfInterest, Double.NaN);
    }
    return new PowerAnalysis(
        mdeAbsolute,
        mdeAbsolute / scale,
        minEffectOfInterest,
        power(minEffectOfInterest * scale, standardError));
  }

  /** Power of the two-sided level-α z-test to detect a true difference {@code effect}. */
  static double power(double effect, double standardError) {
    if (standardError == 0) {
      return effect == 0 ? ALPHA : 1;
    }
    double shift = Math.abs(effect) / standardError;
    double c = StandardNormal.Z_975;
    return StandardNormal.cdf(shift - c) + StandardNormal.cdf(-shift - c);
  }
}
