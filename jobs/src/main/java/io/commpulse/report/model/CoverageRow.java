package io.commpulse.report.model;

import io.commpulse.scorecard.KpiStatus;

/**
 * One row of {@code gold.coverage}: a decision's reach, company-wide (department ALL) or per department.
 *
 * @param status as gold judged it; {@link KpiStatus#NO_TARGET} for a month written before gold stored it
 */
public record CoverageRow(String decisionId, String titleZh, String titleEn, String department, long employees,
    long aware, Double share, Double ciLow, Double ciHigh, double target, Boolean meetsTarget, KpiStatus status) {}
