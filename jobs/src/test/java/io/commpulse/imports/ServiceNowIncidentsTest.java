package io.commpulse.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.ingest.BronzeIngest;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.RealData;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceNowIncidentsTest {
  private static final String[] HEADER = {
    "number",
    "incident_state",
    "reopen_count",
    "sys_mod_count",
    "caller_id",
    "opened_at",
    "sys_updated_at",
    "contact_type",
    "category",
    "priority",
    "resolved_at",
    "closed_at"
  };

  private static Path out;
  private static ImportReport report;

  @BeforeAll
  static void importRealLog() {
    out = TestSpark.tempDir("commpulse-import-servicenow");
    report =
        new ImportJob(TestSpark.session(), SchemaCatalog.get())
            .run(
                ServiceNowIncidents.standard(ZoneOffset.UTC),
                RealData.file("incident_event_log.csv.zip"),
                out);
  }

  private static ExportRows events() {
    return ExportRows.of(HEADER)
        // reopened once, closed without a resolved_at: resolved_at falls back to closed_at
        .row(
            "INC0000001",
            "New",
            "0",
            "0",
            "Caller 1",
            "1/3/2016 09:00",
            "1/3/2016 09:05",
            "Phone",
            "Category 5",
            "2 - High",
            "?",
            "?")
        .row(
            "INC0000001",
            "Active",
            "0",
            "1",
            "Caller 1",
            "1/3/2016 09:00",
            "1/3/2016 09:30",
            "Phone",
            "Category 5",
            "1 - Critical",
            "?",
            "?")
        .row(
            "INC0000001",
            "Resolved",
            "0",
            "2",
            "Caller 1",
            "1/3/2016 09:00",
            "2/3/2016 10:00",
            "Phone",
            "Category 5",
            "1 - Critical",
            "2/3/2016 10:00",
            "?")
        .row(
            "INC0000001",
            "Active",
            "1",
            "3",
            "Caller 1",
            "1/3/2016 09:00",
            "3/3/2016 08:00",
            "Phone",
            "Category 5",
            "1 - Critical",
            "?",
            "?")
        .row(
            "INC0000001",
            "Closed",
            "1",
            "4",
            "Caller 1",
            "1/3/2016 09:00",
            "9/3/2016 12:00",
            "Phone",
            "Category 5",
            "1 - Critical",
            "?",
            "9/3/2016 12:00")
        // an update stamped before opened_at does not count as the first response; "?" does not
        // erase a known value
        .row(
            "INC0000002",
            "Active",
            "0",
            "0",
            "?",
            "1/4/2016 00:10",
            "31/3/2016 23:50",
            "Email",
            "?",
            "4 - Low",
            "?",
            "?")
        .row(
            "INC0000002",
            "New",
            "0",
            "1",
            "?",
            "1/4/2016 00:10",
            "1/4/2016 00:20",
            "Email",
            "?",
            "4 - Low",
            "?",
            "?")
        .row(
            "INC0000002",
            "Awaiting User Info",
            "0",
            "2",
            "Caller 2",
            "1/4/2016 00:10",
            "1/4/2016 01:00",
            "Email",
            "?",
            "?",
            "?",
            "?")
        // no caller in any event, a contact type without channel
        .row(
            "INC0000003",
            "New",
            "0",
            "0",
            "?",
            "5/4/2016 10:00",
            "5/4/2016 10:00",
            "Walk-in",
            "?",
            "3 - Moderate",
            "?",
            "?")
        .malformed("INC0000004,New,0");
  }

  @Test
  void reducesEventsToOneTicketPerIncident() {
    Map<String, Map<String, Object>> tickets =
        ExportRows.byKey(ServiceNowIncidents.standard(ZoneOffset.UTC).tickets(events().dataset()));
    assertEquals(4, tickets.size());

    Map<String, Object> reopened = tickets.get("INC0000001");
    Map<String, Object> expected = new HashMap<>();
    expected.put("ticket_id", "T0000001");
    expected.put("channel", "phone");
    expected.put("category", "technical_support");
    expected.put("priority", "P1");
    expected.put("created_at", "2016-03-01T09:00:00Z");
    expected.put("first_reply_at", "2016-03-01T09:30:00Z");
    expected.put("first_reply_by_bot", "false");
    expected.put("first_human_reply_at", "2016-03-01T09:30:00Z");
    expected.put("resolved_at", "2016-03-09T12:00:00Z");
    expected.put("reopened_count", "1");
    expected.put("customer_id", "Caller 1");
    expected.put("csat", null);
    expected.put("updated_at", "2016-03-09T12:00:00Z");
    expected.put(SourceFields.MONTH, "2016-03");
    expected.put(SourceFields.PROBLEMS, List.of());
    expected.put(SourceFields.RECORD, 1L);
    expected.put(SourceFields.RECORDS, 5L);
    expected.forEach((column, value) -> assertEquals(value, reopened.get(column), column));

    Map<String, Object> early = tickets.get("INC0000002");
    assertEquals("2016-04-01T01:00:00Z", early.get("first_reply_at"));
    assertEquals("Caller 2", early.get("customer_id"));
    assertEquals("P4", early.get("priority"));
    assertEquals("email", early.get("channel"));
    assertNull(early.get("resolved_at"));
    assertEquals(List.of(), early.get(SourceFields.PROBLEMS));

    assertEquals(
        List.of(
            "missing_value: caller_id is missing in every event",
            "unknown_value: contact_type 'Walk-in' has no channel (known: [Phone, IVR, Email, Self service,"
                + " Self-service, Web, Direct opening, Chat])"),
        tickets.get("INC0000003").get(SourceFields.PROBLEMS));
    assertEquals(
        List.of("malformed: record does not match the columns of the header"),
        tickets.get("record 10").get(SourceFields.PROBLEMS));
  }

  @Test
  void readsTimesInTheExportZoneAndFilesTicketsByLocalMonth() {
    Map<String, Map<String, Object>> tickets =
        ExportRows.byKey(
            ServiceNowIncidents.standard(ZoneId.of("Europe/Berlin")).tickets(events().dataset()));
    Map<String, Object> april = tickets.get("INC0000002");
    assertEquals("2016-03-31T22:10:00Z", april.get("created_at"));
    assertEquals("2016-04", april.get(SourceFields.MONTH));
  }

  /*
   * Figures below were computed with pandas 2 from the same zip, independently of this code, by
   * this snippet (rules as documented on ServiceNowIncidents):
   *   d = pd.read_csv(zip, dtype=str, keep_default_na=False); d['pos'] = range(len(d))
   *   ts = lambda s: pd.to_datetime(s.replace('?', None), format='%d/%m/%Y %H:%M')
   *   d['upd'], d['opn'], d['res'], d['clo'] = ts(d.sys_updated_at), ts(d.opened_at), ts(d.resolved_at), ts(d.closed_at)
   *   d['mod'] = d.sys_mod_count.astype(int); d = d.sort_values(['upd', 'mod', 'pos'])
   *   worked = d.incident_state.isin(['Active', 'Resolved', 'Closed']) | d.incident_state.str.startswith('Awaiting')
   *   d['resp'] = d.upd.where(worked & (d.upd >= d.opn)); g = d.groupby('number')
   *   known = lambda c: d[d[c] != '?'].groupby('number')[c].last(); last = g.tail(1).set_index('number')
   *   t = pd.DataFrame({'events': g.size(), 'caller': known('caller_id'), 'channel': known('contact_type'),
   *       'priority': known('priority'), 'opened': g.opn.last(), 'first': g.resp.min(),
   *       'resolved': last.res.where(last.res.notna() | (last.incident_state != 'Closed'), last.clo),
   *       'reopen': g.reopen_count.apply(lambda s: s.astype(int).max())})
   *   len(t) -> 20769; un = t[t.caller.isna()] -> 3 incidents, un.events.sum() -> 29; t = t[t.caller.notna()]
   *   t.priority.value_counts(), t.channel.value_counts(), t.opened.dt.strftime('%Y-%m').value_counts()
   *   ((t['first'] - t.opened).dt.total_seconds() / 60).median() -> 21.0 (20,765 with a response)
   *   ((t.resolved - t.opened).dt.total_seconds() / 3600).median() -> 29.966666666666665
   *   (t.reopen > 0).sum() -> 234, t.reopen.sum() -> 276
   */
  @Test
  void realEventLogGivesOneTicketPerIncident() {
    assertEquals(119_998, report.inputRecords(), "events in the log (PROVENANCE.md)");
    assertEquals(20_769, report.units(), "incidents (PROVENANCE.md)");
    assertEquals(20_766, report.mapped());
    assertEquals(3, report.unmapped());
    assertEquals(29, report.recordsUnmapped(), "events of the unmapped incidents");
    assertEquals(Map.of("missing_value", 3L), report.unmappedByReason());
    assertEquals(
        Map.of("2016-02", 207L, "2016-03", 8_993L, "2016-04", 7_933L, "2016-05", 3_633L),
        report.rowsPerMonth());
    List<String> unmappedKeys =
        Landing.unmapped(out, "tickets", ServiceNowIncidents.FORMAT)
            .orderBy("key")
            .select("key")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertEquals(List.of("INC0005690", "INC0012463", "INC0016876"), unmappedKeys);
  }

  @Test
  void realEventLogFiguresMatchAnIndependentComputation() {
    Dataset<Row> tickets = Landing.csv(out, "tickets", ServiceNowIncidents.FORMAT);
    tickets.createOrReplaceTempView("imported_tickets");
    assertEquals(
        Map.of("P3", 19_552L, "P4", 657L, "P2", 337L, "P1", 220L), counts(tickets, "priority"));
    assertEquals(Map.of("phone", 20_730L, "email", 36L), counts(tickets, "channel"));
    Row figures =
        TestSpark.session()
            .sql(
                """
        SELECT count(first_reply_at),
               percentile((unix_timestamp(cast(first_reply_at AS timestamp)) - unix_timestamp(cast(created_at AS timestamp))) / 60, 0.5),
               percentile((unix_timestamp(cast(resolved_at AS timestamp)) - unix_timestamp(cast(created_at AS timestamp))) / 3600, 0.5),
               count_if(cast(reopened_count AS int) > 0),
               sum(cast(reopened_count AS int)),
               count(DISTINCT ticket_id)
        FROM imported_tickets""")
            .first();
    assertEquals(20_765L, figures.getLong(0));
    assertEquals(21.0, figures.getDouble(1), 1e-9, "median first-response minutes");
    assertEquals(29.966666666666665, figures.getDouble(2), 1e-9, "median resolution hours");
    assertEquals(234L, figures.getLong(3));
    assertEquals(276L, figures.getLong(4));
    assertEquals(20_766L, figures.getLong(5), "one ticket per incident");
  }

  @Test
  void importedTicketsPassIngest() {
    long accepted = 0;
    long quarantined = 0;
    for (String month : report.rowsPerMonth().keySet()) {
      BronzeIngest.Outcome outcome = Landing.ingest(out, "tickets", YearMonth.parse(month));
      assertEquals(
          report.rowsPerMonth().get(month), outcome.read(), "rows ingest read in " + month);
      assertEquals(outcome.read(), outcome.accepted() + outcome.quarantined());
      accepted += outcome.accepted();
      quarantined += outcome.quarantined();
    }
    assertEquals(
        report.mapped(), accepted + quarantined, "rows accepted + quarantined = rows imported");
    assertEquals(0, quarantined, "every imported ticket satisfies the tickets contract");
    assertTrue(accepted > 0);
  }

  private static Map<String, Long> counts(Dataset<Row> rows, String column) {
    Map<String, Long> counts = new HashMap<>();
    rows.groupBy(column)
        .count()
        .collectAsList()
        .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }
}
