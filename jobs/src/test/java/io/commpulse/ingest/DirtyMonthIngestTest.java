package io.commpulse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.ContractCheck;
import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated month with 5% dirty rows, ingested twice. Expected counts come from reading the
 * landing files with {@link LandingFiles} and the contracts with {@link ContractCheck}.
 */
class DirtyMonthIngestTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 9);
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

  /** Rerun for idempotency: a CSV source, the JSON-lines source and a source with two files. */
  private static final List<String> RERUN = List.of("tickets", "social_comments", "comm_log");

  private static SchemaCatalog catalog;
  private static Path landing;
  private static Path lakeDir;
  private static Lake lake;

  /** Per source: expected reason code counts, "accepted" for rows that should reach bronze. */
  private static final Map<String, Map<String, Long>> expected = new TreeMap<>();

  private static final Map<String, BronzeIngest.Outcome> firstRun = new HashMap<>();

  /** Table contents collected once after each run: Spark jobs are the slow part of these tests. */
  private static final Map<String, List<Row>> bronzeFirst = new HashMap<>();

  private static final Map<String, List<Row>> quarantineFirst = new HashMap<>();
  private static final Map<String, List<Row>> bronzeSecond = new HashMap<>();
  private static final Map<String, List<Row>> quarantineSecond = new HashMap<>();
  private static List<Row> audit;

  @BeforeAll
  static void ingestTwice() {
    catalog = SchemaCatalog.get();
    landing = GeneratedMonths.get(MONTH, 0.01, 7, 0.05);
    lakeDir = TestSpark.tempDir("commpulse-lake-");
    lake = new Lake(TestSpark.session(), lakeDir.toString());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (String source : SOURCES) {
      expected.put(
          source,
          new ContractCheck(catalog.table("landing." + source), now)
              .classify(LandingFiles.files(landing, source, MONTH.toString())));
    }
    BronzeIngest ingest = new BronzeIngest(lake, catalog, landing.toString());
    for (String source : SOURCES) {
      firstRun.put(source, ingest.ingest(source, MONTH, now));
      bronzeFirst.put(source, bronzeTable(source).collectAsList());
      quarantineFirst.put(source, quarantineTable(source).collectAsList());
    }
    for (String source : RERUN) {
      ingest.ingest(source, MONTH, now.plusSeconds(3600));
      bronzeSecond.put(source, bronzeTable(source).collectAsList());
      quarantineSecond.put(source, quarantineTable(source).collectAsList());
    }
    audit =
        lake.read(catalog.table("ops.ingest_audit"))
            .where(col("month").equalTo(MONTH.toString()))
            .collectAsList();
  }

  @AfterAll
  static void cleanUp() {
    GeneratedMonths.delete(lakeDir);
  }

  private static Dataset<Row> bronzeTable(String source) {
    return lake.read(catalog.table("bronze." + source))
        .where(col("month").equalTo(MONTH.toString()));
  }

  private static Dataset<Row> quarantineTable(String source) {
    return lake.read(catalog.table("bronze.quarantine"))
        .where(col("month").equalTo(MONTH.toString()).and(col("source").equalTo(source)));
  }

  /** bronze.<source> for the month as the last run left it. */
  private static List<Row> bronze(String source) {
    return bronzeSecond.getOrDefault(source, bronzeFirst.get(source));
  }

  /** bronze.quarantine rows of the source and month as the last run left them. */
  private static List<Row> quarantine(String source) {
    return quarantineSecond.getOrDefault(source, quarantineFirst.get(source));
  }

  private static Stream<Row> quarantine(String source, String reasonCode) {
    return quarantine(source).stream().filter(r -> reasonCode.equals(r.getAs("reason_code")));
  }

  /** Every row as text, without ingested_at (the one column a rerun may change), sorted. */
  private static List<String> sortedRows(List<Row> rows) {
    List<String> text = new ArrayList<>();
    for (Row r : rows) {
      StringBuilder line = new StringBuilder();
      for (String field : r.schema().fieldNames()) {
        if (!field.equals("ingested_at")) {
          line.append(field).append('=').append((Object) r.getAs(field)).append(' ');
        }
      }
      text.add(line.toString());
    }
    Collections.sort(text);
    return text;
  }

  private static long expectedTotal(String source) {
    return expected.get(source).values().stream().mapToLong(Long::longValue).sum();
  }

  private static long expectedQuarantined(String source) {
    return expectedTotal(source) - expected.get(source).getOrDefault("accepted", 0L);
  }

  @Test
  void landingFilesHaveDirtInEverySource() {
    for (String source :
        List.of(
            "tickets",
            "social_comments",
            "comm_log",
            "survey_responses",
            "channel_experiments",
            "acknowledgements")) {
      assertTrue(expectedQuarantined(source) > 0, source + ": " + expected.get(source));
    }
  }

  @Test
  void rowsAreConservedPerSource() {
    for (String source : SOURCES) {
      long records = expectedTotal(source);
      long accepted = bronze(source).size();
      long quarantined = quarantine(source).size();
      assertEquals(records, accepted + quarantined, source);
      BronzeIngest.Outcome outcome = firstRun.get(source);
      assertEquals(records, outcome.read(), source);
      assertEquals(accepted, outcome.accepted(), source);
      assertEquals(quarantined, outcome.quarantined(), source);
    }
  }

  @Test
  void quarantineReasonsMatchAnIndependentReadingOfTheFiles() {
    for (String source : SOURCES) {
      Map<String, Long> actual = new TreeMap<>();
      quarantine(source).forEach(r -> actual.merge(r.getAs("reason_code"), 1L, Long::sum));
      actual.put("accepted", (long) bronze(source).size());
      Map<String, Long> want = new TreeMap<>(expected.get(source));
      want.putIfAbsent("accepted", 0L);
      assertEquals(want, actual, source);
    }
  }

  @Test
  void everyKindOfDirtyRowIsQuarantinedWithItsReason() {
    Set<String> all = new TreeSet<>();
    SOURCES.forEach(s -> all.addAll(expected.get(s).keySet()));
    assertTrue(
        all.containsAll(
            List.of(
                "malformed",
                "wrong_type",
                "out_of_range",
                "missing_required",
                "duplicate",
                "future_timestamp",
                "encoding")),
        all.toString());
    // Hand-listed from each contract: which kinds of bad row the source can carry.
    Map<String, List<String>> kinds =
        Map.of(
            "tickets",
                List.of(
                    "malformed",
                    "wrong_type",
                    "out_of_range",
                    "missing_required",
                    "duplicate",
                    "future_timestamp"),
            "channel_experiments",
                List.of(
                    "malformed",
                    "wrong_type",
                    "out_of_range",
                    "missing_required",
                    "duplicate",
                    "future_timestamp"),
            "social_comments",
                List.of(
                    "malformed", "wrong_type", "missing_required", "duplicate", "future_timestamp"),
            "comm_log",
                List.of(
                    "malformed",
                    "wrong_type",
                    "missing_required",
                    "duplicate",
                    "future_timestamp",
                    "encoding"));
    kinds.forEach(
        (source, codes) -> {
          Set<String> found = new TreeSet<>();
          quarantine(source).forEach(r -> found.add(r.getAs("reason_code")));
          assertEquals(new TreeSet<>(codes), found, source);
        });
  }

  @Test
  void unparseableTimestampsAreWrongTypeAndFutureOnesFutureTimestamp() {
    long unparseable = 0;
    long future = 0;
    for (String source : SOURCES) {
      for (Row r :
          quarantine(source).stream()
              .filter(
                  r ->
                      ((String) r.getAs("raw")).contains("2026-13-45 25:61:00")
                          && !"malformed".equals(r.getAs("reason_code")))
              .toList()) {
        assertEquals("wrong_type", r.getAs("reason_code"), r.toString());
        assertTrue(
            ((String) r.getAs("reason")).contains("' is not a valid timestamp"), r.toString());
        unparseable++;
      }
      for (Row r :
          quarantine(source).stream()
              .filter(
                  r ->
                      ((String) r.getAs("raw")).contains("2031-01-01 09:00:00")
                          && !"malformed".equals(r.getAs("reason_code")))
              .toList()) {
        assertEquals("future_timestamp", r.getAs("reason_code"), r.toString());
        assertTrue(
            ((String) r.getAs("reason")).contains(": 2031-01-01 09:00:00 is in the future"),
            r.toString());
        future++;
      }
    }
    assertTrue(unparseable > 0 && future > 0, unparseable + " / " + future);
  }

  @Test
  void theGbkFileIsQuarantinedForItsEncoding() {
    Path gbk =
        landing.resolve("comm_log").resolve(MONTH.toString()).resolve("comm_log_branch_office.csv");
    List<LandingFiles.Record> records = LandingFiles.readCsv(gbk).records();
    assertFalse(LandingFiles.isUtf8(LandingFiles.bytes(gbk)));
    List<Row> rows =
        quarantine("comm_log").stream()
            .filter(r -> "comm_log_branch_office.csv".equals(r.getAs("source_file")))
            .toList();
    assertEquals(records.size(), rows.size());
    for (Row r : rows) {
      assertEquals("encoding", r.getAs("reason_code"));
      assertTrue(
          ((String) r.getAs("reason")).startsWith("topic: text is not valid UTF-8"), r.toString());
    }
    assertTrue(
        bronze("comm_log").stream()
            .noneMatch(r -> "comm_log_branch_office.csv".equals(r.getAs("source_file"))));
  }

  @Test
  void malformedRecordsKeepTheirRawText() {
    for (String source : List.of("tickets", "social_comments")) {
      TableContract contract = catalog.table("landing." + source);
      ContractCheck check = new ContractCheck(contract, Instant.now());
      Set<String> malformed = new TreeSet<>();
      for (Path file : LandingFiles.files(landing, source, MONTH.toString())) {
        LandingFiles.Table table = check.read(file);
        table.records().stream()
            .filter(r -> "malformed".equals(check.reason(r, table.header().size())))
            .forEach(r -> malformed.add(r.text()));
      }
      Set<String> raw = new TreeSet<>();
      quarantine(source, "malformed").forEach(r -> raw.add(r.getAs("raw")));
      assertFalse(malformed.isEmpty(), source);
      assertEquals(malformed, raw, source);
    }
  }

  @Test
  void auditRecordsEveryRunWithTheSameAccounting() {
    for (String source : SOURCES) {
      List<Row> runs = audit.stream().filter(r -> source.equals(r.getAs("source"))).toList();
      assertEquals(RERUN.contains(source) ? 2 : 1, runs.size(), source + ": one audit row per run");
      String batch = bronze(source).get(0).getAs("batch_id");
      for (Row run : runs) {
        assertEquals(expectedTotal(source), (long) run.getAs("rows_read"), source);
        assertEquals(
            expected.get(source).getOrDefault("accepted", 0L),
            (long) run.getAs("rows_accepted"),
            source);
        assertEquals(expectedQuarantined(source), (long) run.getAs("rows_quarantined"), source);
        assertEquals(
            expected.get(source).getOrDefault("duplicate", 0L),
            (long) run.getAs("duplicates"),
            source);
        assertEquals(
            LandingFiles.files(landing, source, MONTH.toString()).size(),
            (int) run.getAs("files"),
            source);
        assertEquals("succeeded", run.getAs("status"));
        assertEquals(batch, run.getAs("batch_id"), source);
        assertTrue((long) run.getAs("duration_ms") > 0, source);
      }
      if (runs.size() == 2) {
        assertFalse(runs.get(0).getAs("run_id").equals(runs.get(1).getAs("run_id")), source);
      }
    }
  }

  @Test
  void rerunGivesTheSameTablesWithoutDuplicates() {
    for (String source : RERUN) {
      assertEquals(
          sortedRows(bronzeFirst.get(source)),
          sortedRows(bronzeSecond.get(source)),
          "bronze." + source);
      assertEquals(
          sortedRows(quarantineFirst.get(source)),
          sortedRows(quarantineSecond.get(source)),
          "quarantine of " + source);
      assertTrue(
          bronzeSecond.get(source).stream()
              .allMatch(
                  r ->
                      r.<Timestamp>getAs("ingested_at")
                          .after(bronzeFirst.get(source).get(0).<Timestamp>getAs("ingested_at"))),
          "the rerun rewrote " + source);
      assertEquals(
          expected.get(source).getOrDefault("accepted", 0L),
          (long) bronzeSecond.get(source).size(),
          source);
    }
    for (String source : SOURCES) {
      List<String> keys = catalog.table("bronze." + source).keys();
      Set<List<Object>> seen = new HashSet<>();
      for (Row r : bronze(source)) {
        List<Object> key = keys.stream().map(k -> (Object) r.getAs(k)).toList();
        assertTrue(seen.add(key), "bronze." + source + " repeats key " + keys + " = " + key);
      }
    }
  }

  @Test
  void bronzeRowsCarryTheirIngestionMetadata() {
    for (String source : SOURCES) {
      List<Row> rows = bronze(source);
      assertEquals(
          catalog.table("bronze." + source).columnNames(),
          List.of(rows.get(0).schema().fieldNames()),
          source);
      Set<String> files = new TreeSet<>();
      rows.forEach(r -> files.add(r.getAs("source_file")));
      Set<String> landed = new TreeSet<>();
      LandingFiles.files(landing, source, MONTH.toString())
          .forEach(f -> landed.add(f.getFileName().toString()));
      landed.remove("comm_log_branch_office.csv");
      assertEquals(landed, files, source);
      Set<String> batches = new TreeSet<>();
      rows.forEach(r -> batches.add(r.getAs("batch_id")));
      assertEquals(1, batches.size(), source);
      assertTrue(batches.iterator().next().matches("[0-9a-f]{16}"), source);
      assertTrue(rows.stream().allMatch(r -> r.getAs("ingested_at") != null), source);
      assertTrue(rows.stream().allMatch(r -> MONTH.toString().equals(r.getAs("month"))), source);
    }
  }
}
