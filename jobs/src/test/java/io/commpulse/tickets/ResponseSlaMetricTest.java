package io.commpulse.tickets;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.QUANTILE;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.metrics.DataCutoff;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten tickets whose per-ticket hours are counted by hand (comments on each); the statistics of
 * those hours (mean, t interval, numpy-default percentiles, Wilson) come from
 * jobs/src/test/reference/gold_reference.py, section "ResponseSlaMetricTest".
 */
class ResponseSlaMetricTest {
  private static final String MONTH = "2026-10";
  private static Dataset<Row> tickets;
  private static Map<String, Row> cells;

  @BeforeAll
  static void compute() {
    SchemaCatalog catalog = SchemaCatalog.get();
    tickets =
        frame(
            catalog.table("silver.tickets"),
            List.of(
                // Mon 10:00 -> human 12:00: 2 h calendar, 2 business; resolved after 5 h.
                ticket(
                    "T1",
                    "phone",
                    "service_complaint",
                    "P1",
                    "2026-10-12 10:00",
                    "2026-10-12 12:00",
                    false,
                    "2026-10-12 12:00",
                    "2026-10-12 15:00",
                    0,
                    5),
                // Mon 17:00, a bot answers at 17:06, a human Tue 10:00: 17 h calendar (not 0.1),
                // Mon 17-18 + Tue 09-10 = 2
                // business; resolved Tue 23:00 = 30 h; reopened once.
                ticket(
                    "T2",
                    "phone",
                    "service_complaint",
                    "P2",
                    "2026-10-12 17:00",
                    "2026-10-12 17:06",
                    true,
                    "2026-10-13 10:00",
                    "2026-10-13 23:00",
                    1,
                    2),
                // Fri 16:00 -> Mon 11:00: 67 h calendar, Fri 16-18 + Mon 09-11 = 4 business;
                // unresolved.
                ticket(
                    "T3",
                    "email",
                    "service_complaint",
                    "P1",
                    "2026-10-16 16:00",
                    "2026-10-19 11:00",
                    false,
                    "2026-10-19 11:00",
                    null,
                    0,
                    null),
                // Never answered: counts as a ticket, not as replied, not within 24 h.
                ticket(
                    "T4",
                    "email",
                    "technical_support",
                    "P2",
                    "2026-10-12 09:30",
                    null,
                    null,
                    null,
                    null,
                    0,
                    null),
                // Only a bot answered: still unreplied by a human.
                ticket(
                    "T5",
                    "email",
                    "technical_support",
                    "P1",
                    "2026-10-13 12:00",
                    "2026-10-13 12:03",
                    true,
                    null,
                    null,
                    0,
                    1),
                // Wed 08:00 -> Thu 08:00: exactly 24 h (within, the bound is inclusive); Wed 09-18
                // = 9 business; resolved 48 h.
                ticket(
                    "T6",
                    "phone",
                    "technical_support",
                    "P1",
                    "2026-10-14 08:00",
                    "2026-10-15 08:00",
                    false,
                    "2026-10-15 08:00",
                    "2026-10-16 08:00",
                    0,
                    4),
                // Reply stamped an hour before creation: a data error, ignored (not replied, not
                // within); resolved 6 h.
                ticket(
                    "T7",
                    "phone",
                    "service_complaint",
                    "P1",
                    "2026-10-14 14:00",
                    "2026-10-14 13:00",
                    false,
                    "2026-10-14 13:00",
                    "2026-10-14 20:00",
                    0,
                    3),
                // Thu 11:00 -> 11:30: 0.5 h both ways; resolved 1 h.
                ticket(
                    "T8",
                    "online_chat",
                    "service_complaint",
                    "P2",
                    "2026-10-15 11:00",
                    "2026-10-15 11:30",
                    false,
                    "2026-10-15 11:30",
                    "2026-10-15 12:00",
                    0,
                    4),
                // Thu 11:00 -> Fri 17:00: 30 h; Thu 11-18 (7) + Fri 09-17 (8) = 15 business;
                // resolved 40 h; reopened twice.
                ticket(
                    "T9",
                    "online_chat",
                    "technical_support",
                    "P2",
                    "2026-10-15 11:00",
                    "2026-10-16 17:00",
                    false,
                    "2026-10-16 17:00",
                    "2026-10-17 03:00",
                    2,
                    5),
                // Tue 10:00:00 -> Wed 10:00:01: one second over 24 h, so not within; Tue 10-18 (8)
                // + Wed 09:00-10:00:01.
                ticket(
                    "T10",
                    "email",
                    "product_suggestion",
                    "P3",
                    "2026-10-20 10:00",
                    "2026-10-21 10:00:01",
                    false,
                    "2026-10-21 10:00:01",
                    null,
                    0,
                    null)));
    TableContract gold = catalog.table("gold.response_sla");
    cells =
        byKey(
            ResponseSlaMetric.compute(
                gold,
                MONTH,
                tickets,
                BusinessCalendar.standard(),
                DataCutoff.of(YearMonth.of(2026, 10), ZoneOffset.UTC, true)),
            "channel",
            "category",
            "priority");
  }

  private static Map<String, Object> ticket(
      String id,
      String channel,
      String category,
      String priority,
      String created,
      String firstReply,
      Boolean bot,
      String firstHuman,
      String resolved,
      int reopened,
      Integer csat) {
    return rec(
        "ticket_id",
        id,
        "channel",
        channel,
        "category",
        category,
        "priority",
        priority,
        "created_at",
        shanghai(created),
        "first_reply_at",
        firstReply == null ? null : shanghai(firstReply),
        "first_reply_by_bot",
        bot,
        "first_human_reply_at",
        firstHuman == null ? null : shanghai(firstHuman),
        "resolved_at",
        resolved == null ? null : shanghai(resolved),
        "reopened_count",
        reopened,
        "customer_key",
        "k-" + id,
        "csat",
        csat,
        "updated_at",
        shanghai(created),
        "source_timezone",
        "Asia/Shanghai",
        "month",
        MONTH,
        "batch_id",
        "b1");
  }

  @Test
  void perTicketHoursUseTheFirstHumanReplyAndIgnoreNegativeDurations() {
    Map<String, Row> perTicket =
        byKey(ResponseSlaMetric.durations(tickets, BusinessCalendar.standard()), "ticket_id");
    // Hand-counted in the fixture comments: {calendar hours, business hours}.
    Object[][] expected = {
      {"T1", 2.0, 2.0},
      {"T2", 17.0, 2.0},
      {"T3", 67.0, 4.0},
      {"T4", null, null},
      {"T5", null, null},
      {"T6", 24.0, 9.0},
      {"T7", null, null},
      {"T8", 0.5, 0.5},
      {"T9", 30.0, 15.0},
      {"T10", 24.0 + 1 / 3600.0, 9.0 + 1 / 3600.0}
    };
    for (Object[] e : expected) {
      Row row = perTicket.get(e[0]);
      if (e[1] == null) {
        assertNull(row.getAs("reply_hours"), e[0] + " has no usable human reply");
        assertNull(row.getAs("reply_business_hours"), e[0] + " has no usable human reply");
        assertEquals(0, (int) row.getAs("is_replied"), e[0] + " is not replied");
      } else {
        close((Double) e[1], dbl(row, "reply_hours"), EXACT, e[0] + " calendar hours");
        close((Double) e[2], dbl(row, "reply_business_hours"), EXACT, e[0] + " business hours");
      }
    }
    // T1 T2 T6 T8 are within 24 h; T10 misses by one second; unreplied and negative ones are not
    // within.
    for (String id : List.of("T1", "T2", "T6", "T8")) {
      assertEquals(1, (int) perTicket.get(id).getAs("is_within_24h"), id);
    }
    for (String id : List.of("T3", "T4", "T5", "T7", "T9", "T10")) {
      assertEquals(0, (int) perTicket.get(id).getAs("is_within_24h"), id);
    }
  }

  @Test
  void everyCombinationOfChannelCategoryAndPriorityIsRolledUp() {
    // 37 distinct (channel|ALL, category|ALL, priority|ALL) cells over the ten tickets:
    // gold_reference.py, "cube cells over T1..T10" (itertools over the 8 grouping sets).
    assertEquals(37, cells.size());
    for (Row row : cells.values()) {
      assertTrue(
          row.getAs("channel") != null
              && row.getAs("category") != null
              && row.getAs("priority") != null);
      assertEquals(MONTH, row.getAs("month"));
    }
  }

  @Test
  void companyWideCell() {
    Row all = cells.get("ALL/ALL/ALL");
    assertEquals(10L, lng(all, "tickets"));
    assertEquals(7L, lng(all, "replied"), "T4 and T5 unanswered by a human, T7 negative");
    // numpy: mean of [2, 17, 67, 24, 0.5, 30, 24+1/3600]; scipy t.interval(0.95, 6, ...)
    close(23.500039682539683, dbl(all, "first_reply_hours_mean"), EXACT, "mean");
    close(2.928716548282786, dbl(all, "first_reply_hours_mean_ci_low"), QUANTILE, "mean ci low");
    close(44.07136281679658, dbl(all, "first_reply_hours_mean_ci_high"), QUANTILE, "mean ci high");
    // numpy.percentile(..., 50) and (..., 90), linear interpolation
    close(24.0, dbl(all, "first_reply_hours_median"), EXACT, "median");
    close(44.80000000000001, dbl(all, "first_reply_hours_p90"), EXACT, "p90");
    // business hours [2, 2, 4, 9, 0.5, 15, 9+1/3600]: numpy mean / percentile 50 / percentile 90
    close(5.928611111111111, dbl(all, "first_reply_business_hours_mean"), EXACT, "business mean");
    close(4.0, dbl(all, "first_reply_business_hours_median"), EXACT, "business median");
    close(11.400166666666667, dbl(all, "first_reply_business_hours_p90"), EXACT, "business p90");
    // within 24 h: T1 T2 T6 T8 of 10 tickets; statsmodels wilson(4, 10)
    assertEquals(4L, lng(all, "within_24h"));
    close(0.4, dbl(all, "within_24h_share"), EXACT, "within share");
    close(0.1681803297062361, dbl(all, "within_24h_ci_low"), EXACT, "within ci low");
    close(0.6873262302663417, dbl(all, "within_24h_ci_high"), EXACT, "within ci high");
    assertEquals(2L, lng(all, "bot_first_replies"), "T2 and T5");
    // resolution hours [5, 30, 48, 6, 1, 40]: numpy.percentile(..., 50)
    close(18.0, dbl(all, "resolution_hours_median"), EXACT, "resolution median");
    close(0.2, dbl(all, "reopen_rate"), EXACT, "T2 and T9 of 10");
    // CSAT answers 5, 2, 1, 4, 3, 4, 5: seven, of which 4 are 4 or 5
    assertEquals(7L, lng(all, "csat_responses"));
    close(4 / 7.0, dbl(all, "csat_top2_share"), EXACT, "csat top-2");
  }

  @Test
  void complaintsCellFeedsTheScorecard() {
    // T1 T2 T3 T7 T8; T7's negative reply is ignored, so 4 replies [2, 17, 67, 0.5].
    Row complaints = cells.get("ALL/service_complaint/ALL");
    assertEquals(5L, lng(complaints, "tickets"));
    assertEquals(4L, lng(complaints, "replied"));
    close(21.625, dbl(complaints, "first_reply_hours_mean"), EXACT, "mean");
    close(-27.94773073842334, dbl(complaints, "first_reply_hours_mean_ci_low"), QUANTILE, "ci low");
    close(
        71.19773073842333, dbl(complaints, "first_reply_hours_mean_ci_high"), QUANTILE, "ci high");
    close(9.5, dbl(complaints, "first_reply_hours_median"), EXACT, "median");
    close(52.00000000000001, dbl(complaints, "first_reply_hours_p90"), EXACT, "p90");
    close(2.125, dbl(complaints, "first_reply_business_hours_mean"), EXACT, "business mean");
    close(2.0, dbl(complaints, "first_reply_business_hours_median"), EXACT, "business median");
    close(
        3.4000000000000004,
        dbl(complaints, "first_reply_business_hours_p90"),
        EXACT,
        "business p90");
    assertEquals(3L, lng(complaints, "within_24h"));
    close(0.6, dbl(complaints, "within_24h_share"), EXACT, "share");
    close(0.2307242812760129, dbl(complaints, "within_24h_ci_low"), EXACT, "wilson(3, 5) low");
    close(0.8823792257673522, dbl(complaints, "within_24h_ci_high"), EXACT, "wilson(3, 5) high");
    assertEquals(1L, lng(complaints, "bot_first_replies"));
    close(5.5, dbl(complaints, "resolution_hours_median"), EXACT, "median of [5, 30, 6, 1]");
    close(0.2, dbl(complaints, "reopen_rate"), EXACT, "T2 of 5");
    assertEquals(4L, lng(complaints, "csat_responses"));
    close(0.5, dbl(complaints, "csat_top2_share"), EXACT, "5 and 4 of [5, 2, 3, 4]");
  }

  @Test
  void channelRollUp() {
    // phone: T1 T2 T6 T7 -> replies [2, 17, 24], business [2, 2, 9]
    Row phone = cells.get("phone/ALL/ALL");
    assertEquals(4L, lng(phone, "tickets"));
    assertEquals(3L, lng(phone, "replied"));
    close(14.333333333333334, dbl(phone, "first_reply_hours_mean"), EXACT, "mean");
    close(-13.58790305754737, dbl(phone, "first_reply_hours_mean_ci_low"), QUANTILE, "ci low");
    close(42.254569724214036, dbl(phone, "first_reply_hours_mean_ci_high"), QUANTILE, "ci high");
    close(17.0, dbl(phone, "first_reply_hours_median"), EXACT, "median");
    close(22.6, dbl(phone, "first_reply_hours_p90"), EXACT, "p90");
    close(4.333333333333333, dbl(phone, "first_reply_business_hours_mean"), EXACT, "business mean");
    close(7.6000000000000005, dbl(phone, "first_reply_business_hours_p90"), EXACT, "business p90");
    assertEquals(3L, lng(phone, "within_24h"), "exactly 24 h (T6) is within");
    close(0.30064184258240184, dbl(phone, "within_24h_ci_low"), EXACT, "wilson(3, 4) low");
    close(0.9544127391902995, dbl(phone, "within_24h_ci_high"), EXACT, "wilson(3, 4) high");
  }

  @Test
  void smallCells() {
    // T1 and T7: one usable reply, so a mean without a t interval.
    Row single = cells.get("phone/service_complaint/P1");
    assertEquals(2L, lng(single, "tickets"));
    assertEquals(1L, lng(single, "replied"));
    close(2.0, dbl(single, "first_reply_hours_mean"), EXACT, "mean");
    assertNull(single.getAs("first_reply_hours_mean_ci_low"));
    assertNull(single.getAs("first_reply_hours_mean_ci_high"));
    close(2.0, dbl(single, "first_reply_hours_p90"), EXACT, "p90 of one value");
    close(0.5, dbl(single, "within_24h_share"), EXACT, "share");

    // T4 and T5: no human reply at all.
    Row unanswered = cells.get("email/technical_support/ALL");
    assertEquals(2L, lng(unanswered, "tickets"));
    assertEquals(0L, lng(unanswered, "replied"));
    assertNull(unanswered.getAs("first_reply_hours_mean"));
    assertNull(unanswered.getAs("first_reply_hours_median"));
    assertEquals(0L, lng(unanswered, "within_24h"));
    close(0.0, dbl(unanswered, "within_24h_share"), EXACT, "share");
    assertEquals(1L, lng(unanswered, "bot_first_replies"));
    assertEquals(1L, lng(unanswered, "csat_responses"));
    close(0.0, dbl(unanswered, "csat_top2_share"), EXACT, "a single 1");

    // T10: one second over the target.
    Row late = cells.get("email/product_suggestion/P3");
    assertEquals(1L, lng(late, "replied"));
    assertEquals(0L, lng(late, "within_24h"));
    assertNull(late.getAs("csat_top2_share"), "no CSAT answer: no share");
  }

  @Test
  void theCalendarOnlyChangesBusinessHours() {
    // With Tue 13 Oct a holiday, T2 (Mon 17:00 -> Tue 10:00) waits Mon 17-18 only: 1 business hour.
    BusinessCalendar holiday =
        new BusinessCalendar(
            ZoneId.of("Asia/Shanghai"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(18, 0),
            Set.of(LocalDate.parse("2026-10-13")));
    Row t2 =
        byKey(ResponseSlaMetric.durations(tickets.where("ticket_id = 'T2'"), holiday), "ticket_id")
            .get("T2");
    close(1.0, dbl(t2, "reply_business_hours"), EXACT, "business hours");
    close(17.0, dbl(t2, "reply_hours"), EXACT, "calendar hours");
  }
}
