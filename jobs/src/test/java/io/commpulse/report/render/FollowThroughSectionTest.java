package io.commpulse.report.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.report.i18n.Language;
import io.commpulse.report.model.FollowThrough;
import io.commpulse.report.model.GoldFixture;
import io.commpulse.report.model.MonthData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The strategy follow-through page, rendered from the fixture's October tables in both languages.
 * Expected figures are worked out by hand from the fixture rows in {@link
 * GoldFixture#followThroughTables()}.
 */
class FollowThroughSectionTest {
  private static final Map<Language, String> PDF = new EnumMap<>(Language.class);
  private static final Map<Language, String> HTML = new EnumMap<>(Language.class);
  private static final Map<Language, String> PDF_WITHOUT = new EnumMap<>(Language.class);
  private static final Map<Language, String> HTML_WITHOUT = new EnumMap<>(Language.class);

  @BeforeAll
  static void render() throws IOException {
    ReportFont font = ReportFont.locate(Optional.empty(), Language.ZH);
    MonthData october = GoldFixture.monthData(GoldFixture.MONTH, GoldFixture.abPresent());
    MonthData before = october.withFollowThrough(FollowThrough.absent());
    for (Language language : Language.values()) {
      ReportRenderer.Rendered with =
          ReportRenderer.render(october, language, font, ReportRendererTest.CODE, "/lake");
      PDF.put(language, pdfText(with));
      HTML.put(language, html(with));
      ReportRenderer.Rendered without =
          ReportRenderer.render(before, language, font, ReportRendererTest.CODE, "/lake");
      PDF_WITHOUT.put(language, pdfText(without));
      HTML_WITHOUT.put(language, html(without));
    }
  }

  @Test
  void departmentScorecardsShowEachDepartmentsKpisWithTheirStatus() {
    // SALES: coverage 0.6818 missed, mis-transmission 0.0408 at risk, satisfaction 3.28 at risk.
    // HR: coverage 0.9612 at risk, no mis-transmission row, satisfaction suppressed.
    // FIN: only a suppressed satisfaction row (carrying 2.17 by mistake).
    both("Sales 68.2% ◆ 4.1% ▲ 3.28 ▲", "销售部 68.2% ◆ 4.1% ▲ 3.28 ▲");
    both("R&D 97.3% ● 2.8% ● 3.95 ●", "研发部 97.3% ● 2.8% ● 3.95 ●");
    both("Human Resources 96.1% ▲ – hidden", "人力资源部 96.1% ▲ – 隐藏");
    both("Finance – – hidden", "财务部 – – 隐藏");
    both("Operations – 7.2% ◆ –", "运营部 – 7.2% ◆ –");
    // The service department's own rows; CS is not in the roster, so its name comes from the
    // vocabulary.
    both("Customer response: Customer Service", "客户响应：客户服务部");
    both(
        "Complaint first-response time (mean) ≤ 24 h 20.3 h 18.9–21.8 h ● met",
        "投诉首次响应时间（均值） ≤ 24 小时 20.3 小时 18.9–21.8 小时 ● 达标");
    both(
        "Social comments answered within 24 h ≥ 100% 86.2% 85.0–87.3% ◆ missed",
        "社交媒体评论 24 小时内回复率 ≥ 100% 86.2% 85.0–87.3% ◆ 未达标");
    for (Language language : Language.values()) {
      String html = HTML.get(language);
      assertContains(html, "<td class=\"num status-missed\">68.2% ◆</td>", language + " tint");
      assertContains(html, "<td class=\"num status-met\">97.3% ●</td>", language + " tint");
      assertContains(html, "<td class=\"num status-at_risk\">3.28 ▲</td>", language + " tint");
    }
  }

  @Test
  void theAiScopeListsTheFiveLargestTicketKindsAndTheModel() {
    both(
        "Technical support · Online chat 900 30.0% 22.0% 1050.0 h –",
        "技术支持 · 在线客服 900 30.0% 22.0% 1050.0 小时 –");
    both(
        "Service complaint · Phone 600 20.0% 0.0% 2160.0 h –",
        "服务投诉 · 电话 600 20.0% 0.0% 2160.0 小时 –");
    both(
        "Technical support · E-mail 450 15.0% 4.0% 2656.8 h –",
        "技术支持 · 电子邮件 450 15.0% 4.0% 2656.8 小时 –");
    both(
        "Product suggestion · Online chat 300 10.0% 35.0% 468.0 h ↓ worse than agents",
        "产品建议 · 在线客服 300 10.0% 35.0% 468.0 小时 ↓ 低于人工");
    both(
        "Service complaint · E-mail 240 8.0% 0.0% 1800.0 h –",
        "服务投诉 · 电子邮件 240 8.0% 0.0% 1800.0 小时 –");
    // 30 + 20 + 15 + 10 + 8 = 83% of the tickets; 1050 + 2160 + 2656.8 + 468 + 1800 = 8134.8 hours.
    both(
        "The 5 largest ticket kinds make up 83.0% of the month's tickets; automating them would save about 8134.8 h",
        "工单量最大的 5 类工单占本月工单的 83.0%；若实现自动化，预计可减少客户等待约 8134.8 小时");
    both(
        "expected hours saved = automation share 30% × human-handled tickets × median handling hours",
        "预计节省小时数 = 自动化比例 30% × 人工处理工单数 × 处理时长中位数");
    for (Language language : Language.values()) {
      assertFalse(PDF.get(language).contains("67.5"), language + ": the sixth kind is shown");
      assertFalse(HTML.get(language).contains("67.5"), language + ": the sixth kind is shown");
      assertContains(
          HTML.get(language),
          "<td class=\"status-missed\">"
              + (language == Language.EN ? "↓ worse than agents" : "↓ 低于人工")
              + "</td>",
          language + " marker");
    }
  }

  @Test
  void theHoursSavedChartIsInBothDocumentsWithItsFinding() {
    assertContains(
        HTML.get(Language.EN),
        "alt=\"Automating Technical support · E-mail would save the most waiting: " + "2656.8 h\"",
        "en chart");
    assertContains(HTML.get(Language.ZH), "alt=\"技术支持 · 电子邮件 自动化节省的等待最多：2656.8 小时\"", "zh chart");
    assertContains(
        PDF.get(Language.EN), "AI customer service: expected hours saved", "en chart heading");
    assertContains(PDF.get(Language.ZH), "AI 客服：预计节省的小时数", "zh chart heading");
  }

  @Test
  void followUpsShowEachSegmentAndTheTotal() {
    both("Key accounts 40 90.0% 75.0% 10 70.0%", "重点客户 40 90.0% 75.0% 10 70.0%");
    both("Enterprise 80 75.0% 60.0% 16 25.0%", "企业客户 80 75.0% 60.0% 16 25.0%");
    // 7 of 21 problems closed.
    both("Small business 120 70.0% 50.0% 21 33.3%", "中小企业 120 70.0% 50.0% 21 33.3%");
    // No problem found: no closed-loop share.
    both("Consumers 25 40.0% 20.0% 0 –", "个人消费者 25 40.0% 20.0% 0 –");
    // 190/265, 143/265, 18/47.
    both("All segments 265 71.7% 54.0% 47 38.3%", "全部客户 265 71.7% 54.0% 47 38.3%");
  }

  @Test
  void theSuggestionBoxShowsTheTotalAndOnlyPublishableGroups() {
    // 24 of 64 acted on.
    both(
        "64 suggestions received; 37.5% acted on; median 6.5 days to a published response; 9 rewarded.",
        "收到建议 64 条；采纳 37.5%；公开回复用时中位数 6.5 天；9 条获奖励。");
    both("Channel Offline 14 28.6% 9.0 days 1", "渠道 线下 14 28.6% 9.0 天 1");
    both("Channel Online 50 40.0% 5.5 days 8", "渠道 线上 50 40.0% 5.5 天 8");
    both("Category Process 30 40.0% 4.0 days 5", "类别 流程 30 40.0% 4.0 天 5");
    both("Category Tool 27 37.0% 7.5 days 3", "类别 工具 27 37.0% 7.5 天 3");
    both("Category Skill hidden hidden hidden hidden", "类别 技能 隐藏 隐藏 隐藏 隐藏");
    both("Category Other hidden hidden hidden hidden", "类别 其他 隐藏 隐藏 隐藏 隐藏");
  }

  @Test
  void noSuppressedFigureAppears() {
    for (Language language : Language.values()) {
      for (String leaked :
          concat(GoldFixture.LEAKED_FEEDBACK, List.of(GoldFixture.LEAKED_DEPARTMENT_MEAN))) {
        assertFalse(PDF.get(language).contains(leaked), language + " PDF shows " + leaked);
        assertFalse(HTML.get(language).contains(leaked), language + " HTML shows " + leaked);
      }
    }
  }

  @Test
  void withoutTheTablesEachPartSaysItIsNotAvailable() {
    for (String table :
        List.of(
            "gold.department_scorecard",
            "gold.automation_candidates",
            "gold.followup_coverage",
            "gold.feedback_loop")) {
      String en = "Not available for this month (" + table + " holds no figures for it).";
      String zh = "本月暂无数据（" + table + " 中没有本月的数据）。";
      assertContains(PDF_WITHOUT.get(Language.EN), en, "en PDF");
      assertContains(HTML_WITHOUT.get(Language.EN), en, "en HTML");
      assertContains(PDF_WITHOUT.get(Language.ZH), zh, "zh PDF");
      assertContains(HTML_WITHOUT.get(Language.ZH), zh, "zh HTML");
      assertFalse(PDF.get(Language.EN).contains(en), "present tables reported missing");
    }
    assertContains(PDF_WITHOUT.get(Language.EN), "Strategy follow-through", "heading");
    assertContains(PDF_WITHOUT.get(Language.ZH), "战略落实情况", "heading");
    assertFalse(
        PDF_WITHOUT.get(Language.EN).contains("Key accounts"), "a follow-up row without its table");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The English text in the English PDF and HTML, the Chinese in the Chinese ones. */
  private static void both(String en, String zh) {
    assertContains(PDF.get(Language.EN), en, "en PDF");
    assertContains(PDF.get(Language.ZH), zh, "zh PDF");
    assertContains(cellText(HTML.get(Language.EN)), en, "en HTML");
    assertContains(cellText(HTML.get(Language.ZH)), zh, "zh HTML");
  }

  /** The HTML as text: markup between table cells becomes one space, entities are decoded. */
  private static String cellText(String html) {
    return html.replaceAll("(</t[dh]>\\s*<t[dh][^>]*>)", " ")
        .replaceAll("<[^>]+>", "")
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }

  private static String pdfText(ReportRenderer.Rendered rendered) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(rendered.files().get(ReportRenderer.PDF))) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  private static String html(ReportRenderer.Rendered rendered) {
    return new String(rendered.files().get(ReportRenderer.HTML), StandardCharsets.UTF_8);
  }

  /** Line breaks of the layout do not count: the text may wrap with or without a space (CJK). */
  private static void assertContains(String text, String expected, String what) {
    boolean found =
        text.contains(expected)
            || text.replaceAll("\\s*\\R\\s*", " ").contains(expected)
            || text.replaceAll("\\s*\\R\\s*", "").contains(expected);
    assertTrue(found, what + ": \"" + expected + "\" not found");
  }
}
