package io.commpulse.social;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static io.commpulse.testing.Frames.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.metrics.DataCutoff;
import io.commpulse.schema.SchemaCatalog;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.social_response on two platforms. Reply hours are written next to each comment; Wilson
 * intervals (statsmodels) and medians (numpy) come from jobs/src/test/reference/gold_reference.py,
 * section "SocialResponseMetricTest".
 */
class SocialResponseMetricTest {
  private static Map<String, Row> cells;

  @BeforeAll
  static void compute() {
    SchemaCatalog catalog = SchemaCatalog.get();
    cells =
        byKey(
            SocialResponseMetric.compute(
                catalog.table("gold.social_response"),
                "2026-10",
                frame(
                    catalog.table("silver.social_comments"),
                    List.of(
                        // weibo: five inbound comments
                        inbound("weibo", "w1", "negative", 0),
                        official("weibo", "w1r1", "w1", 2), // first official reply: 2 h
                        official("weibo", "w1r2", "w1", 5), // a later one does not count
                        comment(
                            "weibo", "w1u", "w1", false, 1,
                            "neutral"), // a customer's reply is no official answer
                        inbound("weibo", "w2", "neutral", 0),
                        official("weibo", "w2r", "w2", 30), // 30 h: replied, not within 24 h
                        inbound("weibo", "w3", "negative", 0), // never answered
                        inbound("weibo", "w4", "positive", 10),
                        official(
                            "weibo", "w4r", "w4",
                            9), // stamped before the comment: ignored, so unanswered
                        inbound(
                            "weibo", "x1", "neutral",
                            0), // same id as a douyin comment; unanswered on weibo
                        comment(
                            "weibo", "post", null, true, 0,
                            "neutral"), // the account's own post: not inbound
                        // douyin: three inbound comments, all answered within 24 h
                        inbound("douyin", "d1", "negative", 0),
                        official("douyin", "d1r", "d1", 24), // exactly 24 h: within
                        inbound("douyin", "d2", "neutral", 0),
                        official("douyin", "d2r", "d2", 0.5),
                        inbound("douyin", "x1", "positive", 0),
                        official("douyin", "x1r", "x1", 3))),
                DataCutoff.of(YearMonth.of(2026, 10), ZoneOffset.UTC, true)),
            "platform");
  }

  private static Timestamp at(double hours) {
    return new Timestamp(utc("2026-10-05T00:00:00Z").getTime() + Math.round(hours * 3_600_000));
  }

  private static Map<String, Object> comment(
      String platform, String id, String parent, boolean official, double hours, String sentiment) {
    return rec(
        "platform",
        platform,
        "account",
        "official_" + platform,
        "comment_id",
        id,
        "parent_id",
        parent,
        "author_key",
        official ? "k-official" : "k-" + id,
        "is_official_reply",
        official,
        "created_at",
        at(hours),
        "text",
        "text",
        "sentiment",
        sentiment,
        "source_timezone",
        "UTC",
        "month",
        "2026-10",
        "batch_id",
        "b1");
  }

  private static Map<String, Object> inbound(
      String platform, String id, String sentiment, double hours) {
    return comment(platform, id, null, false, hours, sentiment);
  }

  private static Map<String, Object> official(
      String platform, String id, String parent, double hours) {
    return comment(platform, id, parent, true, hours, "neutral");
  }

  @Test
  void weibo() {
    Row weibo = cells.get("weibo");
    assertEquals(5L, lng(weibo, "inbound"), "w1 w2 w3 w4 x1");
    assertEquals(2L, lng(weibo, "replied"), "w1 (2 h) and w2 (30 h)");
    assertEquals(1L, lng(weibo, "replied_24h"));
    close(0.2, dbl(weibo, "replied_24h_share"), EXACT, "1 of 5");
    close(0.036224108632430196, dbl(weibo, "replied_24h_ci_low"), EXACT, "wilson(1, 5) low");
    close(0.6244653702374748, dbl(weibo, "replied_24h_ci_high"), EXACT, "wilson(1, 5) high");
    close(16.0, dbl(weibo, "median_reply_hours"), EXACT, "median of [2, 30]");
    close(1.0, dbl(weibo, "target"), EXACT, "every comment answered within 24 h");
    assertEquals("missed", weibo.getAs("status"), "20% against 100%");
    assertEquals(2L, lng(weibo, "negative_inbound"), "w1 and w3");
    close(0.5, dbl(weibo, "negative_replied_24h_share"), EXACT, "w1 of w1, w3");
    close(2.0, dbl(weibo, "negative_median_reply_hours"), EXACT, "only w1 was answered");
  }

  @Test
  void douyin() {
    Row douyin = cells.get("douyin");
    assertEquals(3L, lng(douyin, "inbound"));
    assertEquals(3L, lng(douyin, "replied"));
    assertEquals(3L, lng(douyin, "replied_24h"), "24 h exactly is within");
    close(1.0, dbl(douyin, "replied_24h_share"), EXACT, "3 of 3");
    close(0.43850296824495444, dbl(douyin, "replied_24h_ci_low"), EXACT, "wilson(3, 3) low");
    close(3.0, dbl(douyin, "median_reply_hours"), EXACT, "median of [24, 0.5, 3]");
    assertEquals("met", douyin.getAs("status"), "3 of 3: a 100% target is met by the point value");
    assertEquals(1L, lng(douyin, "negative_inbound"));
    close(24.0, dbl(douyin, "negative_median_reply_hours"), EXACT, "d1");
  }

  @Test
  void allPlatforms() {
    Row all = cells.get("ALL");
    assertEquals(2 + 1, cells.size(), "weibo, douyin and ALL");
    assertEquals(8L, lng(all, "inbound"));
    assertEquals(5L, lng(all, "replied"));
    assertEquals(4L, lng(all, "replied_24h"));
    close(0.5, dbl(all, "replied_24h_share"), EXACT, "4 of 8");
    close(0.2152160622138775, dbl(all, "replied_24h_ci_low"), EXACT, "wilson(4, 8) low");
    close(0.7847839377861225, dbl(all, "replied_24h_ci_high"), EXACT, "wilson(4, 8) high");
    close(3.0, dbl(all, "median_reply_hours"), EXACT, "median of [2, 30, 24, 0.5, 3]");
    assertEquals(3L, lng(all, "negative_inbound"), "w1 w3 d1");
    close(2 / 3.0, dbl(all, "negative_replied_24h_share"), EXACT, "w1 and d1 of three");
    close(13.0, dbl(all, "negative_median_reply_hours"), EXACT, "median of [2, 24]");
  }
}
