package io.commpulse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.ContractCheck;
import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Determinism, sizes and contract conformance of the sample data, checked on the files themselves.
 */
class SampleDataGeneratorTest {
  static final YearMonth MONTH = YearMonth.of(2026, 10);
  static final YearMonth DIRTY_MONTH = YearMonth.of(2026, 9);
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final List<String> SOURCES =
      List.of(
          "roster",
          "decisions",
          "acknowledgements",
          "survey_responses",
          "tickets",
          "social_comments",
          "comm_log",
          "channel_experiments",
          "followups",
          "suggestions");

  /** Landing records of every source: CSV records after the header, or JSON lines. */
  static Map<String, Long> records(Path landing, YearMonth month) {
    Map<String, Long> counts = new TreeMap<>();
    for (String source : SOURCES) {
      TableContract contract = CATALOG.table("landing." + source);
      long n = 0;
      for (Path file : LandingFiles.files(landing, source, month.toString())) {
        n +=
            "jsonl".equals(contract.format())
                ? LandingFiles.lines(file).size()
                : LandingFiles.readCsv(file).records().size();
      }
      counts.put(source, n);
    }
    return counts;
  }

  @Test
  void sameSeedWritesByteIdenticalFiles() {
    Map<String, String> first = LandingFiles.hashes(GeneratedMonths.get(MONTH, 0.01, 7, 0));
    Path again = GeneratedMonths.fresh(MONTH, 0.01, 7, 0);
    assertEquals(first, LandingFiles.hashes(again));
    assertEquals(
        SOURCES.size(), first.size(), "one file per source without dirt: " + first.keySet());
  }

  @Test
  void aSelectionOfSourcesWritesThoseFilesExactlyAsAFullMonthDoes() {
    Map<String, String> full = LandingFiles.hashes(GeneratedMonths.get(MONTH, 0.01, 7, 0));
    Path only = TestSpark.tempDir("generate-some");
    Map<String, Long> written =
        new SampleDataGenerator(CATALOG, MONTH, 0.01, 7, 0, only)
            .generate(Set.of("tickets", "acknowledgements"));
    assertEquals(Set.of("tickets", "acknowledgements"), written.keySet());
    Map<String, String> some = LandingFiles.hashes(only);
    assertEquals(
        Set.of("tickets/2026-10/tickets.csv", "acknowledgements/2026-10/acknowledgements.csv"),
        some.keySet());
    some.forEach((file, hash) -> assertEquals(full.get(file), hash, file));
    GeneratedMonths.delete(only);
  }

  @Test
  void sameSeedWritesIdenticalDirtyFilesToo() {
    Map<String, String> first =
        LandingFiles.hashes(GeneratedMonths.get(DIRTY_MONTH, 0.01, 7, 0.05));
    assertEquals(first, LandingFiles.hashes(GeneratedMonths.fresh(DIRTY_MONTH, 0.01, 7, 0.05)));
    assertTrue(
        first.containsKey("comm_log/2026-09/comm_log_branch_office.csv"),
        first.keySet().toString());
  }

  @Test
  void differentSeedWritesDifferentFiles() {
    Map<String, String> seven = LandingFiles.hashes(GeneratedMonths.get(MONTH, 0.01, 7, 0));
    Map<String, String> eight = LandingFiles.hashes(GeneratedMonths.fresh(MONTH, 0.01, 8, 0));
    assertEquals(seven.keySet(), eight.keySet());
    for (String file : seven.keySet()) {
      assertNotEquals(seven.get(file), eight.get(file), file);
    }
  }

  @Test
  void sizesFollowTheScale() {
    Map<String, Long> small = records(GeneratedMonths.get(MONTH, 0.01, 7, 0), MONTH);
    Map<String, Long> tenth = records(GeneratedMonths.get(MONTH, 0.1, 7, 0), MONTH);
    // Scale 1 per the product brief: 10,000 employees, ~1M tickets, 500k social comments,
    // 60k survey answers, 200k acknowledgements, 300k log entries, 200k experiment units in an
    // average month; customer-facing sources follow the season, and October is a Golden Week
    // month at 1.06 of an average one (docs/sample-data.md).
    Map<String, Double> atScaleOne =
        Map.of(
            "tickets",
            1_000_000 * 1.06,
            "social_comments",
            500_000 * 1.06,
            "survey_responses",
            60_000.0,
            "acknowledgements",
            200_000.0,
            "comm_log",
            300_000.0,
            "channel_experiments",
            200_000.0);
    assertEquals(1_000L, tenth.get("roster"), "a 10,000-employee company at scale 0.1");
    assertEquals(100L, small.get("roster"));
    for (String source : atScaleOne.keySet()) {
      double ratio = (double) tenth.get(source) / small.get(source);
      assertEquals(10.0, ratio, 1.5, source + ": " + small + " vs " + tenth);
    }
  }

  @Test
  void csvRecordsAreOneLineEach() {
    Path landing = GeneratedMonths.get(MONTH, 0.01, 7, 0);
    for (String source : SOURCES) {
      for (Path file : LandingFiles.files(landing, source, MONTH.toString())) {
        long newlines = 0;
        for (byte b : LandingFiles.bytes(file)) {
          newlines += b == '\n' ? 1 : 0;
        }
        long records =
            file.toString().endsWith(".jsonl")
                ? LandingFiles.lines(file).size()
                : LandingFiles.readCsv(file).records().size() + 1;
        assertEquals(newlines, records, file.toString());
      }
    }
  }

  @Test
  void cleanMonthConformsToTheContracts() {
    Path landing = GeneratedMonths.get(MONTH, 0.01, 7, 0);
    Instant now = Instant.now();
    for (String source : SOURCES) {
      TableContract contract = CATALOG.table("landing." + source);
      Map<String, Long> reasons =
          new ContractCheck(contract, now)
              .classify(LandingFiles.files(landing, source, MONTH.toString()));
      assertEquals(Set.of("accepted"), reasons.keySet(), source + ": " + reasons);
      for (Path file : LandingFiles.files(landing, source, MONTH.toString())) {
        if (!"jsonl".equals(contract.format())) {
          assertEquals(
              contract.columnNames(), LandingFiles.readCsv(file).header(), file.toString());
        }
      }
    }
  }

  /**
   * A month's export is taken once the month is over, so no event in it lies after the month's end
   * (in company time); otherwise a month that has just ended would carry future timestamps. Its
   * records are the month's own, whose every timestamp lies in the month, and the previous month's
   * records completed this month (docs/sample-data.md), which may start in the previous month.
   */
  @Test
  void everyTimestampLiesWithinTheMonth() {
    YearMonth previous = MONTH.minusMonths(1);
    String previousId = String.valueOf(previous.getYear() * 100 + previous.getMonthValue());
    for (double scale : new double[] {0.01, 0.1}) {
      Path landing = GeneratedMonths.get(MONTH, scale, 7, 0);
      ZoneId company = ZoneId.of("Asia/Shanghai");
      Instant previousStart = previous.atDay(1).atStartOfDay(company).toInstant();
      Instant start = MONTH.atDay(1).atStartOfDay(company).toInstant();
      Instant end = MONTH.plusMonths(1).atDay(1).atStartOfDay(company).toInstant();
      long late = 0;
      for (String source : SOURCES) {
        TableContract contract = CATALOG.table("landing." + source);
        for (Path file : LandingFiles.files(landing, source, MONTH.toString())) {
          LandingFiles.Table table = new ContractCheck(contract, Instant.now()).read(file);
          for (Map<String, String> row : table.rows()) {
            boolean ofPreviousMonth =
                row.getOrDefault("ticket_id", "").startsWith("T" + previousId)
                    || row.getOrDefault("followup_id", "").startsWith("F" + previousId);
            late += ofPreviousMonth ? 1 : 0;
            Instant earliest = ofPreviousMonth ? previousStart : start;
            for (ColumnSpec column : contract.columns()) {
              String value = row.get(column.name());
              if (!column.isTimestamp() || value == null || value.isEmpty()) {
                continue;
              }
              Instant t = ContractCheck.instant(value, contract.sourceTimezone());
              assertFalse(
                  t.isBefore(earliest) || !t.isBefore(end),
                  "scale "
                      + scale
                      + " "
                      + source
                      + "."
                      + column.name()
                      + " = "
                      + value
                      + " is outside "
                      + (ofPreviousMonth ? previous + ".." : "")
                      + MONTH);
            }
          }
        }
      }
      assertTrue(late > 0, "records of " + previous + " completed in " + MONTH);
    }
  }
}
