package io.commpulse.report.model;

/** One row of {@code gold.coverage}: a decision's reach, company-wide (department ALL) or per department. */
public record CoverageRow(String decisionId, String titleZh, String titleEn, String department, long employees,
    long aware, Double share, Double ciLow, Double ciHigh, double target, Boolean meetsTarget) {}
