package io.commpulse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every social text the generator writes carries the sentiment its words express: the expected
 * label of each phrase is written here by hand, from reading the phrase.
 */
class SocialTextLabelTest {
  /** Each phrase and the label a reader gives it. */
  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          // complaints
          Map.entry("物流太慢了", "negative"), // logistics are too slow
          Map.entry("客服一直没人回复，太失望了", "negative"), // nobody answers, very disappointed
          Map.entry("App keeps crashing after the update", "negative"),
          Map.entry("退款申请一周了还没处理", "negative"), // refund pending for a week
          Map.entry("Package arrived damaged, really disappointed", "negative"),
          Map.entry("订单显示已签收，但我根本没收到", "negative"), // marked delivered, never received
          Map.entry("Waited two days for an answer, terrible support", "negative"),
          Map.entry("客服系统是不是坏了？一直联系不上", "negative"), // is support down? can't reach
          Map.entry("双十一买的东西到现在还没发货", "negative"), // Double 11 order still not shipped
          // questions and requests
          Map.entry("请问新品什么时候上市？", "neutral"), // when is the new product out?
          Map.entry("How do I reset my password?", "neutral"),
          Map.entry("价格能便宜点吗", "neutral"), // could the price be lower?
          Map.entry("发票在哪里开？", "neutral"), // where do I get an invoice?
          Map.entry("Do you ship to Hong Kong?", "neutral"),
          Map.entry("会员积分怎么兑换？", "neutral"), // how to redeem member points?
          Map.entry("春节期间还发货吗？", "neutral"), // shipping during Spring Festival?
          Map.entry("618 活动什么时候开始？", "neutral"), // when does the 618 sale start?
          Map.entry("国庆期间客服上班吗？", "neutral"), // is support open in Golden Week?
          Map.entry("双十一的订单什么时候发货？", "neutral"), // when do Double 11 orders ship?
          // praise
          Map.entry("Great service, thanks!", "positive"),
          Map.entry("点赞！", "positive"), // thumbs up!
          Map.entry("客服很耐心，问题解决了，谢谢", "positive"), // patient support, solved, thanks
          Map.entry("新版本很好用", "positive"), // the new version works well
          Map.entry("Delivery was super fast, love it", "positive"),
          Map.entry("Love the new design!", "positive"),
          // official replies: an apology and a notice are neutral, thanks for support positive
          Map.entry(
              "非常抱歉给您带来不便，已私信您跟进 / Sorry for the trouble, we have sent you a message.", "neutral"),
          Map.entry("感谢反馈，我们已私信您处理 / Thanks, we have sent you a message.", "neutral"),
          Map.entry("谢谢您的支持！/ Thank you for your support!", "positive"));

  /** Months that between them use every phrase: Spring Festival, 618, the outage, Double 11. */
  private static final List<YearMonth> MONTHS =
      List.of(
          YearMonth.of(2026, 2),
          YearMonth.of(2026, 6),
          YearMonth.of(2026, 8),
          YearMonth.of(2026, 10),
          YearMonth.of(2026, 11));

  private static Path landing;

  @BeforeAll
  static void generate() {
    landing = TestSpark.tempDir("generate-texts");
    for (YearMonth month : MONTHS) {
      new SampleDataGenerator(SchemaCatalog.get(), month, 0.02, 7, 0, landing)
          .generate(Set.of("social_comments"));
    }
  }

  @AfterAll
  static void cleanUp() {
    GeneratedMonths.delete(landing);
  }

  @Test
  void everyTextCarriesTheLabelOfItsTone() {
    List<String> columns = SchemaCatalog.get().table("landing.social_comments").columnNames();
    Set<String> used = new TreeSet<>();
    Map<String, Integer> perLabel = new TreeMap<>();
    for (YearMonth month : MONTHS) {
      for (Path file : LandingFiles.files(landing, "social_comments", month.toString())) {
        for (Map<String, String> row : LandingFiles.readJsonLines(file, columns).rows()) {
          String text = row.get("text");
          assertTrue(EXPECTED.containsKey(text), "a phrase nobody has labelled: " + text);
          assertEquals(EXPECTED.get(text), row.get("sentiment"), text);
          used.add(text);
          perLabel.merge(row.get("sentiment"), 1, Integer::sum);
        }
      }
    }
    assertEquals(new TreeSet<>(EXPECTED.keySet()), used, "every phrase appears");
    assertEquals(Set.of("negative", "neutral", "positive"), perLabel.keySet());
  }
}
