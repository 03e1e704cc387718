package io.commpulse.report.model;

/** One row of {@code gold.response_sla}: first human reply to tickets of a channel x category x priority. */
public record SlaRow(String channel, String category, String priority, long tickets, long replied,
    Double meanHours, Double medianHours, Double p90Hours, Double within24hShare) {}
