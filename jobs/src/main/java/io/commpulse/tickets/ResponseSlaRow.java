package io.commpulse.tickets;

import io.commpulse.metrics.GoldRow;
import java.sql.Timestamp;

/**
 * One row of {@code gold.response_sla}: first human replies to the tickets of a channel x category
 * x priority.
 */
@GoldRow("gold.response_sla")
public record ResponseSlaRow(
    String month,
    String channel,
    String category,
    String priority,
    long tickets,
    long replied,
    Double firstReplyHoursMean,
    Double firstReplyHoursMeanCiLow,
    Double firstReplyHoursMeanCiHigh,
    Double firstReplyHoursMedian,
    Double firstReplyHoursP90,
    Double firstReplyBusinessHoursMean,
    Double firstReplyBusinessHoursMedian,
    Double firstReplyBusinessHoursP90,
    long within24h,
    Double within24hShare,
    Double within24hCiLow,
    Double within24hCiHigh,
    long botFirstReplies,
    Double resolutionHoursMedian,
    Double reopenRate,
    long csatResponses,
    Double csatTop2Share,
    Long pending,
    Timestamp dataThrough,
    String state) {}
