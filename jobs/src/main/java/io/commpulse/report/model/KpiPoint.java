package io.commpulse.report.model;

/** A KPI's actual and target in one month, for the trend lines. */
public record KpiPoint(String month, String kpi, String unit, String comparator, Double target, Double actual) {}
