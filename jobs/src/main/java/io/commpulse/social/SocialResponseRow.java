package io.commpulse.social;

import io.commpulse.metrics.GoldRow;
import java.sql.Timestamp;

/**
 * One row of {@code gold.social_response}: replies to inbound comments on one platform, or on all
 * (ALL).
 */
@GoldRow("gold.social_response")
public record SocialResponseRow(
    String month,
    String platform,
    long inbound,
    long replied,
    long replied24h,
    Double replied24hShare,
    Double replied24hCiLow,
    Double replied24hCiHigh,
    Double target,
    String status,
    Double medianReplyHours,
    long negativeInbound,
    Double negativeReplied24hShare,
    Double negativeMedianReplyHours,
    Long pending,
    Timestamp dataThrough,
    String state) {}
