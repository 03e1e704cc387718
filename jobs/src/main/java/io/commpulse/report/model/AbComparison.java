package io.commpulse.report.model;

/**
 * One variant against control on one metric, from {@code gold.ab_results}.
 *
 * @param srmInvalid the experiment failed its sample-ratio check, so none of its comparisons can be trusted
 */
public record AbComparison(String experimentId, String metric, String variant, String controlVariant,
    Double relativeLift, Double ciLow, Double ciHigh, String decision, boolean srmInvalid) {

  public boolean winner() {
    return "winner".equals(decision) && !srmInvalid;
  }
}
