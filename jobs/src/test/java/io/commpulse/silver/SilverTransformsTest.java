package io.commpulse.silver;

import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static io.commpulse.testing.Frames.utc;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Bronze-to-silver rules on hand-made bronze rows: which record of a key survives, what gets
 * pseudonymised or masked, and what the silver contract keeps. Pseudonyms are checked against the
 * Python HMAC digests in jobs/src/test/reference/gold_reference.py (section "PseudonymizerTest").
 */
class SilverTransformsTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final Pseudonymizer DEMO = new Pseudonymizer(PseudonymKey.demo());
  // Python hmac.new(b"commpulse-public-demo-key-not-secret", <id>, hashlib.sha256).hexdigest() of
  // each id.
  private static final String E000123_KEY =
      "700062a576bd7cae34d09d1682f1caccc3210cdc31fb02aa17da5a49758409a2";
  private static final String E999999_KEY =
      "61ebb6d2b8cd0376c08486490c3a26bac109778bcc1074c4f6795b79d845f35b";
  private static final String C1234567_KEY =
      "a5e8f565bd766954f80120c49caccdaecba70481010890352e261f44d04a1dd7";
  private static final String R_7F3A_KEY =
      "541798002868ac8dafa8da8792b59720e00eaff102cb00d09156bc30aae8332c";
  private static final String USER123456_KEY =
      "36b88ab5b5032ddcb1d2f3ead52557ad3cf313493e91f947d022c983896d9171";

  /** A bronze row: the given columns plus the ingestion metadata every bronze table carries. */
  private static Map<String, Object> bronze(String sourceFile, Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>(rec(namesAndValues));
    row.put("month", "2026-10");
    row.put("source_file", sourceFile);
    row.put("batch_id", "batch-1");
    row.put("ingested_at", utc("2026-11-01T00:00:00Z"));
    return row;
  }

  private static Map<String, Object> ticket(String file, String id, String updated, Integer csat) {
    return bronze(
        file,
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
        shanghai(updated));
  }

  /** The key the silver contract declares, within one month: what SilverJob de-duplicates on. */
  private static List<String> keys(String silverTable) {
    return SilverTransforms.keyWithinMonth(CATALOG.table("silver." + silverTable));
  }

  private static Dataset<Row> tickets(List<Map<String, Object>> rows) {
    return frame(CATALOG.table("bronze.tickets"), rows);
  }

  @Test
  void theLatestRecordOfAKeyWins() {
    Dataset<Row> silver =
        SilverTransforms.tickets(
            tickets(
                List.of(
                    ticket("a.csv", "T1", "2026-10-12 10:00", null),
                    ticket("a.csv", "T1", "2026-10-12 12:00", 4),
                    ticket("b.csv", "T1", "2026-10-12 11:00", 2))),
            keys("tickets"),
            DEMO,
            "Asia/Shanghai");
    List<Row> rows = silver.collectAsList();
    assertEquals(1, rows.size());
    assertEquals(shanghai("2026-10-12 12:00"), rows.get(0).getAs("updated_at"));
    assertEquals(4, (int) rows.get(0).getAs("csat"));
  }

  @Test
  void tiesGoToTheLaterSourceFileThenToTheSmallestValues() {
    List<Map<String, Object>> input =
        new ArrayList<>(
            List.of(
                // same updated_at in two files: the later file (b.csv) wins
                ticket("a.csv", "T2", "2026-10-12 10:00", 1),
                ticket("b.csv", "T2", "2026-10-12 10:00", 5),
                // same updated_at in the same file: the rows differ only in csat; ascending, nulls
                // last -> 3
                ticket("a.csv", "T3", "2026-10-12 10:00", null),
                ticket("a.csv", "T3", "2026-10-12 10:00", 3)));
    Map<String, Row> first =
        byKey(SilverTransforms.tickets(tickets(input), keys("tickets"), DEMO, "UTC"), "ticket_id");
    assertEquals(5, (int) first.get("T2").getAs("csat"));
    assertEquals(3, (int) first.get("T3").getAs("csat"));

    // Whatever the input order and partitioning, the same rows survive.
    for (int attempt = 0; attempt < 3; attempt++) {
      Collections.reverse(input);
      Collections.rotate(input, attempt);
      Dataset<Row> shuffled = tickets(input).repartition(3);
      Map<String, Row> again =
          byKey(SilverTransforms.tickets(shuffled, keys("tickets"), DEMO, "UTC"), "ticket_id");
      assertEquals(first.get("T2").getAs("csat"), (Object) again.get("T2").getAs("csat"));
      assertEquals(first.get("T3").getAs("csat"), (Object) again.get("T3").getAs("csat"));
    }
  }

  @Test
  void ticketsArePseudonymisedAndTheSilverContractDropsTheCustomerId() {
    Dataset<Row> silver =
        Lake.conform(
            CATALOG.table("silver.tickets"),
            SilverTransforms.tickets(
                tickets(List.of(ticket("a.csv", "T1", "2026-10-12 10:00", 4))),
                keys("tickets"),
                DEMO,
                "Asia/Shanghai"));
    Row row = silver.first();
    assertFalse(List.of(silver.columns()).contains("customer_id"));
    assertEquals(C1234567_KEY, row.getAs("customer_key"));
    assertEquals("Asia/Shanghai", row.getAs("source_timezone"));
    assertFalse(row.toString().contains("C1234567"));
  }

  @Test
  void employeesKeepTheLatestHireAndLoseIdAndEmail() {
    Dataset<Row> roster =
        frame(
            CATALOG.table("bronze.roster"),
            List.of(
                bronze(
                    "roster.csv",
                    "employee_id",
                    "E000123",
                    "email",
                    "e000123@staff.example.com",
                    "department",
                    "OPS",
                    "department_name_zh",
                    "运营部",
                    "department_name_en",
                    "Operations",
                    "hire_date",
                    Date.valueOf("2020-03-01"),
                    "leave_date",
                    Date.valueOf("2023-12-31")),
                bronze(
                    "roster.csv",
                    "employee_id",
                    "E000123",
                    "email",
                    "e000123@staff.example.com",
                    "department",
                    "SALES",
                    "department_name_zh",
                    "销售部",
                    "department_name_en",
                    "Sales",
                    "hire_date",
                    Date.valueOf("2024-06-01"))));
    Dataset<Row> silver =
        Lake.conform(
            CATALOG.table("silver.employees"),
            SilverTransforms.employees(roster, keys("employees"), DEMO));
    List<Row> rows = silver.collectAsList();
    assertEquals(1, rows.size(), "one row per employee");
    Row row = rows.get(0);
    assertEquals(E000123_KEY, row.getAs("employee_key"));
    assertEquals("SALES", row.getAs("department"), "the rehire (latest hire_date) wins");
    assertNull(row.getAs("leave_date"));
    assertFalse(List.of(silver.columns()).contains("employee_id"));
    assertFalse(List.of(silver.columns()).contains("email"));
    assertFalse(
        row.toString().contains("E000123") || row.toString().contains("@staff.example.com"),
        row.toString());
  }

  @Test
  void decisionChannelsBecomeAListAndTheLatestPublicationWins() {
    Dataset<Row> decisions =
        frame(
            CATALOG.table("bronze.decisions"),
            List.of(
                bronze(
                    "d.csv",
                    "decision_id",
                    "D2026-10-01",
                    "title_zh",
                    "预算",
                    "title_en",
                    "Budget",
                    "owner_department",
                    "FIN",
                    "published_at",
                    shanghai("2026-10-08 09:00"),
                    "channels",
                    "email"),
                bronze(
                    "d.csv",
                    "decision_id",
                    "D2026-10-01",
                    "title_zh",
                    "预算（更正）",
                    "title_en",
                    "Budget (corrected)",
                    "owner_department",
                    "FIN",
                    "published_at",
                    shanghai("2026-10-09 09:00"),
                    "channels",
                    " email ; wecom;intranet "),
                bronze(
                    "d.csv",
                    "decision_id",
                    "D2026-10-02",
                    "title_zh",
                    "搬迁",
                    "title_en",
                    "Move",
                    "owner_department",
                    "OPS",
                    "published_at",
                    shanghai("2026-10-10 09:00"),
                    "channels",
                    "email;wecom;")));
    Map<String, Row> silver =
        byKey(
            Lake.conform(
                CATALOG.table("silver.decisions"),
                SilverTransforms.decisions(decisions, keys("decisions"), "Asia/Shanghai")),
            "decision_id");
    Row corrected = silver.get("D2026-10-01");
    assertEquals("Budget (corrected)", corrected.getAs("title_en"));
    assertEquals(
        List.of("email", "wecom", "intranet"), corrected.getList(corrected.fieldIndex("channels")));
    assertEquals("Asia/Shanghai", corrected.getAs("source_timezone"));
    Row trailing = silver.get("D2026-10-02");
    assertEquals(
        List.of("email", "wecom"),
        trailing.getList(trailing.fieldIndex("channels")),
        "a trailing separator does not make an empty channel");
  }

  @Test
  void acknowledgementsKeepTheEarliestAwarenessAndTheRosterDepartment() {
    Dataset<Row> roster =
        frame(
            CATALOG.table("bronze.roster"),
            List.of(
                bronze(
                    "roster.csv",
                    "employee_id",
                    "E000123",
                    "email",
                    "x@staff.example.com",
                    "department",
                    "OPS",
                    "department_name_zh",
                    "运营部",
                    "department_name_en",
                    "Operations",
                    "hire_date",
                    Date.valueOf("2020-03-01"))));
    Dataset<Row> employees =
        Lake.conform(
            CATALOG.table("silver.employees"),
            SilverTransforms.employees(roster, keys("employees"), DEMO));
    Dataset<Row> acks =
        frame(
            CATALOG.table("bronze.acknowledgements"),
            List.of(
                bronze(
                    "a.csv",
                    "decision_id",
                    "D1",
                    "employee_id",
                    "E000123",
                    "aware_at",
                    shanghai("2026-10-09 10:00"),
                    "channel",
                    "email"),
                bronze(
                    "a.csv",
                    "decision_id",
                    "D1",
                    "employee_id",
                    "E000123",
                    "aware_at",
                    shanghai("2026-10-09 09:00"),
                    "channel",
                    "wecom"),
                bronze(
                    "a.csv",
                    "decision_id",
                    "D1",
                    "employee_id",
                    "E999999",
                    "aware_at",
                    shanghai("2026-10-09 09:00"),
                    "channel",
                    "email")));
    Dataset<Row> silver =
        Lake.conform(
            CATALOG.table("silver.acknowledgements"),
            SilverTransforms.acknowledgements(
                acks, keys("acknowledgements"), employees, DEMO, "Asia/Shanghai"));
    Map<String, Row> rows = byKey(silver, "employee_key");
    assertEquals(2, rows.size());
    Row known = rows.get(E000123_KEY);
    assertEquals(shanghai("2026-10-09 09:00"), known.getAs("aware_at"));
    assertEquals("wecom", known.getAs("channel"));
    assertEquals("OPS", known.getAs("department"));
    Row unknown = rows.get(E999999_KEY);
    assertNull(unknown.getAs("department"), "not on the roster: no department");
    assertFalse(List.of(silver.columns()).contains("employee_id"));
  }

  @Test
  void surveyAnswersKeepTheLatestSubmissionAndNothingThatIdentifiesTheRespondent() {
    Dataset<Row> responses =
        frame(
            CATALOG.table("bronze.survey_responses"),
            List.of(
                bronze(
                    "s.csv",
                    "response_id",
                    "R-7f3a",
                    "department",
                    "OPS",
                    "question_id",
                    "overall",
                    "answer",
                    2,
                    "submitted_at",
                    shanghai("2026-10-20 10:00")),
                bronze(
                    "s.csv",
                    "response_id",
                    "R-7f3a",
                    "department",
                    "OPS",
                    "question_id",
                    "overall",
                    "answer",
                    4,
                    "submitted_at",
                    shanghai("2026-10-20 11:00")),
                bronze(
                    "s.csv",
                    "response_id",
                    "R-7f3a",
                    "department",
                    "OPS",
                    "question_id",
                    "conv_find",
                    "answer",
                    3,
                    "submitted_at",
                    shanghai("2026-10-20 10:00"))));
    Dataset<Row> silver =
        Lake.conform(
            CATALOG.table("silver.survey_answers"),
            SilverTransforms.surveyAnswers(responses, keys("survey_answers"), DEMO));
    assertEquals(
        java.util.Set.of(
            "respondent_key", "department", "question_id", "answer", "month", "batch_id"),
        java.util.Set.of(silver.columns()),
        "no response token, no submission time");
    Map<String, Row> rows = byKey(silver, "question_id");
    assertEquals(4, (int) rows.get("overall").getAs("answer"));
    assertEquals(R_7F3A_KEY, rows.get("overall").getAs("respondent_key"));
    assertEquals(
        R_7F3A_KEY,
        rows.get("conv_find").getAs("respondent_key"),
        "one questionnaire keeps one key");
  }

  @Test
  void socialTextLosesHandlesAndEmailAddresses() {
    String[][] cases = {
      // {text as posted, text in silver}
      {"@zhang_san 你们的客服呢？", "[handle] 你们的客服呢？"},
      {"联系我 li.ming@example.com 或 @li_ming", "联系我 [email] 或 [handle]"},
      {"Ping @user123456, thanks", "Ping [handle], thanks"},
      {"@小明同学 说得对", "[handle] 说得对"},
      {"同意@王小红", "同意[handle]"},
      {"谢谢 @li.ming-99.", "谢谢 [handle]."},
      {"Great service, thanks!", "Great service, thanks!"},
      {null, null}
    };
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      rows.add(
          bronze(
              "c.jsonl",
              "platform",
              "weibo",
              "account",
              "official_weibo",
              "comment_id",
              "c" + i,
              "author",
              "@user123456",
              "is_official_reply",
              false,
              "created_at",
              utc("2026-10-05T00:00:00Z"),
              "text",
              cases[i][0],
              "sentiment",
              "neutral"));
    }
    Dataset<Row> silver =
        Lake.conform(
            CATALOG.table("silver.social_comments"),
            SilverTransforms.socialComments(
                frame(CATALOG.table("bronze.social_comments"), rows),
                keys("social_comments"),
                DEMO,
                "UTC"));
    Map<String, Row> byId = byKey(silver, "comment_id");
    for (int i = 0; i < cases.length; i++) {
      Row row = byId.get("c" + i);
      assertEquals(cases[i][1], row.getAs("text"), "masking of: " + cases[i][0]);
      assertEquals(USER123456_KEY, row.getAs("author_key"));
    }
    assertFalse(List.of(silver.columns()).contains("author"));
  }

  @Test
  void socialCommentsAreKeyedByPlatformAndId() {
    Dataset<Row> comments =
        frame(
            CATALOG.table("bronze.social_comments"),
            List.of(
                bronze(
                    "c.jsonl",
                    "platform",
                    "weibo",
                    "account",
                    "w",
                    "comment_id",
                    "x1",
                    "author",
                    "@a_user",
                    "is_official_reply",
                    false,
                    "created_at",
                    utc("2026-10-05T00:00:00Z"),
                    "text",
                    "first"),
                bronze(
                    "c.jsonl",
                    "platform",
                    "weibo",
                    "account",
                    "w",
                    "comment_id",
                    "x1",
                    "author",
                    "@a_user",
                    "is_official_reply",
                    false,
                    "created_at",
                    utc("2026-10-05T00:05:00Z"),
                    "text",
                    "edited"),
                bronze(
                    "c.jsonl",
                    "platform",
                    "douyin",
                    "account",
                    "d",
                    "comment_id",
                    "x1",
                    "author",
                    "@b_user",
                    "is_official_reply",
                    false,
                    "created_at",
                    utc("2026-10-05T00:00:00Z"),
                    "text",
                    "other platform")));
    Map<String, Row> rows =
        byKey(
            SilverTransforms.socialComments(comments, keys("social_comments"), DEMO, "UTC"),
            "platform",
            "comment_id");
    assertEquals(2, rows.size());
    assertEquals("edited", rows.get("weibo/x1").getAs("text"));
    assertEquals("other platform", rows.get("douyin/x1").getAs("text"));
  }

  @Test
  void commLogKeepsTheLatestEntryPerId() {
    Dataset<Row> log =
        frame(
            CATALOG.table("bronze.comm_log"),
            List.of(
                bronze(
                    "l.csv",
                    "log_id",
                    "L1",
                    "logged_at",
                    shanghai("2026-10-05 09:00"),
                    "from_department",
                    "OPS",
                    "to_department",
                    "SALES",
                    "channel",
                    "email",
                    "outcome",
                    "understood",
                    "misinformation_flag",
                    false),
                bronze(
                    "l.csv",
                    "log_id",
                    "L1",
                    "logged_at",
                    shanghai("2026-10-05 10:00"),
                    "from_department",
                    "OPS",
                    "to_department",
                    "SALES",
                    "channel",
                    "email",
                    "outcome",
                    "misunderstood",
                    "misinformation_flag",
                    true,
                    "problem_category",
                    "process")));
    List<Row> rows =
        Lake.conform(
                CATALOG.table("silver.comm_log"),
                SilverTransforms.commLog(log, keys("comm_log"), "Asia/Shanghai"))
            .collectAsList();
    assertEquals(1, rows.size());
    assertTrue((Boolean) rows.get(0).getAs("misinformation_flag"));
    assertEquals("process", rows.get(0).getAs("problem_category"));
  }

  /** Conformed to the silver contract, rendered and sorted: the content, whatever the order. */
  private static List<String> content(String silverTable, Dataset<Row> rows) {
    return Lake.conform(CATALOG.table("silver." + silverTable), rows).collectAsList().stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  /**
   * Exact repeats and key repeats: the silver contract's key keeps one row per ticket, per
   * respondent and question, per employee, per decision and employee. The expected rows are worked
   * out by hand, and the result is also compared with the column lists the transformations used to
   * fix in code (repeated here).
   */
  @Test
  void theContractKeyKeepsTheRowsTheFormerFixedKeysKept() {
    Dataset<Row> tickets =
        tickets(
            List.of(
                ticket("a.csv", "T1", "2026-10-12 10:00", null),
                ticket("a.csv", "T1", "2026-10-12 12:00", 4),
                ticket("b.csv", "T1", "2026-10-12 11:00", 2),
                ticket("a.csv", "T2", "2026-10-12 10:00", 5),
                ticket("a.csv", "T2", "2026-10-12 10:00", 5),
                ticket("a.csv", "T3", "2026-10-13 10:00", 1)));
    Dataset<Row> silverTickets = SilverTransforms.tickets(tickets, keys("tickets"), DEMO, "UTC");
    Map<String, Row> byTicket = byKey(silverTickets, "ticket_id");
    assertEquals(List.of("T1", "T2", "T3"), List.copyOf(byTicket.keySet()));
    assertEquals(
        4, (int) byTicket.get("T1").getAs("csat"), "T1: the 12:00 record, the latest of three");
    assertEquals(5, (int) byTicket.get("T2").getAs("csat"));
    assertEquals(
        content(
            "tickets",
            SilverTransforms.firstPerKey(tickets, List.of("ticket_id"), col("updated_at").desc())
                .withColumn("customer_key", DEMO.apply(col("customer_id")))
                .withColumn("source_timezone", org.apache.spark.sql.functions.lit("UTC"))),
        content("tickets", silverTickets));

    Dataset<Row> responses =
        frame(
            CATALOG.table("bronze.survey_responses"),
            List.of(
                bronze(
                    "s.csv",
                    "response_id",
                    "R-7f3a",
                    "department",
                    "OPS",
                    "question_id",
                    "overall",
                    "answer",
                    2,
                    "submitted_at",
                    shanghai("2026-10-20 10:00")),
                bronze(
                    "s.csv",
                    "response_id",
                    "R-7f3a",
                    "department",
                    "OPS",
                    "question_id",
                    "overall",
                    "answer",
                    4,
                    "submitted_at",
                    shanghai("2026-10-20 11:00")),
                bronze(
                    "s.csv",
                    "response_id",
                    "R-7f3a",
                    "department",
                    "OPS",
                    "question_id",
                    "conv_find",
                    "answer",
                    3,
                    "submitted_at",
                    shanghai("2026-10-20 10:00")),
                bronze(
                    "s.csv",
                    "response_id",
                    "R-7f3a",
                    "department",
                    "OPS",
                    "question_id",
                    "conv_find",
                    "answer",
                    3,
                    "submitted_at",
                    shanghai("2026-10-20 10:00")),
                bronze(
                    "s.csv",
                    "response_id",
                    "R-0001",
                    "department",
                    "HR",
                    "question_id",
                    "overall",
                    "answer",
                    5,
                    "submitted_at",
                    shanghai("2026-10-21 10:00"))));
    Dataset<Row> answers = SilverTransforms.surveyAnswers(responses, keys("survey_answers"), DEMO);
    Map<String, Row> byAnswer = byKey(answers, "respondent_key", "question_id");
    assertEquals(3, byAnswer.size(), "R-7f3a answered two questions, R-0001 one");
    assertEquals(
        4, (int) byAnswer.get(R_7F3A_KEY + "/overall").getAs("answer"), "the 11:00 submission");
    assertEquals(3, (int) byAnswer.get(R_7F3A_KEY + "/conv_find").getAs("answer"));
    assertEquals(
        content(
            "survey_answers",
            SilverTransforms.firstPerKey(
                    responses, List.of("response_id", "question_id"), col("submitted_at").desc())
                .withColumn("respondent_key", DEMO.apply(col("response_id")))),
        content("survey_answers", answers));

    Dataset<Row> roster =
        frame(
            CATALOG.table("bronze.roster"),
            List.of(
                bronze(
                    "r.csv",
                    "employee_id",
                    "E000123",
                    "email",
                    "a@staff.example.com",
                    "department",
                    "OPS",
                    "department_name_zh",
                    "运营部",
                    "department_name_en",
                    "Operations",
                    "hire_date",
                    Date.valueOf("2020-03-01")),
                bronze(
                    "r.csv",
                    "employee_id",
                    "E000123",
                    "email",
                    "a@staff.example.com",
                    "department",
                    "SALES",
                    "department_name_zh",
                    "销售部",
                    "department_name_en",
                    "Sales",
                    "hire_date",
                    Date.valueOf("2024-06-01")),
                bronze(
                    "r.csv",
                    "employee_id",
                    "E999999",
                    "email",
                    "b@staff.example.com",
                    "department",
                    "HR",
                    "department_name_zh",
                    "人力资源部",
                    "department_name_en",
                    "HR",
                    "hire_date",
                    Date.valueOf("2022-01-01")),
                bronze(
                    "r.csv",
                    "employee_id",
                    "E999999",
                    "email",
                    "b@staff.example.com",
                    "department",
                    "HR",
                    "department_name_zh",
                    "人力资源部",
                    "department_name_en",
                    "HR",
                    "hire_date",
                    Date.valueOf("2022-01-01"))));
    Dataset<Row> employees = SilverTransforms.employees(roster, keys("employees"), DEMO);
    Map<String, Row> byEmployee = byKey(employees, "employee_key");
    assertEquals(
        List.of(E999999_KEY, E000123_KEY).stream().sorted().toList(),
        List.copyOf(byEmployee.keySet()));
    assertEquals("SALES", byEmployee.get(E000123_KEY).getAs("department"), "the rehire");
    assertEquals(
        content(
            "employees",
            SilverTransforms.firstPerKey(roster, List.of("employee_id"), col("hire_date").desc())
                .withColumn("employee_key", DEMO.apply(col("employee_id")))),
        content("employees", employees));

    Dataset<Row> acks =
        frame(
            CATALOG.table("bronze.acknowledgements"),
            List.of(
                bronze(
                    "a.csv",
                    "decision_id",
                    "D1",
                    "employee_id",
                    "E000123",
                    "aware_at",
                    shanghai("2026-10-09 10:00"),
                    "channel",
                    "email"),
                bronze(
                    "a.csv",
                    "decision_id",
                    "D1",
                    "employee_id",
                    "E000123",
                    "aware_at",
                    shanghai("2026-10-09 09:00"),
                    "channel",
                    "wecom"),
                bronze(
                    "a.csv",
                    "decision_id",
                    "D2",
                    "employee_id",
                    "E000123",
                    "aware_at",
                    shanghai("2026-10-10 09:00"),
                    "channel",
                    "email"),
                bronze(
                    "a.csv",
                    "decision_id",
                    "D1",
                    "employee_id",
                    "E999999",
                    "aware_at",
                    shanghai("2026-10-09 11:00"),
                    "channel",
                    "email"),
                bronze(
                    "a.csv",
                    "decision_id",
                    "D1",
                    "employee_id",
                    "E999999",
                    "aware_at",
                    shanghai("2026-10-09 11:00"),
                    "channel",
                    "email")));
    Dataset<Row> silverEmployees = Lake.conform(CATALOG.table("silver.employees"), employees);
    Dataset<Row> acknowledged =
        SilverTransforms.acknowledgements(
            acks, keys("acknowledgements"), silverEmployees, DEMO, "UTC");
    Map<String, Row> byAck = byKey(acknowledged, "decision_id", "employee_key");
    assertEquals(3, byAck.size(), "D1 by two employees, D2 by one");
    assertEquals("wecom", byAck.get("D1/" + E000123_KEY).getAs("channel"), "the earlier awareness");
    assertEquals("SALES", byAck.get("D1/" + E000123_KEY).getAs("department"));
    Dataset<Row> formerly =
        SilverTransforms.firstPerKey(
                acks, List.of("decision_id", "employee_id"), col("aware_at").asc())
            .withColumn("employee_key", DEMO.apply(col("employee_id")));
    Dataset<Row> departments = silverEmployees.select(col("employee_key"), col("department"));
    assertEquals(
        content(
            "acknowledgements",
            formerly
                .join(
                    departments,
                    formerly.col("employee_key").equalTo(departments.col("employee_key")),
                    "left")
                .drop(departments.col("employee_key"))
                .withColumn("source_timezone", org.apache.spark.sql.functions.lit("UTC"))),
        content("acknowledgements", acknowledged));
  }

  @Test
  void aKeyColumnMissingAtDeDuplicationIsRefused() {
    Dataset<Row> tickets = tickets(List.of(ticket("a.csv", "T1", "2026-10-12 10:00", 4)));
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> SilverTransforms.tickets(tickets, List.of("customer_key", "month"), DEMO, "UTC"));
    assertTrue(missing.getMessage().contains("'customer_key'"), missing.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> SilverTransforms.firstPerKey(tickets, List.of()));
  }

  @Test
  void theKeyWithinAMonthLeavesOutThePartitionColumn() {
    assertEquals(List.of("ticket_id", "month"), CATALOG.table("silver.tickets").keys());
    assertEquals(List.of("ticket_id"), keys("tickets"));
    assertEquals(List.of("respondent_key", "question_id"), keys("survey_answers"));
    assertEquals(List.of("decision_id", "employee_key"), keys("acknowledgements"));
  }

  @Test
  void experimentUnitsDeclareNoKey() {
    assertEquals(
        List.of(),
        keys("experiment_units"),
        "the A/B analysis counts and excludes repeated units itself, so silver keeps every record");
  }

  @Test
  void experimentUnitsArePseudonymisedButNotDeduplicated() {
    Dataset<Row> units =
        frame(
            CATALOG.table("bronze.channel_experiments"),
            List.of(
                bronze(
                    "x.csv",
                    "experiment_id",
                    "X1",
                    "unit_id",
                    "E000123",
                    "variant",
                    "control",
                    "split_weight",
                    0.5,
                    "assigned_at",
                    shanghai("2026-10-01 09:00")),
                bronze(
                    "x.csv",
                    "experiment_id",
                    "X1",
                    "unit_id",
                    "E000123",
                    "variant",
                    "wecom",
                    "split_weight",
                    0.5,
                    "assigned_at",
                    shanghai("2026-10-01 09:00")),
                bronze(
                    "x.csv",
                    "experiment_id",
                    "X1",
                    "unit_id",
                    "E000123",
                    "variant",
                    "control",
                    "split_weight",
                    0.5,
                    "assigned_at",
                    shanghai("2026-10-01 10:00"))));
    Dataset<Row> silver =
        Lake.conform(
            CATALOG.table("silver.experiment_units"),
            SilverTransforms.experimentUnits(units, DEMO));
    List<Row> rows = silver.collectAsList();
    assertEquals(
        3,
        rows.size(),
        "a unit seen twice, and in two variants, stays visible to the A/B analysis");
    assertTrue(rows.stream().allMatch(r -> E000123_KEY.equals(r.getAs("unit_key"))));
    assertFalse(List.of(silver.columns()).contains("unit_id"));
    assertEquals(0, silver.where(col("unit_key").contains("E000123")).count());
  }
}
