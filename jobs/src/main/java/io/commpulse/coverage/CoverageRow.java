package io.commpulse.coverage;

import io.commpulse.metrics.GoldRow;
import java.sql.Timestamp;

/**
 * One row of {@code gold.coverage}: a decision's reach, company-wide (department ALL) or in one
 * department.
 */
@GoldRow("gold.coverage")
public record CoverageRow(
    String month,
    String decisionId,
    String titleZh,
    String titleEn,
    String department,
    long employees,
    long aware,
    Double share,
    Double ciLow,
    Double ciHigh,
    double target,
    Double pBelowTarget,
    Boolean meetsTarget,
    String status,
    Double medianHoursToAware,
    String topChannel,
    Double topChannelShare,
    Timestamp dataThrough,
    String state) {}
