package io.commpulse.generate;

import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.pick;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.plusHours;
import static io.commpulse.generate.SampleMonth.utc;

import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Inbound comments on the official social accounts and their replies: {@code
 * landing.social_comments}. The month's file also carries the replies, posted this month, to the
 * comments of the previous month's last day.
 */
final class SocialComments {
  private static final List<String> PLATFORMS = List.of("weibo", "wechat", "douyin", "xiaohongshu");
  private static final double[] PLATFORM_REPLY_SHARE = {0.93, 0.97, 0.80, 0.90};
  private static final double[] PLATFORM_MEDIAN_HOURS = {3, 2, 8, 4};

  /** Sentiment labels, in the order of the weights below. */
  private static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

  private static final double[] USUAL_SENTIMENT = {0.22, 0.38, 0.40};
  private static final double[] BUSY_DAY_SENTIMENT = {0.32, 0.40, 0.28};
  private static final double[] OUTAGE_SENTIMENT = {0.55, 0.30, 0.15};

  /** What customers write, per sentiment; the label is the tone of the text. */
  private static final List<List<String>> COMMENT_TEXTS =
      List.of(
          List.of(
              "物流太慢了",
              "客服一直没人回复，太失望了",
              "App keeps crashing after the update",
              "退款申请一周了还没处理",
              "Package arrived damaged, really disappointed",
              "订单显示已签收，但我根本没收到",
              "Waited two days for an answer, terrible support"),
          List.of(
              "请问新品什么时候上市？",
              "How do I reset my password?",
              "价格能便宜点吗",
              "发票在哪里开？",
              "Do you ship to Hong Kong?",
              "会员积分怎么兑换？"),
          List.of(
              "Great service, thanks!",
              "点赞！",
              "客服很耐心，问题解决了，谢谢",
              "新版本很好用",
              "Delivery was super fast, love it",
              "Love the new design!"));

  /** Official replies, chosen by the tone of the comment answered. */
  private static final String[] REPLY_TEXTS = {
    "非常抱歉给您带来不便，已私信您跟进 / Sorry for the trouble, we have sent you a message.",
    "感谢反馈，我们已私信您处理 / Thanks, we have sent you a message.",
    "谢谢您的支持！/ Thank you for your support!"
  };

  private static final String[] REPLY_SENTIMENTS = {"neutral", "neutral", "positive"};

  /** One inbound comment and, when there is one, the official reply to it. */
  private record Comment(
      int platform,
      String id,
      String author,
      LocalDateTime created,
      String text,
      int sentiment,
      LocalDateTime replied) {}

  private final SampleMonth m;

  SocialComments(SampleMonth m) {
    this.m = m;
  }

  void write() {
    try (SourceWriter w = m.writer("social_comments", "social_comments.jsonl")) {
      draw(
          m,
          c -> {
            w.write(comment(c));
            if (c.replied() != null && m.known(c.replied()) != null) {
              w.write(reply(c));
            }
          });
      // The platforms' export of a month includes the replies to the comments of the previous
      // month's last day: a 24-hour window opened then closes in this month.
      SampleMonth previous = m.previous();
      LocalDateTime lastDay = previous.end().minusDays(1);
      draw(
          previous,
          c -> {
            if (!c.created().isBefore(lastDay) && previous.completedNextMonth(c.replied())) {
              w.write(reply(c));
            }
          });
    }
  }

  private static Map<String, String> comment(Comment c) {
    String platform = PLATFORMS.get(c.platform());
    Map<String, String> row = new LinkedHashMap<>();
    row.put("platform", platform);
    row.put("account", "official_" + platform);
    row.put("comment_id", c.id());
    row.put("parent_id", null);
    row.put("author", c.author());
    row.put("is_official_reply", "false");
    row.put("created_at", utc(c.created()));
    row.put("text", c.text());
    row.put("sentiment", SENTIMENTS.get(c.sentiment()));
    return row;
  }

  private static Map<String, String> reply(Comment c) {
    String platform = PLATFORMS.get(c.platform());
    Map<String, String> reply = new LinkedHashMap<>();
    reply.put("platform", platform);
    reply.put("account", "official_" + platform);
    reply.put("comment_id", c.id() + "r");
    reply.put("parent_id", c.id());
    reply.put("author", "official_" + platform);
    reply.put("is_official_reply", "true");
    reply.put("created_at", utc(c.replied()));
    reply.put("text", REPLY_TEXTS[c.sentiment()]);
    reply.put("sentiment", REPLY_SENTIMENTS[c.sentiment()]);
    return reply;
  }

  /** Every inbound comment posted in the month {@code mm}, in order. */
  private static void draw(SampleMonth mm, Consumer<Comment> sink) {
    SplittableRandom rnd = mm.random("social_comments");
    int total = mm.customerCount(500_000, 300);
    int inbound = (int) Math.round(total * 0.55);
    String prefix = String.valueOf(mm.month().getYear() * 100 + mm.month().getMonthValue());
    for (int i = 1; i <= inbound; i++) {
      int platform = rnd.nextInt(PLATFORMS.size());
      LocalDateTime created = mm.customerMoment(rnd);
      double dayWeight = CompanyHistory.customerDayWeight(created.toLocalDate());
      boolean outage = CompanyHistory.inOutage(created);
      int sentiment =
          weighted(
              rnd,
              outage ? OUTAGE_SENTIMENT : dayWeight >= 1.5 ? BUSY_DAY_SENTIMENT : USUAL_SENTIMENT);
      String text = pick(rnd, texts(sentiment, created, outage));
      String id = PLATFORMS.get(platform).charAt(0) + prefix + String.format("%08d", i);
      String author = "@user" + (100_000 + rnd.nextInt(900_000));
      LocalDateTime replied = null;
      if (rnd.nextDouble() < PLATFORM_REPLY_SHARE[platform]) {
        double hours =
            logNormal(rnd, PLATFORM_MEDIAN_HOURS[platform] * (sentiment == 0 ? 0.6 : 1), 1.2)
                * Math.sqrt(dayWeight)
                * (outage ? CompanyHistory.OUTAGE_SOCIAL_REPLY_FACTOR : 1);
        replied = plusHours(created, hours);
      }
      sink.accept(new Comment(platform, id, author, created, text, sentiment, replied));
    }
  }

  /** The texts of a tone that fit the moment: the season's and the outage's own complaints too. */
  static List<String> texts(int sentiment, LocalDateTime created, boolean outage) {
    List<String> texts = new ArrayList<>(COMMENT_TEXTS.get(sentiment));
    Month month = created.getMonth();
    if (sentiment == 0 && outage) {
      texts.add("客服系统是不是坏了？一直联系不上");
    }
    if (sentiment == 0 && month == Month.NOVEMBER) {
      texts.add("双十一买的东西到现在还没发货");
    }
    if (sentiment == 1) {
      switch (month) {
        case JANUARY, FEBRUARY -> texts.add("春节期间还发货吗？");
        case JUNE -> texts.add("618 活动什么时候开始？");
        case OCTOBER -> texts.add("国庆期间客服上班吗？");
        case NOVEMBER -> texts.add("双十一的订单什么时候发货？");
        default -> {}
      }
    }
    return texts;
  }
}
