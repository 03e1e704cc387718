package io.commpulse.imports;

import java.nio.file.Path;
import java.util.Map;

/**
 * The accounting of one import: every unit of the export came out either mapped (a landing row) or
 * unmapped (a line of the unmapped report). For a reducing adapter (an event log) the input records
 * behind the unmapped units are counted too.
 *
 * @param inputRecords records read from the export file
 * @param unit what one landing row stands for ("incident", "tweet", "answer", "row")
 * @param units units the export holds: mapped + unmapped
 * @param recordsUnmapped input records behind the unmapped units
 * @param rowsPerMonth landing rows written per month folder
 * @param unmappedByReason unmapped units per reason code (the first problem of each)
 */
public record ImportReport(
    String format,
    String source,
    long inputRecords,
    String unit,
    long units,
    long mapped,
    long unmapped,
    long recordsUnmapped,
    Map<String, Long> rowsPerMonth,
    Map<String, Long> unmappedByReason,
    Path unmappedFile) {}
