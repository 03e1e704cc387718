package io.commpulse.feedback;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.feedback_loop}: one group of the suggestion box's month. A suppressed
 * group carries no figures.
 *
 * @param breakdown all, channel, category or department
 */
@GoldRow("gold.feedback_loop")
public record FeedbackLoopRow(
    String month,
    String breakdown,
    String groupValue,
    boolean suppressed,
    String suppressionReason,
    Long received,
    Long actedOn,
    Double actedOnShare,
    Long responsesPublished,
    Double responsePublishedShare,
    Double medianDaysToResponse,
    Long rewarded) {}
