package io.commpulse.tickets;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.SchemaCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.automation_candidates on hand-made tickets. Every figure is counted by hand from the tickets
 * below; p-values are the pooled two-proportion z-test, computed with erfc(|z| / sqrt 2).
 */
class AutomationCandidatesMetricTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static Map<String, Row> cells;

  private static Map<String, Object> ticket(
      String id,
      String category,
      String channel,
      String customer,
      String created,
      Boolean botFirst,
      String human,
      String resolved,
      Integer csat) {
    return rec(
        "ticket_id",
        id,
        "channel",
        channel,
        "category",
        category,
        "priority",
        "P3",
        "created_at",
        shanghai(created),
        "first_reply_at",
        botFirst == null
            ? null
            : Boolean.TRUE.equals(botFirst)
                ? shanghai(created.substring(0, 14) + "01")
                : shanghai(human),
        "first_reply_by_bot",
        botFirst,
        "first_human_reply_at",
        human == null ? null : shanghai(human),
        "resolved_at",
        resolved == null ? null : shanghai(resolved),
        "reopened_count",
        0,
        "customer_key",
        customer,
        "csat",
        csat,
        "updated_at",
        shanghai("2026-10-31 23:00"),
        "source_timezone",
        "Asia/Shanghai",
        "month",
        "2026-10",
        "batch_id",
        "b1");
  }

  @BeforeAll
  static void compute() {
    List<Map<String, Object>> tickets = new ArrayList<>();
    // technical_support over online chat: 5 tickets, c1 and c2 ask twice.
    tickets.add(
        ticket(
            "T1",
            "technical_support",
            "online_chat",
            "c1",
            "2026-10-01 10:00",
            true,
            null,
            "2026-10-01 10:30",
            5));
    tickets.add(
        ticket(
            "T2",
            "technical_support",
            "online_chat",
            "c1",
            "2026-10-02 10:00",
            true,
            "2026-10-02 11:00",
            "2026-10-02 14:00",
            2));
    tickets.add(
        ticket(
            "T3",
            "technical_support",
            "online_chat",
            "c2",
            "2026-10-03 10:00",
            false,
            "2026-10-03 10:30",
            "2026-10-03 12:00",
            4));
    tickets.add(
        ticket(
            "T4",
            "technical_support",
            "online_chat",
            "c2",
            "2026-10-04 10:00",
            false,
            "2026-10-04 12:00",
            null,
            null));
    tickets.add(
        ticket(
            "T5",
            "technical_support",
            "online_chat",
            "c3",
            "2026-10-05 10:00",
            true,
            null,
            null,
            null));
    // service complaints on the web: the bot's six answers all rated 1, the humans' six all 5.
    for (int i = 0; i < 12; i++) {
      boolean bot = i < 6;
      String day = String.format("2026-10-%02d", 6 + i);
      tickets.add(
          ticket(
              "TW" + i,
              "service_complaint",
              "web",
              "w" + i,
              day + " 09:00",
              bot,
              day + " 10:00",
              day + (bot ? " 12:00" : " 14:00"),
              bot ? 1 : 5));
    }
    // One product suggestion by e-mail from c1 (another category: not a repeat), never answered.
    tickets.add(
        ticket(
            "T9", "product_suggestion", "email", "c1", "2026-10-20 10:00", null, null, null, null));
    cells =
        byKey(
            AutomationCandidatesMetric.compute(
                CATALOG.table("gold.automation_candidates"),
                "2026-10",
                frame(CATALOG.table("silver.tickets"), tickets)),
            "category",
            "channel");
  }

  @Test
  void kindsAreRankedByVolumeWithTheirShare() {
    assertEquals(3, cells.size());
    Row web = cells.get("service_complaint/web");
    Row chat = cells.get("technical_support/online_chat");
    Row mail = cells.get("product_suggestion/email");
    assertEquals(1, (int) web.getAs("volume_rank"));
    assertEquals(2, (int) chat.getAs("volume_rank"));
    assertEquals(3, (int) mail.getAs("volume_rank"));
    assertEquals(12L, lng(web, "tickets"));
    close(12 / 18.0, dbl(web, "share"), EXACT, "12 of 18 tickets");
    close(5 / 18.0, dbl(chat, "share"), EXACT, "5 of 18");
    close(1 / 18.0, dbl(mail, "share"), EXACT, "1 of 18");
  }

  @Test
  void handlingRepeatsAndTheBotAreCountedPerKind() {
    Row chat = cells.get("technical_support/online_chat");
    close(2.0, dbl(chat, "median_handling_hours"), EXACT, "resolved after 0.5, 4 and 2 hours");
    close(0.4, dbl(chat, "repeat_rate"), EXACT, "T2 (c1 again) and T4 (c2 again) of 5");
    close(0.6, dbl(chat, "bot_first_reply_share"), EXACT, "T1, T2, T5");
    close(0.2, dbl(chat, "bot_resolution_rate"), EXACT, "only T1 was resolved with no human reply");
    assertEquals(3L, lng(chat, "human_handled"), "T2, T3, T4");
    close(
        0.3 * 3 * 2.0,
        dbl(chat, "expected_hours_saved"),
        EXACT,
        "share x human-handled x median hours");

    Row web = cells.get("service_complaint/web");
    close(
        4.0,
        dbl(web, "median_handling_hours"),
        EXACT,
        "six 3-hour and six 5-hour tickets: the middle is 4");
    close(0.0, dbl(web, "repeat_rate"), EXACT, "twelve customers");
    close(0.0, dbl(web, "bot_resolution_rate"), EXACT, "a human replied to every one");
    close(0.3 * 12 * 4.0, dbl(web, "expected_hours_saved"), EXACT, "model");
  }

  @Test
  void theBotIsFlaggedOnlyWhereItsCsatIsSignificantlyWorse() {
    Row chat = cells.get("technical_support/online_chat");
    assertEquals(2L, lng(chat, "bot_csat_responses"));
    close(0.5, dbl(chat, "bot_csat_top2_share"), EXACT, "T1 5, T2 2");
    close(1.0, dbl(chat, "human_csat_top2_share"), EXACT, "T3 4");
    close(0.3864762307712328, dbl(chat, "csat_gap_p_value"), EXACT, "z test 1/2 vs 1/1");
    assertFalse((Boolean) chat.getAs("bot_csat_worse"), "worse, but two answers prove nothing");

    Row web = cells.get("service_complaint/web");
    close(0.0005320055051392503, dbl(web, "csat_gap_p_value"), EXACT, "z test 0/6 vs 6/6");
    assertTrue((Boolean) web.getAs("bot_csat_worse"));

    Row mail = cells.get("product_suggestion/email");
    assertNull(mail.getAs("median_handling_hours"), "nothing resolved");
    assertNull(mail.getAs("expected_hours_saved"));
    assertNull(mail.getAs("csat_gap_p_value"), "no CSAT at all");
    assertFalse((Boolean) mail.getAs("bot_csat_worse"));
  }
}
