package io.commpulse.gold;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.lake.Lake;
import io.commpulse.report.model.MonthData;
import io.commpulse.report.model.MonthReader;
import io.commpulse.report.model.RestatedKpi;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.PipelineRuns;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * A hand-built two-month landing set: October's last day leaves comments, tickets and a decision's
 * acknowledgements open, and November's files carry their replies, later exports and late
 * acknowledgements. After October's run its rows are provisional; after November's run they are
 * final, restated with the late records, and the changes are in ops.restatements. Every expected
 * value is worked out by hand in the comments.
 *
 * <p>Cut-offs: October's batch of a Shanghai source runs through 2026-11-01 00:00 +08:00 =
 * 2026-10-31T16:00Z, of the UTC social export through 2026-11-01T00:00Z; with November's batch
 * read, through 2026-11-30T16:00Z and 2026-12-01T00:00Z.
 */
@TestInstance(Lifecycle.PER_CLASS)
class LateDataRestatementTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final String OCT = "2026-10";
  private static final String NOV = "2026-11";

  private Path landing;
  private Path lakeDir;
  private Lake lake;

  /** Tables as they were after October's run alone. */
  private Row socialOctProvisional;

  private Row slaOctProvisional;
  private Row coverageOctProvisional;
  private Map<String, Row> scorecardOctProvisional;
  private long slaVersionAfterOctober;

  @BeforeAll
  void runOctoberThenNovember() {
    landing = TestSpark.tempDir("commpulse-late-landing-");
    lakeDir = TestSpark.tempDir("commpulse-late-lake-");
    writeLanding();
    lake = new Lake(TestSpark.session(), lakeDir.toString());
    run(OCT);
    socialOctProvisional = social(OCT);
    slaOctProvisional = sla(OCT);
    coverageOctProvisional = coverage(OCT, "D10");
    scorecardOctProvisional = scorecard(OCT);
    slaVersionAfterOctober = lake.version(CATALOG.table("gold.response_sla"));
    run(NOV);
  }

  @AfterAll
  void cleanUp() {
    GeneratedMonths.delete(landing);
    GeneratedMonths.delete(lakeDir);
  }

  private void run(String month) {
    PipelineRuns.run(
        "run",
        "--month",
        month,
        "--landing",
        landing.toString(),
        "--lake",
        lakeDir.toString(),
        "--demo-key",
        "--parallelism",
        "2");
  }

  @Nested
  @TestInstance(Lifecycle.PER_CLASS)
  class AfterOctobersRun {
    @Test
    void socialRepliesAreProvisionalWithTheLastDaysCommentsPending() {
      Row r = socialOctProvisional;
      // c1 answered in 5 h, c2 never (window closed 2026-10-21), c3 (12:00Z) and c4 (22:00Z) of
      // the 31st are unanswered with their windows reaching past 2026-11-01T00:00Z.
      assertEquals(4L, r.<Long>getAs("inbound"));
      assertEquals(1L, r.<Long>getAs("replied"));
      assertEquals(1L, r.<Long>getAs("replied_24h"));
      assertEquals(2L, r.<Long>getAs("pending"));
      assertEquals(0.5, r.<Double>getAs("replied_24h_share"), 1e-12); // 1 / (4 - 2)
      assertEquals(5.0, r.<Double>getAs("median_reply_hours"), 1e-12);
      assertEquals("provisional", r.getAs("state"));
      assertEquals(Instant.parse("2026-11-01T00:00:00Z"), through(r));
    }

    @Test
    void ticketFirstRepliesAreProvisionalWithTheLastDaysTicketsPending() {
      Row r = slaOctProvisional;
      // T1 2 h, T2 48 h, T3 never (window closed 10-21); T4 (31st 20:00) and T5 (31st 10:00)
      // unanswered, windows open at 2026-11-01 00:00 Shanghai.
      assertEquals(5L, r.<Long>getAs("tickets"));
      assertEquals(2L, r.<Long>getAs("replied"));
      assertEquals(1L, r.<Long>getAs("within_24h"));
      assertEquals(2L, r.<Long>getAs("pending"));
      assertEquals(1.0 / 3, r.<Double>getAs("within_24h_share"), 1e-12); // 1 / (5 - 2)
      assertEquals(25.0, r.<Double>getAs("first_reply_hours_mean"), 1e-12); // (2 + 48) / 2
      assertEquals("provisional", r.getAs("state"));
      assertEquals(Instant.parse("2026-10-31T16:00:00Z"), through(r));
    }

    @Test
    void coverageOfTheLateDecisionIsProvisional() {
      Row r = coverageOctProvisional;
      // D10 published 10-30; E1 and E2 aware in October, of four employees.
      assertEquals(4L, r.<Long>getAs("employees"));
      assertEquals(2L, r.<Long>getAs("aware"));
      assertEquals(0.5, r.<Double>getAs("share"), 1e-12);
      assertEquals("provisional", r.getAs("state"));
    }

    @Test
    void theScorecardMarksTheFiguresFromOpenWindowsProvisional() {
      assertEquals(
          "provisional", scorecardOctProvisional.get("social_replied_24h_share").getAs("state"));
      assertEquals(
          "provisional", scorecardOctProvisional.get("complaint_replied_24h_share").getAs("state"));
      assertEquals(
          "provisional", scorecardOctProvisional.get("information_coverage").getAs("state"));
      assertEquals(
          0.5, scorecardOctProvisional.get("information_coverage").<Double>getAs("actual"));
    }
  }

  @Nested
  @TestInstance(Lifecycle.PER_CLASS)
  class AfterNovembersRun {
    @Test
    void octobersSocialRepliesAreFinalWithTheLateReplies() {
      Row r = social(OCT);
      // c3 answered 2026-11-01T06:00Z (18 h), c4 2026-11-01T10:00Z (12 h): both within.
      assertEquals(4L, r.<Long>getAs("inbound"));
      assertEquals(3L, r.<Long>getAs("replied"));
      assertEquals(3L, r.<Long>getAs("replied_24h"));
      assertEquals(0L, r.<Long>getAs("pending"));
      assertEquals(0.75, r.<Double>getAs("replied_24h_share"), 1e-12); // 3 / 4
      assertEquals(12.0, r.<Double>getAs("median_reply_hours"), 1e-12); // of 5, 18, 12
      assertEquals("final", r.getAs("state"));
      assertEquals(Instant.parse("2026-12-01T00:00:00Z"), through(r));
    }

    @Test
    void octobersTicketsAreFinalWithTheLaterExports() {
      Row r = sla(OCT);
      // T4 answered 11-01 08:00 (12 h, within), T5 11-02 10:00 (48 h, missed).
      assertEquals(5L, r.<Long>getAs("tickets"));
      assertEquals(4L, r.<Long>getAs("replied"));
      assertEquals(2L, r.<Long>getAs("within_24h"));
      assertEquals(0L, r.<Long>getAs("pending"));
      assertEquals(0.4, r.<Double>getAs("within_24h_share"), 1e-12); // 2 / 5
      assertEquals(27.5, r.<Double>getAs("first_reply_hours_mean"), 1e-12); // (2+48+12+48) / 4
      assertEquals("final", r.getAs("state"));
      assertEquals(Instant.parse("2026-11-30T16:00:00Z"), through(r));
    }

    @Test
    void octobersCoverageCountsTheLateAcknowledgement() {
      Row r = coverage(OCT, "D10");
      assertEquals(3L, r.<Long>getAs("aware")); // E3 aware 11-02
      assertEquals(0.75, r.<Double>getAs("share"), 1e-12);
      assertEquals("final", r.getAs("state"));
      assertEquals(0.75, scorecard(OCT).get("information_coverage").<Double>getAs("actual"));
      assertEquals("final", scorecard(OCT).get("social_replied_24h_share").getAs("state"));
    }

    @Test
    void novemberCountsOnlyItsOwnItems() {
      Row s = social(NOV);
      assertEquals(1L, s.<Long>getAs("inbound")); // n1; c3r and c4r belong to October
      assertEquals(1L, s.<Long>getAs("replied_24h"));
      assertEquals("provisional", s.getAs("state"));
      Row t = sla(NOV);
      assertEquals(1L, t.<Long>getAs("tickets")); // T6; T4 and T5's exports belong to October
      assertEquals(1.0, t.<Double>getAs("within_24h_share"), 1e-12);
      Row d = coverage(NOV, "D11");
      assertEquals(4L, d.<Long>getAs("aware"));
      assertEquals(
          0L,
          lake.readMonth(CATALOG.table("gold.coverage"), NOV)
              .where(col("decision_id").equalTo("D10"))
              .count());
      assertEquals(
          List.of("T6"),
          lake.readMonth(CATALOG.table("silver.tickets"), NOV)
              .select("ticket_id")
              .as(org.apache.spark.sql.Encoders.STRING())
              .collectAsList());
    }

    @Test
    void theRestatementRecordsEachChangedFigureWithItsVersions() {
      Map<String, Row> changes = new HashMap<>();
      for (Row r :
          lake.read(CATALOG.table("ops.restatements"))
              .where(col("month").equalTo(OCT))
              .collectAsList()) {
        changes.put(
            r.getAs("table_name") + " " + r.getAs("row_key") + " " + r.getAs("column_name"), r);
      }
      String all = "channel=ALL, category=ALL, priority=ALL";
      assertChange(
          changes, "gold.response_sla " + all + " within_24h_share", "0.3333333333333333", "0.4");
      assertChange(changes, "gold.response_sla " + all + " pending", "2", "0");
      assertChange(changes, "gold.response_sla " + all + " first_reply_hours_mean", "25.0", "27.5");
      assertChange(changes, "gold.social_response platform=ALL replied_24h_share", "0.5", "0.75");
      assertChange(changes, "gold.coverage decision_id=D10, department=ALL aware", "2", "3");
      assertChange(changes, "gold.kpi_scorecard kpi=information_coverage actual", "0.5", "0.75");
      Row sla = changes.get("gold.response_sla " + all + " within_24h_share");
      assertEquals(slaVersionAfterOctober, sla.<Long>getAs("old_version"));
      assertTrue(sla.<Long>getAs("new_version") > slaVersionAfterOctober);
      assertEquals("provisional", sla.getAs("old_state"));
      assertEquals("final", sla.getAs("new_state"));
      assertEquals(
          0,
          changes.keySet().stream().filter(k -> k.startsWith("gold.mistransmission")).count(),
          "tables without late records are not restated");
    }

    @Test
    void novembersReportListsOctobersRestatedKpisAndMarksItsOwnProvisional() {
      MonthReader reader = new MonthReader(TestSpark.snapshots(lake), CATALOG);
      MonthData november = reader.read(YearMonth.of(2026, 11), reader.currentVersions());
      Map<String, RestatedKpi> restated =
          november.restated().stream().collect(Collectors.toMap(RestatedKpi::kpi, k -> k));
      assertEquals(
          Set.of(
              "information_coverage",
              "social_replied_24h_share",
              "complaint_replied_24h_share",
              "complaint_first_response_hours"),
          restated.keySet());
      assertTrue(november.restated().stream().allMatch(k -> k.month().equals(OCT)));
      assertEquals(0.5, restated.get("information_coverage").before(), 1e-12);
      assertEquals(0.75, restated.get("information_coverage").after(), 1e-12);
      assertEquals(0.5, restated.get("social_replied_24h_share").before(), 1e-12);
      assertEquals(0.75, restated.get("social_replied_24h_share").after(), 1e-12);
      assertEquals(1.0 / 3, restated.get("complaint_replied_24h_share").before(), 1e-12);
      assertEquals(0.4, restated.get("complaint_replied_24h_share").after(), 1e-12);
      assertEquals(25.0, restated.get("complaint_first_response_hours").before(), 1e-12);
      assertEquals(27.5, restated.get("complaint_first_response_hours").after(), 1e-12);
      assertEquals(
          "provisional",
          november.kpi("social_replied_24h_share").orElseThrow().state(),
          "November's own figures wait for December's files");
    }

    @Test
    void restatingAgainChangesNothingAndRecordsNothing() {
      long before = lake.read(CATALOG.table("ops.restatements")).count();
      PipelineRuns.run("restate", "--month", OCT, "--lake", lakeDir.toString(), "--demo-key");
      assertEquals(before, lake.read(CATALOG.table("ops.restatements")).count());
      assertEquals(0.75, social(OCT).<Double>getAs("replied_24h_share"), 1e-12);
    }
  }

  private static void assertChange(Map<String, Row> changes, String key, String from, String to) {
    Row r = changes.get(key);
    assertTrue(r != null, "no restatement of " + key + " among " + changes.keySet());
    assertEquals(from, r.getAs("old_value"), key);
    assertEquals(to, r.getAs("new_value"), key);
  }

  private static Instant through(Row r) {
    return r.<Timestamp>getAs("data_through").toInstant();
  }

  private Row social(String month) {
    return lake.readMonth(CATALOG.table("gold.social_response"), month)
        .where(col("platform").equalTo("ALL"))
        .first();
  }

  private Row sla(String month) {
    return lake.readMonth(CATALOG.table("gold.response_sla"), month)
        .where("channel = 'ALL' AND category = 'ALL' AND priority = 'ALL'")
        .first();
  }

  private Row coverage(String month, String decision) {
    return lake.readMonth(CATALOG.table("gold.coverage"), month)
        .where(col("decision_id").equalTo(decision).and(col("department").equalTo("ALL")))
        .first();
  }

  private Map<String, Row> scorecard(String month) {
    return lake.readMonth(CATALOG.table("gold.kpi_scorecard"), month).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("kpi"), r -> r));
  }

  private void writeLanding() {
    String roster =
        """
        employee_id,email,department,department_name_zh,department_name_en,hire_date,leave_date
        E000001,,SALES,销售部,Sales,2020-01-01,
        E000002,,SALES,销售部,Sales,2020-01-01,
        E000003,,SALES,销售部,Sales,2020-01-01,
        E000004,,SALES,销售部,Sales,2020-01-01,
        """;
    file("roster", OCT, "roster.csv", roster);
    file("roster", NOV, "roster.csv", roster);
    String decisions = "decision_id,title_zh,title_en,owner_department,published_at,channels\n";
    file(
        "decisions", OCT, "d.csv", decisions + "D10,决定,Decision,SALES,2026-10-30 10:00:00,email\n");
    file(
        "decisions", NOV, "d.csv", decisions + "D11,决定,Decision,SALES,2026-11-10 09:00:00,email\n");
    String acks = "decision_id,employee_id,aware_at,acknowledged_at,channel\n";
    file(
        "acknowledgements",
        OCT,
        "a.csv",
        acks + "D10,E000001,2026-10-30 12:00:00,,email\nD10,E000002,2026-10-31 09:00:00,,email\n");
    file(
        "acknowledgements",
        NOV,
        "a.csv",
        acks
            + "D10,E000003,2026-11-02 10:00:00,,email\n" // late: October's decision
            + "D11,E000001,2026-11-10 10:00:00,,email\nD11,E000002,2026-11-10 10:00:00,,email\n"
            + "D11,E000003,2026-11-10 10:00:00,,email\nD11,E000004,2026-11-10 10:00:00,,email\n");
    String tickets =
        "ticket_id,channel,category,priority,created_at,first_reply_at,first_reply_by_bot,"
            + "first_human_reply_at,resolved_at,reopened_count,customer_id,csat,updated_at\n";
    file(
        "tickets",
        OCT,
        "t.csv",
        tickets
            + ticket("T1", "2026-10-10 10:00:00", "2026-10-10 12:00:00", "2026-10-10 12:00:00")
            + ticket("T2", "2026-10-15 10:00:00", "2026-10-17 10:00:00", "2026-10-17 10:00:00")
            + ticket("T3", "2026-10-20 10:00:00", "", "2026-10-20 10:00:00")
            + ticket("T4", "2026-10-31 20:00:00", "", "2026-10-31 20:00:00")
            + ticket("T5", "2026-10-31 10:00:00", "", "2026-10-31 10:00:00"));
    file(
        "tickets",
        NOV,
        "t.csv",
        tickets
            + ticket("T4", "2026-10-31 20:00:00", "2026-11-01 08:00:00", "2026-11-01 08:00:00")
            + ticket("T5", "2026-10-31 10:00:00", "2026-11-02 10:00:00", "2026-11-02 10:00:00")
            + ticket("T6", "2026-11-05 10:00:00", "2026-11-05 11:00:00", "2026-11-05 11:00:00"));
    file(
        "social_comments",
        OCT,
        "s.jsonl",
        comment("c1", null, "2026-10-10T00:00:00Z")
            + comment("c1r", "c1", "2026-10-10T05:00:00Z")
            + comment("c2", null, "2026-10-20T00:00:00Z")
            + comment("c3", null, "2026-10-31T12:00:00Z")
            + comment("c4", null, "2026-10-31T22:00:00Z"));
    file(
        "social_comments",
        NOV,
        "s.jsonl",
        comment("c3r", "c3", "2026-11-01T06:00:00Z")
            + comment("c4r", "c4", "2026-11-01T10:00:00Z")
            + comment("n1", null, "2026-11-05T00:00:00Z")
            + comment("n1r", "n1", "2026-11-05T01:00:00Z"));
    for (String source :
        List.of(
            "comm_log", "survey_responses", "channel_experiments", "followups", "suggestions")) {
      String header =
          CATALOG.table("landing." + source).columns().stream()
              .map(ColumnSpec::name)
              .collect(Collectors.joining(","));
      file(source, OCT, "empty.csv", header + "\n");
      file(source, NOV, "empty.csv", header + "\n");
    }
  }

  private static String ticket(String id, String created, String humanReply, String updated) {
    return String.join(
            ",",
            id,
            "web",
            "service_complaint",
            "P2",
            created,
            humanReply,
            humanReply.isEmpty() ? "" : "false",
            humanReply,
            "",
            "0",
            "C1",
            "",
            updated)
        + "\n";
  }

  private static String comment(String id, String parent, String at) {
    boolean official = parent != null;
    return String.format(
        "{\"platform\":\"weibo\",\"account\":\"official\",\"comment_id\":\"%s\",\"parent_id\":%s,"
            + "\"author\":\"%s\",\"is_official_reply\":%s,\"created_at\":\"%s\",\"text\":\"t\","
            + "\"sentiment\":\"neutral\"}%n",
        id,
        parent == null ? "null" : "\"" + parent + "\"",
        official ? "official" : "@u",
        official,
        at);
  }

  private void file(String source, String month, String name, String text) {
    LandingFiles.write(landing.resolve(source).resolve(month).resolve(name), text);
  }
}
