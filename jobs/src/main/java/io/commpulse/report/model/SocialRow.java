package io.commpulse.report.model;

/** One row of {@code gold.social_response}: replies to inbound comments on one platform (or ALL). */
public record SocialRow(String platform, long inbound, long replied24h, Double share, Double ciLow, Double ciHigh,
    Double medianReplyHours) {}
