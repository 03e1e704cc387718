package io.commpulse.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.lake.Lake;
import io.commpulse.ops.QualityGate.SourceState;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.ContractRowMaker;
import io.commpulse.testing.TestSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gate reads of a lake: the latest audit row of each source and the rows the lake holds.
 */
class QualityGateStatesTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final TableContract AUDIT = CATALOG.table("ops.ingest_audit");
  private static final TableContract QUARANTINE = CATALOG.table("bronze.quarantine");
  private static final TableContract TICKETS = CATALOG.table("bronze.tickets");
  private static final TableContract ROSTER = CATALOG.table("bronze.roster");

  private Lake lake;

  @BeforeEach
  void newLake() {
    lake = new Lake(TestSpark.session(), TestSpark.tempDir("commpulse-gate").toString());
  }

  @Test
  void theLatestRunOfEachSourceAgainstTheMonthsRows() {
    lake.append(
        AUDIT,
        frame(
            AUDIT,
            List.of(
                audit("tickets", "2026-10", "2026-11-01T02:00:00Z", 10, 8, 2),
                // The rerun: it supersedes the first run of October.
                audit("tickets", "2026-10", "2026-11-02T02:00:00Z", 12, 9, 3),
                audit("tickets", "2026-09", "2026-11-03T02:00:00Z", 4, 4, 0),
                audit("roster", "2026-10", "2026-11-01T02:00:00Z", 5, 5, 0),
                // Audited, but its bronze table was never written.
                audit("suggestions", "2026-10", "2026-11-01T02:00:00Z", 0, 0, 0))));
    write(TICKETS, ContractRowMaker.rows(TICKETS, "2026-10", 0, 9), "2026-10");
    write(TICKETS, ContractRowMaker.rows(TICKETS, "2026-09", 100, 4), "2026-09");
    write(ROSTER, ContractRowMaker.rows(ROSTER, "2026-10", 0, 5), "2026-10");
    write(
        QUARANTINE,
        List.of(
            rejected("tickets", "2026-10", 1),
            rejected("tickets", "2026-10", 2),
            rejected("tickets", "2026-10", 3)),
        "2026-10");
    write(QUARANTINE, List.of(rejected("tickets", "2026-09", 4)), "2026-09");

    Map<String, SourceState> states =
        QualityGate.states(TestSpark.snapshots(lake), CATALOG, "2026-10");

    assertEquals(
        Map.of(
            "tickets", new SourceState("tickets", 12, 9, 3, 9, 3),
            "roster", new SourceState("roster", 5, 5, 0, 5, 0),
            "suggestions", new SourceState("suggestions", 0, 0, 0, 0, 0)),
        states);
  }

  @Test
  void aLakeWithoutTheMonthHasNoState() {
    assertEquals(Map.of(), QualityGate.states(TestSpark.snapshots(lake), CATALOG, "2026-10"));
  }

  private static Row audit(
      String source, String month, String startedAt, long read, long accepted, long quarantined) {
    return ContractRowMaker.row(
        AUDIT,
        month,
        0,
        Map.of(
            "source", source,
            "started_at", Timestamp.from(Instant.parse(startedAt)),
            "rows_read", read,
            "rows_accepted", accepted,
            "rows_quarantined", quarantined));
  }

  private static Row rejected(String source, String month, int i) {
    return ContractRowMaker.row(QUARANTINE, month, i, Map.of("source", source));
  }

  private void write(TableContract table, List<Row> rows, String month) {
    lake.replaceMonth(table, frame(table, rows), month);
  }

  private static Dataset<Row> frame(TableContract table, List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, table.sparkSchema());
  }
}
