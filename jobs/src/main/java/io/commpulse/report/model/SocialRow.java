package io.commpulse.report.model;

import io.commpulse.scorecard.KpiStatus;

/**
 * One row of {@code gold.social_response}: replies to inbound comments on one platform (or ALL).
 *
 * @param target null and status {@link KpiStatus#NO_TARGET} for a month written before gold stored them
 */
public record SocialRow(String platform, long inbound, long replied24h, Double share, Double ciLow, Double ciHigh,
    Double medianReplyHours, Double target, KpiStatus status) {}
