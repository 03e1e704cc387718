package io.commpulse.experiments;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.ab_results}: one variant against control on one metric, the fields of its
 * {@link Comparison} (a figure that cannot be computed, NaN there, is null here) followed by the
 * experiment-level figures (units analysed, split, sample-ratio check, exclusions) and how the
 * metric was prepared (CUPED covariate, winsorisation). Every field is described in {@code
 * schemas/gold/ab_results.json} and {@code docs/ab-test.md}; the {@code ab-test} command prints the
 * same rows without the month.
 *
 * @param month the month of the assignment records; null for rows of the {@code ab-test} command
 */
@GoldRow("gold.ab_results")
public record AbResultRow(
    String month,
    String experimentId,
    String metric,
    String metricKind,
    String better,
    String controlVariant,
    String variant,
    long controlUnits,
    long variantUnits,
    Double controlValue,
    Double variantValue,
    Double absoluteDifference,
    Double absoluteCiLower,
    Double absoluteCiUpper,
    Double relativeLift,
    Double relativeCiLower,
    Double relativeCiUpper,
    String test,
    Double testStatistic,
    Double degreesOfFreedom,
    Double pValue,
    Double pValueHolm,
    Double chanceToBeatControl,
    Double mdeAbsolute,
    Double mdeRelative,
    Double minEffectOfInterest,
    Double achievedPower,
    Double cupedTheta,
    Double varianceReduction,
    String decision,
    long controlAssignedUnits,
    long variantAssignedUnits,
    double controlSplitWeight,
    double variantSplitWeight,
    double srmChiSquare,
    long srmDegreesOfFreedom,
    double srmPValue,
    boolean srmFlag,
    long incompleteRecordsExcluded,
    long inconsistentRecordsExcluded,
    long duplicateUnits,
    long duplicateRecordsExcluded,
    long multiVariantUnitsExcluded,
    String cupedCovariate,
    Double winsorizeQuantile,
    Double winsorizeCap) {}
