package io.commpulse.customers;

import io.commpulse.metrics.GoldRow;
import java.sql.Timestamp;

/**
 * One row of {@code gold.followup_coverage}: one customer segment's follow-up plan of the month, or
 * ALL.
 */
@GoldRow("gold.followup_coverage")
public record FollowupCoverageRow(
    String month,
    String segment,
    long planned,
    long done,
    Double doneShare,
    Double doneCiLow,
    Double doneCiHigh,
    long onTime,
    Double onTimeShare,
    long issuesFound,
    long productSuggestions,
    long serviceComplaints,
    long technicalSupport,
    long improvementsCommunicated,
    Double closedLoopShare,
    Timestamp dataThrough,
    String state) {}
