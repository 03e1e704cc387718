package io.commpulse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-written landing files, one row per problem, and the exact quarantine reason each must get.
 */
class QuarantineRulesTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 8);
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final Pattern ID = Pattern.compile("\\b([A-Z][0-9]+[a-z]?)\\b");
  private static final String SURVEY_HEADER =
      "response_id,department,question_id,answer,submitted_at\n";

  private final SchemaCatalog catalog = SchemaCatalog.get();
  private Path landing;
  private Path lakeDir;
  private Lake lake;

  @BeforeEach
  void folders() {
    landing = TestSpark.tempDir("commpulse-fixture-");
    lakeDir = TestSpark.tempDir("commpulse-lake-");
    lake = new Lake(TestSpark.session(), lakeDir.toString());
  }

  @AfterEach
  void cleanUp() {
    GeneratedMonths.delete(landing);
    GeneratedMonths.delete(lakeDir);
  }

  private void write(String source, String file, String text) {
    LandingFiles.write(landing.resolve(source).resolve(MONTH.toString()).resolve(file), text);
  }

  private BronzeIngest.Outcome ingest(String source) {
    return new BronzeIngest(lake, catalog, landing.toString()).ingest(source, MONTH, NOW);
  }

  /** Quarantined rows by the record id in their raw text: "code | reason". */
  private Map<String, String> quarantined(String source) {
    Map<String, String> byId = new TreeMap<>();
    for (Row r :
        lake.read(catalog.table("bronze.quarantine"))
            .where(col("source").equalTo(source))
            .collectAsList()) {
      Matcher id = ID.matcher(r.getAs("raw"));
      assertTrue(id.find(), "no id in " + r);
      String previous = byId.put(id.group(1), r.getAs("reason_code") + " | " + r.getAs("reason"));
      if (previous != null) {
        byId.put(id.group(1) + "#2", previous);
      }
    }
    return byId;
  }

  private List<Row> bronze(String source) {
    return lake.read(catalog.table("bronze." + source)).orderBy("month").collectAsList();
  }

  @Test
  void surveyRowsWithOneProblemEach() {
    write(
        "survey_responses",
        "survey.csv",
        String.join(
            "\n",
            "response_id,department,question_id,answer,submitted_at",
            "R1,SALES,overall,4,2026-08-10 09:00:00",
            "R2,SALES,overall,6,2026-08-10 09:00:00",
            "R3,SALES,overall,0,2026-08-10 09:00:00",
            "R4,SALES,overall,four,2026-08-10 09:00:00",
            "R5,SALES,overall,2.5,2026-08-10 09:00:00",
            "R6,,overall,3,2026-08-10 09:00:00",
            "R7,Sales,overall,3,2026-08-10 09:00:00",
            "R8,SALES,mood,3,2026-08-10 09:00:00",
            "R9,SALES,overall,3,2031-01-01 09:00:00",
            "R10,SALES,overall,3,1999-12-31 09:00:00",
            "R11,SALES,overall,3,2026-02-30 09:00:00",
            "R12,SALES,overall,3,yesterday",
            "R13,SALES,overall,3,2026-08-10 09:00:00,extra",
            "R14,SALES,overall",
            "R1,SALES,overall,4,2026-08-10 09:00:00",
            "R15,,mood,9,2026-08-10 09:00:00",
            "R16,SALES,overall,7,2026-08-10 09:00:00",
            "R16,SALES,overall,7,2026-08-10 09:00:00",
            "R17, SALES ,overall, 3.0 ,2026-08-10 09:00:00",
            "\"R18\",\"SALES\",\"overall\",\"5\",\"2026-08-10 09:00:00\"",
            ""));
    BronzeIngest.Outcome outcome = ingest("survey_responses");

    String questions =
        "[conv_channels, conv_find, time_decisions, time_changes, clear_language, clear_actions,"
            + " feedback_heard, overall]";
    Map<String, String> want = new TreeMap<>();
    want.put("R2", "out_of_range | answer: 6 is above the maximum 5");
    want.put("R3", "out_of_range | answer: 0 is below the minimum 1");
    want.put("R4", "wrong_type | answer: 'four' is not a valid int");
    want.put("R5", "wrong_type | answer: '2.5' is not a valid int");
    want.put("R6", "missing_required | department: required value is missing");
    want.put("R7", "bad_pattern | department: 'Sales' does not match ^[A-Z]{2,5}$");
    want.put("R8", "not_allowed | question_id: 'mood' is not one of " + questions);
    want.put("R9", "future_timestamp | submitted_at: 2031-01-01 09:00:00 is in the future");
    want.put("R10", "too_early | submitted_at: 1999-12-31 09:00:00 is before 2000-01-01T00:00:00Z");
    want.put("R11", "wrong_type | submitted_at: '2026-02-30 09:00:00' is not a valid timestamp");
    want.put("R12", "wrong_type | submitted_at: 'yesterday' is not a valid timestamp");
    want.put("R13", "malformed | record does not match the 5 columns of the header");
    want.put("R14", "malformed | record does not match the 5 columns of the header");
    want.put("R1", "duplicate | exact repeat of an earlier record in this batch");
    want.put(
        "R15",
        "missing_required | department: required value is missing; question_id: 'mood' is not one of "
            + questions
            + "; answer: 9 is above the maximum 5");
    // An invalid row repeated is quarantined twice for its own problem, not as a duplicate.
    want.put("R16", "out_of_range | answer: 7 is above the maximum 5");
    want.put("R16#2", "out_of_range | answer: 7 is above the maximum 5");
    assertEquals(want, quarantined("survey_responses"));

    List<Row> accepted = bronze("survey_responses");
    assertEquals(
        List.of("R1", "R17", "R18"),
        accepted.stream().map(r -> (String) r.getAs("response_id")).sorted().toList());
    Row r17 =
        accepted.stream()
            .filter(r -> r.getAs("response_id").equals("R17"))
            .findFirst()
            .orElseThrow();
    assertEquals("SALES", r17.getAs("department"));
    assertEquals(3, (int) r17.getAs("answer"));
    assertEquals(
        new BronzeIngest.Outcome("survey_responses", MONTH, 1, 20, 3, 17, 1, outcome.durationMs()),
        outcome);

    // A row that parsed keeps its fields as JSON, a malformed one its line, both with the file
    // name.
    Map<String, String> raw = new TreeMap<>();
    lake.read(catalog.table("bronze.quarantine"))
        .where(col("raw").contains("R2").or(col("raw").startsWith("R13,")))
        .collectAsList()
        .forEach(
            r -> raw.put(r.getAs("reason_code"), r.getAs("raw") + " @ " + r.getAs("source_file")));
    assertEquals(
        Map.of(
            "out_of_range",
            "{\"response_id\":\"R2\",\"department\":\"SALES\",\"question_id\":\"overall\",\"answer\":\"6\","
                + "\"submitted_at\":\"2026-08-10 09:00:00\"} @ survey.csv",
            "malformed",
            "R13,SALES,overall,3,2026-08-10 09:00:00,extra @ survey.csv"),
        raw);
  }

  @Test
  void gbkEncodedTextIsAnEncodingProblem() {
    String header =
        "log_id,logged_at,from_department,to_department,channel,topic,outcome,misinformation_flag,"
            + "problem_category\n";
    String ascii = "L1,2026-08-03 10:00:00,SALES,RND,email,Weekly sync,understood,false,\n";
    String chinese = "L2,2026-08-03 10:00:00,SALES,RND,wecom,培训通知,understood,false,\n";
    LandingFiles.write(
        landing.resolve("comm_log").resolve(MONTH.toString()).resolve("branch.csv"),
        (header + ascii + chinese).getBytes(Charset.forName("GBK")));
    write(
        "comm_log",
        "head_office.csv",
        header
            + "L3,2026-08-03 10:00:00,SALES,RND,email,培训通知,misunderstood,true,process\n"
            + "L4,2026-08-03 10:00:00,SALES,RND,email,x,understood,maybe,\n"
            + "L5,2026-08-03 10:00:00,SALES,RND,fax,x,understood,false,\n"
            + "L6,2026-08-03 10:00:00,SALES,RND,email,x,understood,false,people\n"
            + "L7,2026-08-03 10:00:00,SALES,RND,email,\"报销流程, 新规定\",understood,false,\n");
    BronzeIngest.Outcome outcome = ingest("comm_log");

    assertEquals(
        Map.of(
            "L2",
                "encoding | topic: text is not valid UTF-8 (was the file saved as GBK or another code page?)",
            "L4", "wrong_type | misinformation_flag: 'maybe' is not a valid boolean",
            "L5",
                "not_allowed | channel: 'fax' is not one of [email, wecom, dingtalk, meeting, phone, document]",
            "L6", "not_allowed | problem_category: 'people' is not one of [process, skill, tool]"),
        quarantined("comm_log"));
    Map<String, String> topics = new TreeMap<>();
    bronze("comm_log")
        .forEach(
            r -> topics.put(r.getAs("log_id"), r.getAs("topic") + " @ " + r.getAs("source_file")));
    assertEquals(
        Map.of(
            "L1",
            "Weekly sync @ branch.csv",
            "L3",
            "培训通知 @ head_office.csv",
            "L7",
            "报销流程, 新规定 @ head_office.csv"),
        topics);
    assertEquals(2, outcome.files());
    assertEquals(7, outcome.read());
  }

  @Test
  void jsonLinesRowsWithOneProblemEach() {
    String ok =
        "\"platform\": \"weibo\", \"account\": \"official_weibo\", \"parent_id\": null, \"author\": \"@u1\","
            + " \"created_at\": \"2026-08-10T01:00:00Z\", \"text\": \"点赞！\", \"sentiment\": \"positive\"";
    write(
        "social_comments",
        "comments.jsonl",
        String.join(
            "\n",
            "{\"comment_id\": \"C1\", \"is_official_reply\": false, " + ok + "}",
            "{\"comment_id\": \"C2\", \"is_official_reply\": \"n/a\", " + ok + "}",
            "{\"comment_id\": \"C3\", \"is_official_reply\": false, "
                + ok.replace("\"@u1\"", "null")
                + "}",
            "{\"comment_id\": \"C4\", \"is_official_reply\": false, "
                + ok.replace("\"account\": \"official_weibo\", ", "")
                + "}",
            "{\"comment_id\": \"C5\", \"is_official_reply\": false, \"platform\": \"weibo\", \"acc",
            "{\"comment_id\": \"C6\", \"is_official_reply\": \"true\", "
                + ok.replace("positive", "angry")
                + "}",
            "{\"comment_id\": \"C7\", \"is_official_reply\": true, " + ok + ", \"likes\": 3}",
            "{\"comment_id\": \"C1\", \"is_official_reply\": false, " + ok + "}",
            ""));
    BronzeIngest.Outcome outcome = ingest("social_comments");
    Map<String, String> found = quarantined("social_comments");
    assertEquals("wrong_type | is_official_reply: 'n/a' is not a valid boolean", found.get("C2"));
    assertEquals("missing_required | author: required value is missing", found.get("C3"));
    assertEquals("missing_required | account: required value is missing", found.get("C4"));
    assertEquals("malformed | line is not a valid JSON object", found.get("C5"));
    assertEquals(
        "not_allowed | sentiment: 'angry' is not one of [positive, neutral, negative]",
        found.get("C6"));
    assertEquals("duplicate | exact repeat of an earlier record in this batch", found.get("C1"));
    assertEquals(6, found.size(), found.toString());
    Map<String, Boolean> official = new TreeMap<>();
    bronze("social_comments")
        .forEach(r -> official.put(r.getAs("comment_id"), r.getAs("is_official_reply")));
    assertEquals(Map.of("C1", false, "C7", true), official);
    assertEquals(8, outcome.read());
  }

  @Test
  void ticketRowsWithOneProblemEach() {
    String header =
        "ticket_id,channel,category,priority,created_at,first_reply_at,first_reply_by_bot,"
            + "first_human_reply_at,resolved_at,reopened_count,customer_id,csat,updated_at";
    String times = "2026-08-03 10:00:00,2026-08-03 11:00:00,false,2026-08-03 11:00:00,,";
    write(
        "tickets",
        "tickets.csv",
        String.join(
            "\n",
            header,
            "T1,phone,service_complaint,P2," + times + "0,C1,,2026-08-03 11:00:00",
            "T2,phone,service_complaint,P2," + times + "3000000000,C1,,2026-08-03 11:00:00",
            "T3,phone,service_complaint,P2,"
                + times
                + "99999999999999999999,C1,,2026-08-03 11:00:00",
            "T4,phone,service_complaint,P2," + times + "1001,C1,,2026-08-03 11:00:00",
            "T5,phone,service_complaint,P2," + times + "-1,C1,4.0,2026-08-03 11:00:00",
            "T6,phone,service_complaint,P2," + times + "0,C1,4.0,2026-08-03 11:00:00",
            "X7,phone,service_complaint,P5," + times + "0,C1,,2026-08-03 11:00:00",
            "T8,phone,service_complaint,P2,2026-08-03 10:00:00,2026-08-03 11:00:00,false,2026-08-03 11:00:00,"
                + "2026-08-03 09:00:00,0,C1,,2026-08-03 11:00:00",
            ""));
    BronzeIngest.Outcome outcome = ingest("tickets");
    assertEquals(
        Map.of(
            "T2", "wrong_type | reopened_count: '3000000000' is not a valid int",
            "T3", "wrong_type | reopened_count: '99999999999999999999' is not a valid int",
            "T4", "out_of_range | reopened_count: 1001 is above the maximum 1000",
            "T5", "out_of_range | reopened_count: -1 is below the minimum 0",
            "X7",
                "bad_pattern | ticket_id: 'X7' does not match ^T[0-9]+$; priority: 'P5' is not one of [P1, P2, P3, P4]",
            "T8", "inconsistent | resolved_at is before created_at"),
        quarantined("tickets"));
    Map<String, Object> csat = new TreeMap<>();
    bronze("tickets")
        .forEach(r -> csat.put(r.getAs("ticket_id"), String.valueOf((Object) r.getAs("csat"))));
    assertEquals(Map.of("T1", "null", "T6", "4"), csat);
    assertEquals(8, outcome.read());
  }

  @Test
  void anEmptyMonthFolderIngestsNothing() {
    LandingFiles.write(
        landing.resolve("decisions").resolve(MONTH.toString()).resolve("_SUCCESS"),
        "".getBytes(StandardCharsets.UTF_8));
    BronzeIngest.Outcome outcome = ingest("decisions");
    assertEquals(0, outcome.files());
    assertEquals(0, outcome.read());
    assertEquals(0, bronze("decisions").size());
  }

  @Test
  void ingestLeavesTheSessionsSettingsAsItFoundThem() {
    String wholeStage = "spark.sql.codegen.wholeStage";
    lake.spark().conf().set(wholeStage, "true");
    write("decisions", "decisions.csv", "decision_id,title\nD1,x\n");
    assertThrows(
        RuntimeException.class,
        () -> ingest("decisions"),
        "a header missing contract columns fails");
    assertEquals("true", lake.spark().conf().get(wholeStage), "restored after a failed ingest");
    write(
        "survey_responses",
        "survey.csv",
        "response_id,department,question_id,answer,submitted_at\n"
            + "R1,SALES,overall,4,2026-08-10 09:00:00\n");
    assertEquals(1, ingest("survey_responses").accepted());
    assertEquals("true", lake.spark().conf().get(wholeStage), "restored after an ingest");
  }

  @Test
  void aCleanFirstIngestStillCreatesAnEmptyQuarantine() {
    write(
        "survey_responses",
        "survey.csv",
        SURVEY_HEADER + "R1,SALES,overall,4,2026-08-10 09:00:00\n");
    assertEquals(0, ingest("survey_responses").quarantined());
    assertTrue(lake.exists(catalog.table("bronze.quarantine")), "readers find the table");
    assertEquals(Map.of(), quarantined("survey_responses"));
  }

  @Test
  void aCorrectedFileTakesItsRowsOutOfTheQuarantine() {
    write(
        "survey_responses",
        "survey.csv",
        SURVEY_HEADER
            + "R1,SALES,overall,4,2026-08-10 09:00:00\n"
            + "R2,SALES,overall,6,2026-08-10 09:00:00\n");
    write(
        "tickets",
        "tickets.csv",
        "ticket_id,channel,category,priority,created_at,first_reply_at,first_reply_by_bot,"
            + "first_human_reply_at,resolved_at,reopened_count,customer_id,csat,updated_at\n"
            + "T1,phone,service_complaint,P2,2026-08-03 10:00:00,2026-08-03 11:00:00,false,"
            + "2026-08-03 11:00:00,,-1,C1,,2026-08-03 11:00:00\n");
    ingest("survey_responses");
    ingest("tickets");
    assertEquals(List.of("R2"), List.copyOf(quarantined("survey_responses").keySet()));

    write(
        "survey_responses",
        "survey.csv",
        SURVEY_HEADER
            + "R1,SALES,overall,4,2026-08-10 09:00:00\n"
            + "R2,SALES,overall,5,2026-08-10 09:00:00\n");
    BronzeIngest.Outcome rerun = ingest("survey_responses");

    assertEquals(0, rerun.quarantined());
    assertEquals(Map.of(), quarantined("survey_responses"), "the rerun removed the old rejects");
    assertEquals(List.of("T1"), List.copyOf(quarantined("tickets").keySet()), "other sources kept");
    assertEquals(2, bronze("survey_responses").size());
  }
}
