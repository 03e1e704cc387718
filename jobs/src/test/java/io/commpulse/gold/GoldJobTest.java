package io.commpulse.gold;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.generate.SampleDataGenerator;
import io.commpulse.ingest.BronzeIngest;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.silver.PseudonymKey;
import io.commpulse.silver.SilverJob;
import io.commpulse.testing.TestSpark;
import io.commpulse.tickets.BusinessCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole month on a tiny lake: sample landing files (the generator's minimum sizes) plus
 * hand-written social comments with Chinese handles and e-mail addresses, ingested to bronze, then
 * silver and gold; then silver and gold run again over the same bronze.
 */
class GoldJobTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final Pattern EMPLOYEE_ID = Pattern.compile("E\\d{6}");
  private static final Pattern CUSTOMER_ID = Pattern.compile("C\\d{7}");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  /** Hand-written comments: what a real Weibo or Xiaohongshu export looks like. */
  private static final List<String> EXTRA_COMMENTS = List.of(
      "{\"platform\":\"weibo\",\"account\":\"official_weibo\",\"comment_id\":\"extra-1\",\"parent_id\":null,"
          + "\"author\":\"@小明同学\",\"is_official_reply\":false,\"created_at\":\"2026-10-05T02:00:00Z\","
          + "\"text\":\"@客服小美 我的订单还没到，请联系 xiaoming.li@example.cn\",\"sentiment\":\"negative\"}",
      "{\"platform\":\"weibo\",\"account\":\"official_weibo\",\"comment_id\":\"extra-1r\",\"parent_id\":\"extra-1\","
          + "\"author\":\"official_weibo\",\"is_official_reply\":true,\"created_at\":\"2026-10-05T03:00:00Z\","
          + "\"text\":\"@小明同学 您好，已私信\",\"sentiment\":\"neutral\"}",
      "{\"platform\":\"weibo\",\"account\":\"official_weibo\",\"comment_id\":\"extra-2\",\"parent_id\":null,"
          + "\"author\":\"@li.ming-88\",\"is_official_reply\":false,\"created_at\":\"2026-10-06T02:00:00Z\","
          + "\"text\":\"同意@小明同学，物流太慢了\",\"sentiment\":\"negative\"}",
      "{\"platform\":\"xiaohongshu\",\"account\":\"official_xiaohongshu\",\"comment_id\":\"extra-3\",\"parent_id\":null,"
          + "\"author\":\"@Zhang_San\",\"is_official_reply\":false,\"created_at\":\"2026-10-07T02:00:00Z\","
          + "\"text\":\"Contact me: zhang.san@mail.example.com or @Zhang_San\",\"sentiment\":\"neutral\"}");

  private static Lake lake;
  private static Path landing;
  private static Map<String, List<String>> firstRun;
  private static Map<String, List<String>> secondRun;
  private static Map<String, Long> firstVersions;

  @BeforeAll
  static void runTheMonthTwice() throws IOException {
    landing = TestSpark.tempDir("gold-landing");
    new SampleDataGenerator(CATALOG, MONTH, 0.001, 7, 0.0, landing).generateAll();
    Files.write(landing.resolve("social_comments").resolve(MONTH.toString()).resolve("handwritten.jsonl"),
        EXTRA_COMMENTS, StandardCharsets.UTF_8);
    lake = new Lake(TestSpark.session(), TestSpark.tempDir("gold-lake").toString());
    BronzeIngest ingest = new BronzeIngest(lake, CATALOG, landing.toString());
    Instant now = Instant.now();
    for (String source : ingest.sources("all")) {
      ingest.ingest(source, MONTH, now);
    }
    PseudonymKey key = PseudonymKey.of("gold-job-test-key-not-the-demo-key");
    GoldJob gold = new GoldJob(lake, CATALOG, BusinessCalendar.standard(), 5);
    new SilverJob(lake, CATALOG, key).run(MONTH);
    gold.run(MONTH);
    firstRun = snapshot();
    firstVersions = versions();
    new SilverJob(lake, CATALOG, key).run(MONTH);
    gold.run(MONTH);
    secondRun = snapshot();
  }

  private static List<TableContract> silverAndGold() {
    List<TableContract> tables = new ArrayList<>(CATALOG.layer("silver"));
    tables.addAll(CATALOG.layer("gold"));
    return tables.stream().filter(lake::exists).toList();
  }

  /** Every row of every silver and gold table, rendered and sorted: the tables' content, whatever the file layout. */
  private static Map<String, List<String>> snapshot() {
    Map<String, List<String>> content = new TreeMap<>();
    for (TableContract table : silverAndGold()) {
      content.put(table.qualifiedName(), lake.read(table).collectAsList().stream().map(Row::toString).sorted().toList());
    }
    return content;
  }

  private static Map<String, Long> versions() {
    Map<String, Long> versions = new TreeMap<>();
    for (TableContract table : silverAndGold()) {
      versions.put(table.qualifiedName(), lake.version(table));
    }
    return versions;
  }

  @Test
  void everySilverAndGoldTableIsWrittenAndNonEmpty() {
    Set<String> expected = new TreeSet<>();
    CATALOG.layer("silver").forEach(t -> expected.add(t.qualifiedName()));
    CATALOG.layer("gold").stream().filter(t -> !t.name().equals("ab_results"))
        .forEach(t -> expected.add(t.qualifiedName()));
    assertEquals(expected, firstRun.keySet());
    firstRun.forEach((table, rows) -> assertFalse(rows.isEmpty(), table + " is empty"));
    assertEquals(7, firstRun.get("gold.kpi_scorecard").size(), "one row per strategy KPI (no experiment results)");
  }

  @Test
  void rerunningTheMonthLeavesTheSameContent() {
    assertEquals(firstRun.keySet(), secondRun.keySet());
    for (String table : firstRun.keySet()) {
      assertEquals(firstRun.get(table), secondRun.get(table), table + " changed on rerun");
    }
    // ... and it really was rewritten, not skipped.
    versions().forEach((table, version) ->
        assertTrue(version > firstVersions.get(table), table + " was not rewritten"));
  }

  @Test
  void rawIdentifiersFromTheLandingDataDoNotReachSilverOrGold() throws IOException {
    Set<String> raw = rawIdentifiers();
    assertTrue(raw.stream().anyMatch(EMPLOYEE_ID.asPredicate()), "the landing data has employee ids to leak");
    assertTrue(raw.stream().anyMatch(CUSTOMER_ID.asPredicate()), "... customer ids");
    assertTrue(raw.contains("@小明同学") && raw.contains("xiaoming.li@example.cn"), "... handles and e-mail addresses");
    assertTrue(raw.stream().anyMatch(s -> s.endsWith("@staff.example.com")), "... work e-mail addresses");

    // The check has teeth: bronze still holds them.
    String bronzeRoster = String.join("\n", lake.read(CATALOG.table("bronze.roster")).collectAsList().stream()
        .map(Row::toString).toList());
    assertTrue(EMPLOYEE_ID.matcher(bronzeRoster).find() && bronzeRoster.contains("@staff.example.com"));

    for (Map.Entry<String, List<String>> table : secondRun.entrySet()) {
      for (String row : table.getValue()) {
        String where = table.getKey() + " row " + row;
        assertFalse(EMPLOYEE_ID.matcher(row).find(), where + " holds an employee id");
        assertFalse(CUSTOMER_ID.matcher(row).find(), where + " holds a customer id");
        assertFalse(EMAIL.matcher(row).find(), where + " holds an e-mail address");
        assertFalse(row.contains("@"), where + " holds an @handle");
        for (String identifier : raw) {
          String bare = identifier.startsWith("@") ? identifier.substring(1) : identifier;
          assertFalse(row.contains(bare), where + " holds " + identifier);
        }
      }
    }
  }

  @Test
  void handWrittenCommentsAreMaskedAndCounted() {
    Map<String, Row> comments = new TreeMap<>();
    lake.read(CATALOG.table("silver.social_comments")).where(col("comment_id").startsWith("extra-")).collectAsList()
        .forEach(r -> comments.put(r.getAs("comment_id"), r));
    assertEquals(Set.of("extra-1", "extra-1r", "extra-2", "extra-3"), comments.keySet());
    assertEquals("[handle] 我的订单还没到，请联系 [email]", comments.get("extra-1").getAs("text"));
    assertEquals("[handle] 您好，已私信", comments.get("extra-1r").getAs("text"));
    assertEquals("同意[handle]，物流太慢了", comments.get("extra-2").getAs("text"));
    assertEquals("Contact me: [email] or [handle]", comments.get("extra-3").getAs("text"));
  }

  /** Identifiers in the landing files: ids by pattern, every e-mail address, every non-official social author. */
  private static Set<String> rawIdentifiers() throws IOException {
    Set<String> raw = new TreeSet<>();
    Pattern author = Pattern.compile("\"author\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"is_official_reply\"\\s*:\\s*(false|\"false\")");
    try (Stream<Path> files = Files.walk(landing)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (Pattern p : List.of(EMPLOYEE_ID, CUSTOMER_ID, EMAIL)) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            raw.add(m.group());
          }
        }
        Matcher m = author.matcher(text);
        while (m.find()) {
          raw.add(m.group(1));
        }
      }
    }
    return raw;
  }
}
