package io.commpulse.report.model;

/**
 * One group of {@code gold.feedback_loop}. A suppressed group carries no figure at all, whatever the table holds.
 *
 * @param breakdown all, channel, category or department
 */
public record FeedbackRow(String breakdown, String groupValue, boolean suppressed, String suppressionReason,
    Long received, Long actedOn, Double actedOnShare, Double medianDaysToResponse, Long rewarded) {

  public FeedbackRow {
    if (suppressed) {
      received = null;
      actedOn = null;
      actedOnShare = null;
      medianDaysToResponse = null;
      rewarded = null;
    }
  }
}
