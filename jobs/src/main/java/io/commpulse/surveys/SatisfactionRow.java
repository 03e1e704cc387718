package io.commpulse.surveys;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.satisfaction}: a question in one department, or in the whole company
 * (ALL). A suppressed row carries no figure at all: whatever a table read back holds, a suppressed
 * row never yields a number.
 */
@GoldRow("gold.satisfaction")
public record SatisfactionRow(
    String month,
    String questionId,
    String department,
    boolean suppressed,
    String suppressionReason,
    Long respondents,
    Long headcount,
    Double responseRate,
    Double mean,
    Double sd,
    Double meanCiLow,
    Double meanCiHigh,
    Double top2Share,
    Double top2CiLow,
    Double top2CiHigh,
    Double meanChange) {

  public SatisfactionRow {
    if (suppressed) {
      respondents = null;
      headcount = null;
      responseRate = null;
      mean = null;
      sd = null;
      meanCiLow = null;
      meanCiHigh = null;
      top2Share = null;
      top2CiLow = null;
      top2CiHigh = null;
      meanChange = null;
    }
  }

  /** A suppressed row: the reason, and no figure. */
  static SatisfactionRow suppressed(
      String month, String questionId, String department, String reason) {
    return new SatisfactionRow(
        month,
        questionId,
        department,
        true,
        reason,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
