package io.commpulse.experiments;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant versus control on one metric. Figures that cannot be computed (a lift over a control value of 0,
 * every inferential figure when a group has fewer than two units, the CUPED fields of an unadjusted metric) are
 * NaN here and {@code null} in {@link #asSnakeCaseMap()}. See that method for the meaning of every field.
 */
public record Comparison(
    String experimentId,
    String metric,
    MetricKind kind,
    MetricSpec.Better better,
    String controlVariant,
    String variant,
    long controlUnits,
    long variantUnits,
    double controlValue,
    double variantValue,
    double absoluteDifference,
    double absoluteCiLower,
    double absoluteCiUpper,
    double relativeLift,
    double relativeCiLower,
    double relativeCiUpper,
    String testName,
    double testStatistic,
    double degreesOfFreedom,
    double pValue,
    double pValueHolm,
    double chanceToBeatControl,
    double mdeAbsolute,
    double mdeRelative,
    double minEffectOfInterest,
    double achievedPower,
    double cupedTheta,
    double varianceReduction,
    Decision decision) {

  /** This comparison with the family-level results filled in. */
  Comparison withFamily(double holm, Decision verdict) {
    return new Comparison(experimentId, metric, kind, better, controlVariant, variant, controlUnits,
        variantUnits, controlValue, variantValue, absoluteDifference, absoluteCiLower, absoluteCiUpper,
        relativeLift, relativeCiLower, relativeCiUpper, testName, testStatistic, degreesOfFreedom,
        pValue, holm, chanceToBeatControl, mdeAbsolute, mdeRelative, minEffectOfInterest,
        achievedPower, cupedTheta, varianceReduction, verdict);
  }

  /**
   * The fields under stable snake_case names, in this order. Numbers are {@code Long} or {@code Double};
   * NaN and infinite values become {@code null} so that the map serialises to valid JSON.
   * <table>
   *   <caption>Fields of a comparison</caption>
   *   <tr><th>key</th><th>meaning</th></tr>
   *   <tr><td>experiment_id</td><td>experiment identifier</td></tr>
   *   <tr><td>metric</td><td>metric name</td></tr>
   *   <tr><td>metric_kind</td><td>{@code binary}, {@code continuous} or {@code ordinal}</td></tr>
   *   <tr><td>better</td><td>{@code higher} or {@code lower}: which direction is an improvement</td></tr>
   *   <tr><td>control_variant</td><td>name of the control variant</td></tr>
   *   <tr><td>variant</td><td>name of the variant compared with control</td></tr>
   *   <tr><td>control_units</td><td>units of control with a value for this metric</td></tr>
   *   <tr><td>variant_units</td><td>units of the variant with a value for this metric</td></tr>
   *   <tr><td>control_value</td><td>control rate (binary), mean (continuous; CUPED-adjusted when a covariate
   *       was given) or mean level (ordinal)</td></tr>
   *   <tr><td>variant_value</td><td>the same for the variant</td></tr>
   *   <tr><td>absolute_difference</td><td>variant_value − control_value</td></tr>
   *   <tr><td>absolute_ci_lower</td><td>lower end of the 95% interval on the difference: Wald with unpooled
   *       standard error (binary), Welch t (continuous and ordinal)</td></tr>
   *   <tr><td>absolute_ci_upper</td><td>upper end of that interval</td></tr>
   *   <tr><td>relative_lift</td><td>variant_value / control_value − 1</td></tr>
   *   <tr><td>relative_ci_lower</td><td>lower end of the 95% interval on the lift, by the delta method</td></tr>
   *   <tr><td>relative_ci_upper</td><td>upper end of that interval</td></tr>
   *   <tr><td>test</td><td>{@code two_proportion_z_test} (pooled standard error), {@code welch_t_test},
   *       {@code welch_t_test_cuped} or {@code mann_whitney_u} (tie-corrected normal approximation with
   *       continuity correction)</td></tr>
   *   <tr><td>test_statistic</td><td>z, Welch t, or the variant's U (null when infinite: both groups without
   *       spread and different means)</td></tr>
   *   <tr><td>degrees_of_freedom</td><td>Welch–Satterthwaite degrees of freedom; null for other tests</td></tr>
   *   <tr><td>p_value</td><td>two-sided p-value of the test</td></tr>
   *   <tr><td>p_value_holm</td><td>Holm–Bonferroni adjusted p-value over all comparisons of the experiment
   *       (every metric × variant)</td></tr>
   *   <tr><td>chance_to_beat_control</td><td>posterior probability that the variant is better than control in
   *       the metric's better direction: Φ(±difference / unpooled standard error), normal approximation with a
   *       flat prior</td></tr>
   *   <tr><td>mde_absolute</td><td>smallest true difference the achieved sample detects with 80% power at
   *       α = 0.05 two-sided</td></tr>
   *   <tr><td>mde_relative</td><td>mde_absolute / |control_value|</td></tr>
   *   <tr><td>min_effect_of_interest</td><td>relative effect the achieved power refers to</td></tr>
   *   <tr><td>achieved_power</td><td>power of the achieved sample to detect a relative effect of
   *       min_effect_of_interest</td></tr>
   *   <tr><td>cuped_theta</td><td>CUPED coefficient θ = cov(y, x) / var(x); null without a covariate</td></tr>
   *   <tr><td>variance_reduction</td><td>CUPED share of variance removed over all units, 1 − var_adj / var_y;
   *       null without a covariate</td></tr>
   *   <tr><td>decision</td><td>{@code winner}, {@code loser}, {@code no_significant_difference},
   *       {@code inconclusive_underpowered}, {@code invalid_srm} or {@code insufficient_data}</td></tr>
   * </table>
   */
  public Map<String, Object> asSnakeCaseMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment_id", experimentId);
    m.put("metric", metric);
    m.put("metric_kind", kind.label());
    m.put("better", better.label());
    m.put("control_variant", controlVariant);
    m.put("variant", variant);
    m.put("control_units", controlUnits);
    m.put("variant_units", variantUnits);
    m.put("control_value", finite(controlValue));
    m.put("variant_value", finite(variantValue));
    m.put("absolute_difference", finite(absoluteDifference));
    m.put("absolute_ci_lower", finite(absoluteCiLower));
    m.put("absolute_ci_upper", finite(absoluteCiUpper));
    m.put("relative_lift", finite(relativeLift));
    m.put("relative_ci_lower", finite(relativeCiLower));
    m.put("relative_ci_upper", finite(relativeCiUpper));
    m.put("test", testName);
    m.put("test_statistic", finite(testStatistic));
    m.put("degrees_of_freedom", finite(degreesOfFreedom));
    m.put("p_value", finite(pValue));
    m.put("p_value_holm", finite(pValueHolm));
    m.put("chance_to_beat_control", finite(chanceToBeatControl));
    m.put("mde_absolute", finite(mdeAbsolute));
    m.put("mde_relative", finite(mdeRelative));
    m.put("min_effect_of_interest", finite(minEffectOfInterest));
    m.put("achieved_power", finite(achievedPower));
    m.put("cuped_theta", finite(cupedTheta));
    m.put("variance_reduction", finite(varianceReduction));
    m.put("decision", decision == null ? null : decision.label());
    return m;
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
