package io.commpulse.imports;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What an adapter made of an export, before it is split into landing rows and unmapped ones.
 *
 * @param rows one row per unit: the landing columns as text, {@code _month}, {@code _problems},
 *     {@code _record}, {@code _records}, {@code _key} and {@code _raw}
 * @param input the export as read (cached by the adapter; the job releases it)
 * @param inputRecords records read from the export
 * @param unit what one candidate row stands for, e.g. "incident" or "answer"
 * @param expectedUnits how many units the export holds, counted without the adapter's mapping; the
 *     job checks that every one of them came out either mapped or unmapped
 */
public record Candidates(
    Dataset<Row> rows, Dataset<Row> input, long inputRecords, String unit, long expectedUnits) {}
