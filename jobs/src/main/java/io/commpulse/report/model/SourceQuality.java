package io.commpulse.report.model;

import java.util.List;

/**
 * The month's ingest accounting of one landing source (its latest ingest run) and why rows were
 * quarantined.
 *
 * @param reasons quarantine reason codes with their counts, most frequent first
 */
public record SourceQuality(
    String source,
    int files,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    long duplicates,
    List<ReasonCount> reasons) {

  public SourceQuality {
    reasons = List.copyOf(reasons);
  }

  public Double quarantinedShare() {
    return rowsRead == 0 ? null : (double) rowsQuarantined / rowsRead;
  }

  public record ReasonCount(String reasonCode, long rows) {}
}
