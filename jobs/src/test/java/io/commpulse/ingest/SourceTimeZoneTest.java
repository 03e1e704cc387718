package io.commpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Naive landing timestamps are local time of the source's zone and become UTC instants; values with
 * an offset keep their instant. Expected instants are worked out by hand in the comments.
 */
class SourceTimeZoneTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 8);
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  private Path landing;
  private Path lakeDir;

  @BeforeEach
  void folders() {
    landing = TestSpark.tempDir("commpulse-fixture-");
    lakeDir = TestSpark.tempDir("commpulse-lake-");
  }

  @AfterEach
  void cleanUp() {
    GeneratedMonths.delete(landing);
    GeneratedMonths.delete(lakeDir);
  }

  private Map<String, Instant> submittedAt(SchemaCatalog catalog, String... rows) {
    StringBuilder csv =
        new StringBuilder("response_id,department,question_id,answer,submitted_at\n");
    for (String row : rows) {
      csv.append(row).append('\n');
    }
    LandingFiles.write(
        landing.resolve("survey_responses").resolve(MONTH.toString()).resolve("s.csv"),
        csv.toString());
    Lake lake = new Lake(TestSpark.session(), lakeDir.toString());
    BronzeIngest.Outcome outcome =
        new BronzeIngest(lake, catalog, landing.toString()).ingest("survey_responses", MONTH, NOW);
    assertEquals(rows.length, outcome.accepted(), "every row accepted");
    Map<String, Instant> instants = new TreeMap<>();
    for (Row r : lake.read(catalog.table("bronze.survey_responses")).collectAsList()) {
      instants.put(r.getAs("response_id"), ((Timestamp) r.getAs("submitted_at")).toInstant());
    }
    return instants;
  }

  @Test
  void shanghaiLocalTimeBecomesUtcAndOffsetsAreKept() {
    Map<String, Instant> at =
        submittedAt(
            SchemaCatalog.get(),
            "R1,SALES,overall,4,2026-08-10 09:00:00", // 09:00 at UTC+8 = 01:00Z
            "R2,SALES,overall,4,2026-08-10T09:00:00", // same, ISO separator
            "R3,SALES,overall,4,2026-08-01 03:00:00", // 03:00 at UTC+8 = previous day 19:00Z
            "R4,SALES,overall,4,2026-08-10T09:00:00Z", // already UTC
            "R5,SALES,overall,4,2026-08-10T09:00:00+02:00", // 09:00 at UTC+2 = 07:00Z
            "R6,SALES,overall,4,2026-08-10 09:00:00-05:00", // 09:00 at UTC-5 = 14:00Z
            "R7,SALES,overall,4,2026-08-10T09:00:00+08:00"); // explicit +08:00 = 01:00Z
    assertEquals(
        Map.of(
            "R1", Instant.parse("2026-08-10T01:00:00Z"),
            "R2", Instant.parse("2026-08-10T01:00:00Z"),
            "R3", Instant.parse("2026-07-31T19:00:00Z"),
            "R4", Instant.parse("2026-08-10T09:00:00Z"),
            "R5", Instant.parse("2026-08-10T07:00:00Z"),
            "R6", Instant.parse("2026-08-10T14:00:00Z"),
            "R7", Instant.parse("2026-08-10T01:00:00Z")),
        at);
  }

  @Test
  void daylightSavingTimeFollowsTheZoneRules() throws IOException {
    // The same contracts with the survey exported in Berlin time: CET (UTC+1) in winter,
    // CEST (UTC+2) from 2026-03-29 02:00 local to 2026-10-25 03:00 local.
    Path schemas = TestSpark.tempDir("commpulse-schemas-");
    try {
      Path repo = TestSpark.repoRoot().resolve("schemas");
      try (Stream<Path> files = Files.walk(repo)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(file);
          if (file.endsWith(Path.of("landing", "survey_responses.json"))) {
            text = text.replace("\"Asia/Shanghai\"", "\"Europe/Berlin\"");
          }
          LandingFiles.write(schemas.resolve(repo.relativize(file)), text);
        }
      }
      SchemaCatalog berlin = SchemaCatalog.fromDirectory(schemas);
      assertEquals("Europe/Berlin", berlin.table("landing.survey_responses").sourceTimezone());
      Map<String, Instant> at =
          submittedAt(
              berlin,
              "R1,SALES,overall,4,2026-03-29 01:30:00", // CET: 00:30Z
              "R2,SALES,overall,4,2026-03-29 03:30:00", // CEST: 01:30Z
              "R3,SALES,overall,4,2026-07-01 12:00:00", // CEST: 10:00Z
              "R4,SALES,overall,4,2026-10-25 12:00:00", // CET again: 11:00Z
              "R5,SALES,overall,4,2026-07-01T12:00:00Z"); // offset given: kept
      assertEquals(
          Map.of(
              "R1", Instant.parse("2026-03-29T00:30:00Z"),
              "R2", Instant.parse("2026-03-29T01:30:00Z"),
              "R3", Instant.parse("2026-07-01T10:00:00Z"),
              "R4", Instant.parse("2026-10-25T11:00:00Z"),
              "R5", Instant.parse("2026-07-01T12:00:00Z")),
          at);
    } finally {
      GeneratedMonths.delete(schemas);
    }
  }

  @Test
  void utcSourcesKeepNaiveValuesAsUtc() {
    String rest =
        "\"account\": \"a\", \"parent_id\": null, \"author\": \"@u\", \"is_official_reply\": false,"
            + " \"text\": \"t\", \"sentiment\": \"neutral\", \"platform\": \"weibo\"";
    LandingFiles.write(
        landing.resolve("social_comments").resolve(MONTH.toString()).resolve("c.jsonl"),
        String.join(
            "\n",
            "{\"comment_id\": \"c1\", \"created_at\": \"2026-08-10 09:00:00\", "
                + rest
                + "}", // naive, zone UTC
            "{\"comment_id\": \"c2\", \"created_at\": \"2026-08-10T09:00:00+08:00\", "
                + rest
                + "}", // 01:00Z
            "{\"comment_id\": \"c3\", \"created_at\": \"2026-08-10T09:00:00.250Z\", "
                + rest
                + "}", // fraction kept
            ""));
    SchemaCatalog catalog = SchemaCatalog.get();
    Lake lake = new Lake(TestSpark.session(), lakeDir.toString());
    new BronzeIngest(lake, catalog, landing.toString()).ingest("social_comments", MONTH, NOW);
    Map<String, Instant> at = new TreeMap<>();
    lake.read(catalog.table("bronze.social_comments"))
        .collectAsList()
        .forEach(
            r -> at.put(r.getAs("comment_id"), ((Timestamp) r.getAs("created_at")).toInstant()));
    assertEquals(
        Map.of(
            "c1", Instant.parse("2026-08-10T09:00:00Z"),
            "c2", Instant.parse("2026-08-10T01:00:00Z"),
            "c3", Instant.parse("2026-08-10T09:00:00.250Z")),
        at);
  }
}
