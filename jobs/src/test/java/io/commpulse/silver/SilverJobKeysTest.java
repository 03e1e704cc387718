package io.commpulse.silver;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static io.commpulse.testing.Frames.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.SchemaCopies;
import io.commpulse.testing.TestSpark;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The silver job de-duplicates by the key its contract declares: the same bronze month gives one
 * row per ticket under the shipped contract, and one row per export record when a copy of the
 * contracts keys silver.tickets as bronze does (ticket and update time).
 */
class SilverJobKeysTest {
  private static final String MONTH = "2026-10";
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();

  private static Map<String, Object> ticket(String id, String updated, int csat) {
    Map<String, Object> row =
        new LinkedHashMap<>(
            rec(
                "ticket_id",
                id,
                "channel",
                "phone",
                "category",
                "service_complaint",
                "priority",
                "P2",
                "created_at",
                shanghai("2026-10-12 09:00"),
                "reopened_count",
                0,
                "customer_id",
                "C1234567",
                "csat",
                csat,
                "updated_at",
                shanghai(updated)));
    row.put("month", MONTH);
    row.put("source_file", "tickets.csv");
    row.put("batch_id", "batch-1");
    row.put("ingested_at", utc("2026-11-01T00:00:00Z"));
    return row;
  }

  /** T1 exported three times, T2 twice identically, T3 once. */
  private static Lake lakeWithBronzeTickets(String name) {
    Lake lake = new Lake(TestSpark.session(), TestSpark.tempDir(name).toString());
    TableContract bronze = CATALOG.table("bronze.tickets");
    lake.replaceMonth(
        bronze,
        frame(
            bronze,
            List.of(
                ticket("T1", "2026-10-12 10:00", 2),
                ticket("T1", "2026-10-12 12:00", 4),
                ticket("T1", "2026-10-12 11:00", 3),
                ticket("T2", "2026-10-13 10:00", 5),
                ticket("T2", "2026-10-13 10:00", 5),
                ticket("T3", "2026-10-14 10:00", 1))),
        MONTH);
    return lake;
  }

  private static List<String> silverTickets(Lake lake, SchemaCatalog catalog) {
    new SilverJob(lake, catalog, PseudonymKey.demo())
        .run(YearMonth.parse(MONTH), Set.of("tickets"), 1);
    return lake.read(catalog.table("silver.tickets")).collectAsList().stream()
        .map(r -> r.getAs("ticket_id") + " csat " + r.getAs("csat"))
        .sorted()
        .toList();
  }

  @Test
  void theShippedContractKeepsOneRowPerTicket() {
    assertEquals(List.of("ticket_id", "month"), CATALOG.table("silver.tickets").keys());
    assertEquals(
        List.of("T1 csat 4", "T2 csat 5", "T3 csat 1"),
        silverTickets(lakeWithBronzeTickets("silver-keys-shipped"), CATALOG));
  }

  @Test
  void aContractKeyedByExportRecordKeepsEveryRecord() {
    SchemaCatalog byRecord =
        SchemaCatalog.fromDirectory(
            SchemaCopies.withReplaced(
                "silver/tickets.json",
                "\"keys\": [\"ticket_id\", \"month\"]",
                "\"keys\": [\"ticket_id\", \"updated_at\", \"month\"]"));
    assertEquals(
        List.of("ticket_id", "updated_at", "month"), byRecord.table("silver.tickets").keys());
    // T2's two records are one export record (the same update time): still one row.
    assertEquals(
        List.of("T1 csat 2", "T1 csat 3", "T1 csat 4", "T2 csat 5", "T3 csat 1"),
        silverTickets(lakeWithBronzeTickets("silver-keys-by-record"), byRecord));
  }
}
