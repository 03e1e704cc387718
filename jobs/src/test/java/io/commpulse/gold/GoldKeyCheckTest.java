package io.commpulse.gold;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.cli.KnownFailures;
import io.commpulse.lake.KeyViolationException;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.SchemaCopies;
import io.commpulse.testing.TestSpark;
import io.commpulse.tickets.BusinessCalendar;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gold month is written only when its rows satisfy the table's key: a repeated or null key is one
 * clear error naming the table, the key and an offending value, and the table keeps its Delta
 * version and rows. gold.social_response (key: month, platform) is computed from three hand-made
 * comments: an inbound comment and its reply on weibo, an unanswered one on douyin, so the metric
 * gives weibo, douyin and ALL.
 */
class GoldKeyCheckTest {
  private static final String MONTH = "2026-10";
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final TableContract SOCIAL = CATALOG.table("gold.social_response");

  private static Lake lake;
  private static long version;
  private static List<String> stored;

  private static Map<String, Object> comment(
      String platform, String id, String parent, boolean official, String created) {
    Map<String, Object> row =
        new LinkedHashMap<>(
            rec(
                "platform",
                platform,
                "account",
                "official_" + platform,
                "comment_id",
                id,
                "parent_id",
                parent,
                "author_key",
                "k-" + id,
                "is_official_reply",
                official,
                "created_at",
                utc(created),
                "text",
                "text",
                "sentiment",
                "neutral",
                "source_timezone",
                "UTC"));
    row.put("month", MONTH);
    row.put("batch_id", "batch-1");
    return row;
  }

  @BeforeAll
  static void writeTheMonth() {
    lake = new Lake(TestSpark.session(), TestSpark.tempDir("gold-keys").toString());
    TableContract silver = CATALOG.table("silver.social_comments");
    lake.replaceMonth(
        silver,
        frame(
            silver,
            List.of(
                comment("weibo", "w-1", null, false, "2026-10-05T02:00:00Z"),
                comment("weibo", "w-1r", "w-1", true, "2026-10-05T03:00:00Z"),
                comment("douyin", "d-1", null, false, "2026-10-06T02:00:00Z"))),
        MONTH);
    new GoldJob(lake, CATALOG, BusinessCalendar.standard(), 5, "CS")
        .run(YearMonth.parse(MONTH), Set.of("social_response"), 1);
    version = lake.version(SOCIAL);
    stored = content();
  }

  private static List<String> content() {
    return lake.read(SOCIAL).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<Row> storedRows() {
    return lake.readMonth(SOCIAL, MONTH).collectAsList();
  }

  private static void assertUnchanged() {
    assertEquals(version, lake.version(SOCIAL), "no commit");
    assertEquals(stored, content(), "the rows are as they were");
  }

  /** What the command line prints for the failure: one line. */
  private static String printed(Throwable failure) {
    String line =
        KnownFailures.explain(failure)
            .orElseThrow(() -> new AssertionError("not a known failure", failure));
    assertFalse(line.contains("\n"), line);
    return line;
  }

  @Test
  void theMetricsRowsSatisfyTheKeyAndAreWritten() {
    assertEquals(List.of("month", "platform"), SOCIAL.keys());
    assertEquals(3, stored.size(), "weibo, douyin and ALL");
  }

  @Test
  void aRepeatedKeyIsRefusedAndNothingIsWritten() {
    List<Row> rows = new java.util.ArrayList<>(storedRows());
    Row weibo =
        rows.stream().filter(r -> "weibo".equals(r.getAs("platform"))).findFirst().orElseThrow();
    rows.add(weibo);
    Dataset<Row> shape = lake.readMonth(SOCIAL, MONTH);
    KeyViolationException e =
        assertThrows(
            KeyViolationException.class,
            () -> lake.replaceMonth(SOCIAL, rows, shape.schema(), MONTH));
    assertEquals(
        "gold.social_response: not written, as 2 rows to write have the key (month=2026-10,"
            + " platform=weibo); the key (month, platform) must be unique. The table is as it was",
        printed(e));
    assertUnchanged();
  }

  @Test
  void aNullKeyIsRefusedAndNothingIsWritten() {
    List<Row> rows = new java.util.ArrayList<>();
    for (Row r : storedRows()) {
      Object[] cells = new Object[r.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = r.get(i);
      }
      if ("douyin".equals(r.getAs("platform"))) {
        cells[r.fieldIndex("platform")] = null;
      }
      rows.add(org.apache.spark.sql.RowFactory.create(cells));
    }
    Dataset<Row> shape = lake.readMonth(SOCIAL, MONTH);
    KeyViolationException e =
        assertThrows(
            KeyViolationException.class,
            () -> lake.replaceMonth(SOCIAL, rows, shape.schema(), MONTH));
    assertEquals(
        "gold.social_response: not written, as key column platform is null in a row to write"
            + " (month=2026-10, platform=null); every column of the key (month, platform) must be set."
            + " The table is as it was",
        printed(e));
    assertUnchanged();
  }

  @Test
  void theGoldJobChecksEveryTableItWrites() {
    // A contract whose key the metric cannot satisfy: one row per month, where the metric gives one
    // per platform.
    SchemaCatalog monthOnly =
        SchemaCatalog.fromDirectory(
            SchemaCopies.withReplaced(
                "gold/social_response.json",
                "\"keys\": [\"month\", \"platform\"]",
                "\"keys\": [\"month\"]"));
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                new GoldJob(lake, monthOnly, BusinessCalendar.standard(), 5, "CS")
                    .run(YearMonth.parse(MONTH), Set.of("social_response"), 1));
    String line = printed(e);
    assertTrue(
        line.startsWith(
            "gold.social_response: not written, as 3 rows to write have the key (month=2026-10)"),
        line);
    assertTrue(line.contains("the key (month) must be unique"), line);
    assertUnchanged();
  }
}
