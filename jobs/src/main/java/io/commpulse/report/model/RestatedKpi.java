package io.commpulse.report.model;

/**
 * A KPI of an earlier month whose figure changed when the month was restated (from {@code
 * ops.restatements}): its first recorded value and its latest.
 *
 * @param before the figure before the first restatement, null when it was empty
 * @param after the figure after the latest restatement, null when it is empty
 */
public record RestatedKpi(String month, String kpi, String unit, Double before, Double after) {}
