package io.commpulse.generate;

import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.pick;
import static io.commpulse.generate.SampleMonth.plusHours;
import static io.commpulse.generate.SampleMonth.utc;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inbound comments on the official social accounts and their replies: {@code
 * landing.social_comments}.
 */
final class SocialComments {
  private static final List<String> PLATFORMS = List.of("weibo", "wechat", "douyin", "xiaohongshu");
  private static final double[] PLATFORM_REPLY_SHARE = {0.93, 0.97, 0.80, 0.90};
  private static final double[] PLATFORM_MEDIAN_HOURS = {3, 2, 8, 4};
  private static final List<String> COMMENT_TEXTS =
      List.of(
          "请问新品什么时候上市？",
          "客服一直没人回复，太失望了",
          "Great service, thanks!",
          "物流太慢了",
          "App keeps crashing after the update",
          "点赞！",
          "How do I reset my password?",
          "价格能便宜点吗");

  private final SampleMonth m;
  private final YearMonth month;

  SocialComments(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write() {
    SplittableRandom rnd = m.random("social_comments");
    int total = m.count(500_000, 300);
    int inbound = (int) Math.round(total * 0.55);
    try (SourceWriter w = m.writer("social_comments", "social_comments.jsonl")) {
      for (int i = 1; i <= inbound; i++) {
        int platform = rnd.nextInt(PLATFORMS.size());
        String account = "official_" + PLATFORMS.get(platform);
        String sentiment =
            pick(rnd, List.of("negative", "neutral", "neutral", "positive", "positive"));
        LocalDateTime created = m.randomMoment(rnd, month.lengthOfMonth());
        String id =
            PLATFORMS.get(platform).charAt(0)
                + String.valueOf(month.getYear() * 100 + month.getMonthValue())
                + String.format("%08d", i);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("platform", PLATFORMS.get(platform));
        row.put("account", account);
        row.put("comment_id", id);
        row.put("parent_id", null);
        row.put("author", "@user" + (100_000 + rnd.nextInt(900_000)));
        row.put("is_official_reply", "false");
        row.put("created_at", utc(created));
        row.put("text", pick(rnd, COMMENT_TEXTS));
        row.put("sentiment", sentiment);
        w.write(row, rnd);
        if (rnd.nextDouble() < PLATFORM_REPLY_SHARE[platform]) {
          double hours =
              logNormal(
                  rnd,
                  PLATFORM_MEDIAN_HOURS[platform] * (sentiment.equals("negative") ? 0.6 : 1),
                  1.2);
          Map<String, String> reply = new LinkedHashMap<>();
          reply.put("platform", PLATFORMS.get(platform));
          reply.put("account", account);
          reply.put("comment_id", id + "r");
          reply.put("parent_id", id);
          reply.put("author", account);
          reply.put("is_official_reply", "true");
          LocalDateTime replied = plusHours(created, hours);
          if (m.known(replied) == null) {
            continue;
          }
          reply.put("created_at", utc(replied));
          reply.put("text", "感谢反馈，我们已私信您处理 / Thanks, we have sent you a message.");
          reply.put("sentiment", "neutral");
          w.write(reply, rnd);
        }
      }
    }
  }
}
