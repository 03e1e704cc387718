package io.commpulse.imports;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.ingest.BronzeIngest;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.RealData;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMappingTest {
  private static final Path MAPPINGS =
      TestSpark.repoRoot().resolve("jobs/src/main/resources/import-mappings");

  @TempDir Path dir;

  /** A German helpdesk export as Excel writes it: semicolons, Windows-1252, day-first dates. */
  private Path helpdeskExport() throws IOException {
    Path file = dir.resolve("tickets.csv");
    Files.writeString(
        file,
        String.join(
            "\r\n",
            "Ticket-Nr.;Eingangskanal;Art;Priorität;Erstellt am;Erste Antwort;Gelöst am;Wiedereröffnet;Kunden-Nr.;Zufriedenheit;Geändert am",
            "100234;Telefon;Störung;Hoch;03.11.2025 09:15;03.11.2025 09:40;04.11.2025 16:00;0;K-778;4;04.11.2025 16:05",
            "100235;E-Mail;Reklamation;Mittel;30.11.2025 23:30;-;-;0;K-779;-;01.12.2025 08:00",
            "100236;Brief;Anfrage;Niedrig;05.11.2025 10:00;-;-;0;K-780;-;05.11.2025 10:00",
            "100237;Portal;Anfrage;Dringend;31.11.2025 10:00;-;-;0;K-781;-;05.11.2025 10:00",
            "100238;Chat;Verbesserungsvorschlag;Niedrig;06.11.2025 11:00;06.11.2025 11:01;-;0;;k.A.;06.11.2025 11:01",
            "100239;Portal;Frage zur Rechnung;Mittel;07.11.2025 08:00;07.11.2025 09:00;07.11.2025 10:00;0;K-783;7;07.11.2025 10:00",
            ""),
        Charset.forName("windows-1252"));
    return file;
  }

  @Test
  void mapsAHelpdeskExportWithValueMapsAndDayFirstDates() throws IOException {
    ColumnMapping mapping =
        ColumnMapping.load(MAPPINGS.resolve("helpdesk-tickets.json"), SchemaCatalog.get());
    try (ExportFile export = ExportFile.open(helpdeskExport())) {
      Map<String, Map<String, Object>> rows =
          ExportRows.byKey(
              mapping.rows(
                  export.read(TestSpark.session(), mapping.csv()),
                  SchemaCatalog.get().table("landing.tickets")));
      assertEquals(6, rows.size());

      Map<String, Object> expected = new HashMap<>();
      expected.put("ticket_id", "T100234");
      expected.put("channel", "phone");
      expected.put("category", "technical_support");
      expected.put("priority", "P1");
      expected.put("created_at", "2025-11-03T08:15:00Z");
      expected.put("first_reply_at", "2025-11-03T08:40:00Z");
      expected.put("first_reply_by_bot", null);
      expected.put("first_human_reply_at", "2025-11-03T08:40:00Z");
      expected.put("resolved_at", "2025-11-04T15:00:00Z");
      expected.put("reopened_count", "0");
      expected.put("customer_id", "K-778");
      expected.put("csat", "4");
      expected.put("updated_at", "2025-11-04T15:05:00Z");
      expected.put(SourceFields.MONTH, "2025-11");
      expected.put(SourceFields.PROBLEMS, List.of());
      Map<String, Object> first = rows.get("100234");
      expected.forEach((column, value) -> assertEquals(value, first.get(column), column));

      Map<String, Object> lateNight = rows.get("100235");
      assertEquals("2025-11-30T22:30:00Z", lateNight.get("created_at"));
      assertEquals(
          "2025-11", lateNight.get(SourceFields.MONTH), "month of the local (Berlin) time");
      assertNull(lateNight.get("first_reply_at"), "'-' means no value");

      assertEquals(
          List.of(
              "unknown_value: channel: column 'Eingangskanal' value 'Brief' is not in the value map"),
          rows.get("100236").get(SourceFields.PROBLEMS));
      assertEquals(
          List.of(
              "unknown_value: priority: column 'Priorität' value 'Dringend' is not in the value map",
              "bad_timestamp: created_at: column 'Erstellt am' value '31.11.2025 10:00' does not match [dd.MM.yyyy HH:mm]"),
          rows.get("100237").get(SourceFields.PROBLEMS));
      assertEquals(
          List.of(
              "missing_value: customer_id: column 'Kunden-Nr.' is empty but the column is required"),
          rows.get("100238").get(SourceFields.PROBLEMS));
      assertEquals(
          "technical_support",
          rows.get("100239").get("category"),
          "'otherwise' catches unlisted kinds");
    }
  }

  @Test
  void mappedRowsThatBreakTheContractAreQuarantinedByIngest() throws IOException {
    ColumnMapping mapping =
        ColumnMapping.load(MAPPINGS.resolve("helpdesk-tickets.json"), SchemaCatalog.get());
    Path out = dir.resolve("landing");
    ImportReport report =
        new ImportJob(TestSpark.session(), SchemaCatalog.get()).run(mapping, helpdeskExport(), out);
    assertEquals(6, report.units());
    assertEquals(3, report.mapped());
    assertEquals(3, report.unmapped());
    assertEquals(Map.of("missing_value", 1L, "unknown_value", 2L), report.unmappedByReason());
    assertEquals(3, Landing.unmapped(out, "tickets", ColumnMapping.FORMAT).count());

    BronzeIngest.Outcome outcome = Landing.ingest(out, "tickets", YearMonth.of(2025, 11));
    assertEquals(
        report.mapped(),
        outcome.accepted() + outcome.quarantined(),
        "rows accepted + quarantined = rows imported");
    assertEquals(1, outcome.quarantined(), "csat 7 maps but is outside the contract's 1..5");
  }

  /*
   * Independent figures, pandas 2:
   *   a = pd.read_csv('ab_data.csv', dtype=str); a.shape -> (294478, 5)
   *   a.group.value_counts() -> treatment 147276, control 147202; a.converted.value_counts() -> 0 259241, 1 35237
   *   pd.to_datetime(a.timestamp).dt.strftime('%Y-%m').value_counts() -> 2017-01 294478
   */
  @Test
  void mapsTheRealAbTestExportToChannelExperiments() {
    ColumnMapping mapping =
        ColumnMapping.load(MAPPINGS.resolve("ab-test-landing-page.json"), SchemaCatalog.get());
    Path out = dir.resolve("landing");
    ImportReport report =
        new ImportJob(TestSpark.session(), SchemaCatalog.get())
            .run(mapping, RealData.file("ab_data.csv"), out);
    assertEquals(294_478, report.inputRecords());
    assertEquals(294_478, report.mapped());
    assertEquals(0, report.unmapped());
    assertEquals(Map.of("2017-01", 294_478L), report.rowsPerMonth());
    Map<String, long[]> byVariant = new HashMap<>();
    for (Row r :
        Landing.csv(out, "channel_experiments", ColumnMapping.FORMAT)
            .groupBy("variant")
            .agg(count("*"), sum(col("acknowledged_48h").cast("int")))
            .collectAsList()) {
      byVariant.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    assertEquals(147_202L, byVariant.get("control")[0]);
    assertEquals(147_276L, byVariant.get("treatment")[0]);
    assertEquals(35_237L, byVariant.get("control")[1] + byVariant.get("treatment")[1]);
  }

  @Test
  void refusesMistakesInTheMappingFile() throws IOException {
    assertRefused(
        """
        {"source": "tickets", "columns": {"ticket_no": {"column": "a"}}}""",
        "tickets has no column 'ticket_no'");
    assertRefused(
        """
        {"source": "tickets", "columns": {"ticket_id": {"column": "a"}}}""",
        "required column 'channel' of tickets has no rule");
    assertRefused(
        """
        {"source": "comm_log", "columns": {"log_id": {"column": "id"}, "logged_at": {"column": "t"},
          "from_department": {"constant": "HR"}, "to_department": {"constant": "IT"},
          "channel": {"column": "c", "values": {"Mail": "mail"}}, "outcome": {"constant": "understood"},
          "misinformation_flag": {"constant": "false"}}}""",
        "'mail' is not one of [email");
    assertRefused(
        """
        {"source": "payroll", "columns": {}}""",
        "unknown source 'payroll'");
    assertRefused(
        """
        {"source": "roster", "columns": {"employee_id": {"column": "id"}, "department": {"column": "d"},
          "department_name_zh": {"column": "z"}, "department_name_en": {"column": "e"},
          "hire_date": {"column": "h", "formats": ["dd.MM.yyyy"]}}}""",
        "give \"month\": \"YYYY-MM\"");
    assertRefused(
        """
        {"source": "decisions", "columns": {"decision_id": {"column": "id", "constant": "D1"}}}""",
        "exactly one of \"column\" or \"constant\"");
  }

  private void assertRefused(String json, String expectedMessage) throws IOException {
    Path file = Files.createTempFile(dir, "mapping", ".json");
    Files.writeString(file, json);
    UserError e =
        assertThrows(UserError.class, () -> ColumnMapping.load(file, SchemaCatalog.get()));
    assertTrue(e.getMessage().contains(expectedMessage), e.getMessage());
  }
}
