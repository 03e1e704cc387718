package io.commpulse.experiments;

/**
 * What a two-sample test reports for variant versus control, before the family correction and the
 * decision.
 *
 * @param testName machine-readable test name
 * @param controlValue control rate or mean
 * @param variantValue variant rate or mean
 * @param controlValueVar squared standard error of {@code controlValue}
 * @param variantValueVar squared standard error of {@code variantValue}
 * @param ciLower lower end of the 95% interval on variantValue − controlValue
 * @param ciUpper upper end of that interval
 * @param statistic test statistic (z, t or U)
 * @param degreesOfFreedom t-test degrees of freedom, NaN for other tests
 * @param pValue two-sided p-value
 * @param direction sign of the effect the test measured: +1 variant higher, −1 lower, 0 none
 */
record TestOutcome(
    String testName,
    double controlValue,
    double variantValue,
    double controlValueVar,
    double variantValueVar,
    double ciLower,
    double ciUpper,
    double statistic,
    double degreesOfFreedom,
    double pValue,
    int direction) {

  double difference() {
    return variantValue - controlValue;
  }

  /** Unpooled standard error of the difference, √(se_c² + se_v²). */
  double standardError() {
    return Math.sqrt(controlValueVar + variantValueVar);
  }
}
