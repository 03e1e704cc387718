package io.commpulse.gold;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static io.commpulse.testing.Frames.utc;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.silver.PseudonymKey;
import io.commpulse.silver.SilverJob;
import io.commpulse.testing.TestSpark;
import io.commpulse.tickets.BusinessCalendar;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The silver and gold jobs on a tiny lake: one month of every bronze source, written by hand the
 * way the landing exports look (employee and customer numbers, work e-mail addresses, social
 * handles in Chinese and Latin script, addresses inside comment text, a re-exported ticket). Silver
 * and gold run once, then gold runs again over the same silver.
 */
class GoldJobTest {
  private static final String MONTH = "2026-10";
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final Pattern EMPLOYEE_ID = Pattern.compile("E\\d{6}");
  private static final Pattern CUSTOMER_ID = Pattern.compile("C\\d{7}");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final String[] DEPARTMENTS = {
    "OPS", "OPS", "OPS", "OPS", "OPS", "OPS", "SALES", "SALES", "SALES", "SALES", "SALES", "HR",
    "HR"
  };

  private static Lake lake;

  /** Every identifying value written to bronze: what must not come out the other end. */
  private static final Set<String> RAW = new TreeSet<>();

  private static Map<String, List<String>> firstRun;
  private static Map<String, List<String>> secondRun;
  private static Map<String, Long> firstVersions;

  @BeforeAll
  static void runTheMonth() {
    lake = new Lake(TestSpark.session(), TestSpark.tempDir("gold-lake").toString());
    writeBronze();
    new SilverJob(lake, CATALOG, PseudonymKey.of("gold-job-test-key-not-the-demo-key"))
        .run(java.time.YearMonth.parse(MONTH));
    GoldJob gold = new GoldJob(lake, CATALOG, BusinessCalendar.standard(), 5, "CS");
    gold.run(java.time.YearMonth.parse(MONTH));
    firstRun = snapshot("silver", "gold");
    firstVersions = versions();
    gold.run(java.time.YearMonth.parse(MONTH));
    secondRun = snapshot("gold");
  }

  private static Map<String, Object> bronze(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>(rec(namesAndValues));
    row.put("month", MONTH);
    row.put("source_file", "export.csv");
    row.put("batch_id", "batch-2026-10");
    row.put("ingested_at", utc("2026-11-01T00:00:00Z"));
    return row;
  }

  private static void write(String source, List<Map<String, Object>> rows) {
    TableContract table = CATALOG.table("bronze." + source);
    lake.replaceMonth(table, frame(table, rows), MONTH);
  }

  private static String employeeId(int i) {
    return String.format("E%06d", 100 + i);
  }

  private static void writeBronze() {
    List<Map<String, Object>> roster = new ArrayList<>();
    List<Map<String, Object>> acks = new ArrayList<>();
    List<Map<String, Object>> answers = new ArrayList<>();
    List<Map<String, Object>> units = new ArrayList<>();
    for (int i = 0; i < DEPARTMENTS.length; i++) {
      String id = employeeId(i);
      String email = id.toLowerCase() + "@staff.example.com";
      RAW.add(id);
      RAW.add(email);
      roster.add(
          bronze(
              "employee_id",
              id,
              "email",
              email,
              "department",
              DEPARTMENTS[i],
              "department_name_zh",
              "部门" + DEPARTMENTS[i],
              "department_name_en",
              DEPARTMENTS[i],
              "hire_date",
              Date.valueOf("2021-03-01")));
      if (i < 11) {
        acks.add(
            bronze(
                "decision_id",
                "D2026-10-01",
                "employee_id",
                id,
                "aware_at",
                shanghai("2026-10-09 1" + (i % 8) + ":00"),
                "channel",
                i % 3 == 0 ? "wecom" : "email"));
      }
      // Each employee fills in the survey: OPS 6, SALES 5, HR 2 respondents.
      String token = "R-" + Integer.toHexString(0xa000 + i * 7919);
      RAW.add(token);
      answers.add(
          bronze(
              "response_id",
              token,
              "department",
              DEPARTMENTS[i],
              "question_id",
              "overall",
              "answer",
              1 + (i * 3) % 5,
              "submitted_at",
              shanghai("2026-10-20 12:00")));
      String unit = id + "-0";
      RAW.add(unit);
      units.add(
          bronze(
              "experiment_id",
              "X2026-10-wecom",
              "unit_id",
              unit,
              "variant",
              i % 2 == 0 ? "control" : "wecom",
              "split_weight",
              0.5,
              "assigned_at",
              shanghai("2026-10-02 09:00"),
              "acknowledged_48h",
              i % 3 == 0 ? 0 : 1,
              "hours_to_ack",
              2.0 + i,
              "clarity_rating",
              1 + i % 5,
              "pre_period_hours_to_ack",
              3.0 + i));
    }
    write("roster", roster);
    write(
        "decisions",
        List.of(
            bronze(
                "decision_id",
                "D2026-10-01",
                "title_zh",
                "办公室搬迁通知",
                "title_en",
                "Office relocation notice",
                "owner_department",
                "OPS",
                "published_at",
                shanghai("2026-10-09 09:30"),
                "channels",
                "email;wecom")));
    write("acknowledgements", acks);
    write("survey_responses", answers);
    write("channel_experiments", units);

    List<Map<String, Object>> tickets = new ArrayList<>();
    String[][] t = {
      // id, customer, channel, category, created, human reply, bot
      {
        "T1001",
        "C0012345",
        "phone",
        "service_complaint",
        "2026-10-12 10:00",
        "2026-10-12 12:00",
        "false"
      },
      {
        "T1002",
        "C0012346",
        "online_chat",
        "service_complaint",
        "2026-10-12 17:00",
        "2026-10-13 10:00",
        "true"
      },
      {
        "T1003",
        "C0012347",
        "email",
        "technical_support",
        "2026-10-16 16:00",
        "2026-10-19 11:00",
        "false"
      },
      {"T1004", "C0012345", "web", "product_suggestion", "2026-10-20 10:00", null, "false"}
    };
    for (String[] r : t) {
      RAW.add(r[1]);
      tickets.add(
          bronze(
              "ticket_id",
              r[0],
              "channel",
              r[2],
              "category",
              r[3],
              "priority",
              "P2",
              "created_at",
              shanghai(r[4]),
              "first_reply_at",
              r[5] == null ? null : shanghai(r[5]),
              "first_reply_by_bot",
              Boolean.valueOf(r[6]),
              "first_human_reply_at",
              r[5] == null ? null : shanghai(r[5]),
              "reopened_count",
              0,
              "customer_id",
              r[1],
              "csat",
              4,
              "updated_at",
              shanghai(r[4])));
    }
    // T1001 exported again after it was resolved: the later record is the current one.
    tickets.add(
        bronze(
            "ticket_id",
            "T1001",
            "channel",
            "phone",
            "category",
            "service_complaint",
            "priority",
            "P2",
            "created_at",
            shanghai("2026-10-12 10:00"),
            "first_reply_at",
            shanghai("2026-10-12 12:00"),
            "first_reply_by_bot",
            false,
            "first_human_reply_at",
            shanghai("2026-10-12 12:00"),
            "resolved_at",
            shanghai("2026-10-12 15:00"),
            "reopened_count",
            0,
            "customer_id",
            "C0012345",
            "csat",
            5,
            "updated_at",
            shanghai("2026-10-12 15:00")));
    write("tickets", tickets);

    List<Map<String, Object>> social = new ArrayList<>();
    social.add(
        comment(
            "weibo",
            "w-1",
            null,
            "@小明同学",
            false,
            "2026-10-05T02:00:00Z",
            "@客服小美 我的订单还没到，请联系 xiaoming.li@example.cn",
            "negative"));
    social.add(
        comment(
            "weibo",
            "w-1r",
            "w-1",
            "official_weibo",
            true,
            "2026-10-05T03:00:00Z",
            "@小明同学 您好，已私信",
            "neutral"));
    social.add(
        comment(
            "weibo",
            "w-2",
            null,
            "@li.ming-88",
            false,
            "2026-10-06T02:00:00Z",
            "同意@小明同学，物流太慢了",
            "negative"));
    social.add(
        comment(
            "xiaohongshu",
            "x-1",
            null,
            "@Zhang_San",
            false,
            "2026-10-07T02:00:00Z",
            "Contact me: zhang.san@mail.example.com or @Zhang_San",
            "neutral"));
    social.add(
        comment(
            "douyin",
            "d-1",
            null,
            "@user483920",
            false,
            "2026-10-08T02:00:00Z",
            "点赞！",
            "positive"));
    social.add(
        comment(
            "douyin",
            "d-1r",
            "d-1",
            "official_douyin",
            true,
            "2026-10-08T20:00:00Z",
            "谢谢支持",
            "neutral"));
    RAW.addAll(
        List.of(
            "@小明同学",
            "@客服小美",
            "@li.ming-88",
            "@Zhang_San",
            "@user483920",
            "xiaoming.li@example.cn",
            "zhang.san@mail.example.com"));
    write("social_comments", social);

    List<Map<String, Object>> log = new ArrayList<>();
    String[] categories = {"process", "process", "skill", "tool", null, null};
    for (int i = 0; i < categories.length; i++) {
      log.add(
          bronze(
              "log_id",
              "L" + (500 + i),
              "logged_at",
              shanghai("2026-10-1" + i + " 10:00"),
              "from_department",
              i < 3 ? "OPS" : "SALES",
              "to_department",
              "HR",
              "channel",
              "email",
              "topic",
              "排班调整",
              "outcome",
              i == 0 ? "misunderstood" : "understood",
              "misinformation_flag",
              i == 0,
              "problem_category",
              categories[i]));
    }
    write("comm_log", log);

    RAW.addAll(List.of("C0099001", "C0099002"));
    write(
        "followups",
        List.of(
            bronze(
                "followup_id",
                "F1",
                "customer_id",
                "C0099001",
                "segment",
                "key_account",
                "cadence",
                "monthly",
                "planned_date",
                Date.valueOf("2026-10-15"),
                "done_at",
                shanghai("2026-10-15 10:00"),
                "issue_category",
                "service_complaint",
                "updated_at",
                shanghai("2026-10-15 10:00")),
            bronze(
                "followup_id",
                "F2",
                "customer_id",
                "C0099002",
                "segment",
                "smb",
                "cadence",
                "quarterly",
                "planned_date",
                Date.valueOf("2026-10-20"),
                "updated_at",
                shanghai("2026-10-20 00:00"))));
    List<Map<String, Object>> suggestions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      suggestions.add(
          bronze(
              "suggestion_id",
              "S" + (10 + i),
              "channel",
              "online",
              "category",
              "process",
              "department",
              i < 5 ? "OPS" : null,
              "submitted_at",
              shanghai("2026-10-0" + (1 + i) + " 09:00"),
              "status",
              "received",
              "rewarded",
              false,
              "updated_at",
              shanghai("2026-10-0" + (1 + i) + " 09:00")));
    }
    write("suggestions", suggestions);
  }

  private static Map<String, Object> comment(
      String platform,
      String id,
      String parent,
      String author,
      boolean official,
      String created,
      String text,
      String sentiment) {
    return bronze(
        "platform",
        platform,
        "account",
        "official_" + platform,
        "comment_id",
        id,
        "parent_id",
        parent,
        "author",
        author,
        "is_official_reply",
        official,
        "created_at",
        utc(created),
        "text",
        text,
        "sentiment",
        sentiment);
  }

  /**
   * Every row of every table of the layers, rendered and sorted: the content, whatever the file
   * layout.
   */
  private static Map<String, List<String>> snapshot(String... layers) {
    Map<String, List<String>> content = new TreeMap<>();
    for (String layer : layers) {
      for (TableContract table : CATALOG.layer(layer)) {
        if (lake.exists(table)) {
          content.put(
              table.qualifiedName(),
              lake.read(table).collectAsList().stream().map(Row::toString).sorted().toList());
        }
      }
    }
    return content;
  }

  /** The Delta versions of the first and the last table the gold job writes. */
  private static Map<String, Long> versions() {
    Map<String, Long> versions = new TreeMap<>();
    for (String table : List.of("gold.satisfaction", "gold.kpi_scorecard")) {
      versions.put(table, lake.version(CATALOG.table(table)));
    }
    return versions;
  }

  @Test
  void everySilverAndGoldTableIsWritten() {
    Set<String> expected = new TreeSet<>();
    CATALOG.layer("silver").forEach(t -> expected.add(t.qualifiedName()));
    CATALOG.layer("gold").forEach(t -> expected.add(t.qualifiedName()));
    assertEquals(expected, firstRun.keySet());
    firstRun.forEach((table, rows) -> assertFalse(rows.isEmpty(), table + " is empty"));
    assertEquals(
        4, firstRun.get("silver.tickets").size(), "T1001's two export records are one ticket");
    assertEquals(
        8,
        firstRun.get("gold.kpi_scorecard").size(),
        "one row per strategy KPI, the experiments' included");
  }

  @Test
  void goldFiguresFollowFromTheBronzeRows() {
    Map<String, Row> satisfaction = new TreeMap<>();
    lake.readMonth(CATALOG.table("gold.satisfaction"), MONTH)
        .collectAsList()
        .forEach(r -> satisfaction.put(r.getAs("department"), r));
    // 13 respondents: OPS 6, SALES 5, HR 2. HR is too small, SALES the smallest other department.
    assertEquals("small_group", satisfaction.get("HR").getAs("suppression_reason"));
    assertEquals("complementary", satisfaction.get("SALES").getAs("suppression_reason"));
    assertEquals(6L, (long) satisfaction.get("OPS").getAs("respondents"));
    assertEquals(13L, (long) satisfaction.get("ALL").getAs("respondents"));

    Row coverage =
        lake.readMonth(CATALOG.table("gold.coverage"), MONTH)
            .where(col("department").equalTo("ALL"))
            .first();
    assertEquals(13L, (long) coverage.getAs("employees"));
    assertEquals(11L, (long) coverage.getAs("aware"), "the first eleven employees acknowledged");
    Row byDepartments =
        lake.readMonth(CATALOG.table("gold.department_scorecard"), MONTH)
            .where("kpi = 'information_coverage'")
            .agg(sum("numerator"), sum("denominator"))
            .first();
    assertEquals(
        11L,
        byDepartments.getLong(0),
        "department scorecards add up to the company's aware employees");
    assertEquals(13L, byDepartments.getLong(1));
    Row followups =
        lake.readMonth(CATALOG.table("gold.followup_coverage"), MONTH)
            .where("segment = 'ALL'")
            .first();
    assertEquals(2L, (long) followups.getAs("planned"));
    assertEquals(1L, (long) followups.getAs("done"));
    Row box =
        lake.readMonth(CATALOG.table("gold.feedback_loop"), MONTH)
            .where("breakdown = 'all'")
            .first();
    assertEquals(6L, (long) box.getAs("received"));

    Row sla =
        lake.readMonth(CATALOG.table("gold.response_sla"), MONTH)
            .where("channel = 'ALL' AND category = 'ALL' AND priority = 'ALL'")
            .first();
    assertEquals(4L, (long) sla.getAs("tickets"));
    // The current record of T1001 (resolved 5 h after creation) is the one counted.
    assertEquals(
        5.0,
        (double)
            lake.readMonth(CATALOG.table("gold.response_sla"), MONTH)
                .where("channel = 'phone' AND category = 'ALL' AND priority = 'ALL'")
                .first()
                .getAs("resolution_hours_median"),
        1e-12);
  }

  @Test
  void aSelectionOfGoldTablesRewritesOnlyThose() {
    long satisfaction = lake.version(CATALOG.table("gold.satisfaction"));
    long scorecard = lake.version(CATALOG.table("gold.kpi_scorecard"));
    new GoldJob(lake, CATALOG, BusinessCalendar.standard(), 5, "CS")
        .run(java.time.YearMonth.parse(MONTH), Set.of("kpi_scorecard"), 2);
    assertEquals(
        satisfaction,
        lake.version(CATALOG.table("gold.satisfaction")),
        "not selected: not written");
    assertTrue(
        lake.version(CATALOG.table("gold.kpi_scorecard")) > scorecard, "selected: rewritten");
    assertEquals(
        firstRun.get("gold.kpi_scorecard"),
        snapshot("gold").get("gold.kpi_scorecard"),
        "rebuilt from the stored tables: the same scorecard");
    assertThrows(
        UserError.class,
        () ->
            new GoldJob(lake, CATALOG, BusinessCalendar.standard(), 5, "CS")
                .run(java.time.YearMonth.parse(MONTH), Set.of("no_such_table"), 2));
  }

  @Test
  void rerunningGoldLeavesTheSameContent() {
    assertEquals(CATALOG.layer("gold").size(), secondRun.size());
    for (String table : secondRun.keySet()) {
      assertEquals(firstRun.get(table), secondRun.get(table), table + " changed on rerun");
    }
    // ... and the tables really were rewritten, not skipped.
    versions()
        .forEach(
            (table, version) ->
                assertTrue(version > firstVersions.get(table), table + " was not rewritten"));
  }

  @Test
  void noRawIdentifierReachesSilverOrGold() {
    // The check has teeth: bronze still holds them.
    String bronzeRoster =
        String.join(
            "\n",
            lake.read(CATALOG.table("bronze.roster")).collectAsList().stream()
                .map(Row::toString)
                .toList());
    assertTrue(
        EMPLOYEE_ID.matcher(bronzeRoster).find() && bronzeRoster.contains("@staff.example.com"));

    for (Map.Entry<String, List<String>> table : firstRun.entrySet()) {
      for (String row : table.getValue()) {
        String where = table.getKey() + " row " + row;
        assertFalse(EMPLOYEE_ID.matcher(row).find(), where + " holds an employee id");
        assertFalse(CUSTOMER_ID.matcher(row).find(), where + " holds a customer id");
        assertFalse(EMAIL.matcher(row).find(), where + " holds an e-mail address");
        assertFalse(row.contains("@"), where + " holds an @handle");
        for (String identifier : RAW) {
          String bare = identifier.startsWith("@") ? identifier.substring(1) : identifier;
          assertFalse(row.contains(bare), where + " holds " + identifier);
        }
      }
    }
  }

  @Test
  void anAnonymityThresholdBelowThreeIsRefused() {
    assertThrows(
        UserError.class, () -> new GoldJob(lake, CATALOG, BusinessCalendar.standard(), 2, "CS"));
  }

  @Test
  void socialTextIsMasked() {
    Map<String, Object> texts = new TreeMap<>();
    lake.read(CATALOG.table("silver.social_comments"))
        .collectAsList()
        .forEach(r -> texts.put(r.getAs("comment_id"), r.getAs("text")));
    assertEquals("[handle] 我的订单还没到，请联系 [email]", texts.get("w-1"));
    assertEquals("[handle] 您好，已私信", texts.get("w-1r"));
    assertEquals("同意[handle]，物流太慢了", texts.get("w-2"));
    assertEquals("Contact me: [email] or [handle]", texts.get("x-1"));
  }
}
