package io.commpulse.experiments;

/**
 * One variant versus control on one metric. Figures that cannot be computed (a lift over a control
 * value of 0, every inferential figure when a group has fewer than two units, the CUPED fields of
 * an unadjusted metric) are NaN here and {@code null} in its {@link AbResultRow}, whose fields are
 * described in {@code docs/ab-test.md}.
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
    return new Comparison(
        experimentId,
        metric,
        kind,
        better,
        controlVariant,
        variant,
        controlUnits,
        variantUnits,
        controlValue,
        variantValue,
        absoluteDifference,
        absoluteCiLower,
        absoluteCiUpper,
        relativeLift,
        relativeCiLower,
        relativeCiUpper,
        testName,
        testStatistic,
        degreesOfFreedom,
        pValue,
        holm,
        chanceToBeatControl,
        mdeAbsolute,
        mdeRelative,
        minEffectOfInterest,
        achievedPower,
        cupedTheta,
        varianceReduction,
        verdict);
  }
}
