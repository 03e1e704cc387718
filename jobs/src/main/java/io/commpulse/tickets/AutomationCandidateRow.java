package io.commpulse.tickets;

import io.commpulse.metrics.GoldRow;

/**
 * One row of {@code gold.automation_candidates}: a ticket kind (category x channel) of the month.
 */
@GoldRow("gold.automation_candidates")
public record AutomationCandidateRow(
    String month,
    String category,
    String channel,
    int volumeRank,
    long tickets,
    double share,
    Double medianHandlingHours,
    double repeatRate,
    double botFirstReplyShare,
    double botResolutionRate,
    long humanHandled,
    long botCsatResponses,
    Double botCsatTop2Share,
    long humanCsatResponses,
    Double humanCsatTop2Share,
    Double csatGapPValue,
    boolean botCsatWorse,
    double automationShare,
    Double expectedHoursSaved) {}
