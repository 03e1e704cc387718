package io.commpulse.report.model;

/** One ticket kind (category x channel) of {@code gold.automation_candidates}. */
public record AutomationCandidate(String category, String channel, int volumeRank, long tickets, double share,
    Double medianHandlingHours, double botResolutionRate, long humanHandled, boolean botCsatWorse,
    double automationShare, Double expectedHoursSaved) {}
