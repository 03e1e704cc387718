package io.commpulse.report.model;

/** One customer segment (or ALL) of {@code gold.followup_coverage}. */
public record FollowupRow(String segment, long planned, long done, Double doneShare, long onTime, Double onTimeShare,
    long issuesFound, long improvementsCommunicated, Double closedLoopShare) {}
