package io.commpulse.report.model;

/**
 * One cell of {@code gold.satisfaction}. A suppressed cell carries no figure at all: whatever the table holds,
 * the report never sees a number for it.
 */
public record SatisfactionCell(String questionId, String department, boolean suppressed, String suppressionReason,
    Long respondents, Double mean, Double meanCiLow, Double meanCiHigh, Double top2Share, Double meanChange) {

  public SatisfactionCell {
    if (suppressed) {
      respondents = null;
      mean = null;
      meanCiLow = null;
      meanCiHigh = null;
      top2Share = null;
      meanChange = null;
    }
  }
}
