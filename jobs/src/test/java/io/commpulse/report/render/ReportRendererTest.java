package io.commpulse.report.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.coverage.CoverageRow;
import io.commpulse.report.i18n.Bilingual;
import io.commpulse.report.i18n.Formats;
import io.commpulse.report.i18n.KpiDefinitions;
import io.commpulse.report.i18n.Language;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.GoldFixture;
import io.commpulse.report.model.MonthData;
import io.commpulse.scorecard.KpiScorecardRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders the fixture month in both languages and reads the PDF back with PDFBox. */
class ReportRendererTest {
  static final CodeVersion CODE = new CodeVersion("test", "0123456789abcdef0123");
  private static ReportFont font;
  private static MonthData october;
  private static final Map<Language, ReportRenderer.Rendered> RENDERED =
      new EnumMap<>(Language.class);
  private static final Map<Language, String> PDF_TEXT = new EnumMap<>(Language.class);

  @BeforeAll
  static void render() throws IOException {
    font = ReportFont.locate(Optional.empty(), Language.ZH);
    october = GoldFixture.monthData(GoldFixture.MONTH, GoldFixture.abPresent());
    for (Language language : Language.values()) {
      ReportRenderer.Rendered rendered =
          ReportRenderer.render(october, language, font, CODE, "/lake");
      RENDERED.put(language, rendered);
      try (PDDocument pdf = Loader.loadPDF(rendered.files().get(ReportRenderer.PDF))) {
        PDF_TEXT.put(language, new PDFTextStripper().getText(pdf));
      }
    }
  }

  @Test
  void thePdfHasTheExpectedPages() throws IOException {
    for (Language language : Language.values()) {
      try (PDDocument pdf =
          Loader.loadPDF(RENDERED.get(language).files().get(ReportRenderer.PDF))) {
        // Summary and scorecard; the two KPI charts; satisfaction, coverage and reply times;
        // social, hotspots and
        // A/B; hours saved by AI customer service; the strategy follow-through; the appendices on a
        // page of their own.
        assertEquals(7, pdf.getNumberOfPages(), language.code());
      }
    }
  }

  @Test
  void thePdfShowsTheScorecardFiguresAsTheGoldTableHoldsThem() {
    for (Language language : Language.values()) {
      Formats f = new Formats(language);
      String text = PDF_TEXT.get(language);
      for (KpiScorecardRow kpi : october.scorecard()) {
        assertContains(
            text, f.value(kpi.unit(), kpi.actual()), language + " " + kpi.kpi() + " actual");
        assertContains(
            text,
            f.interval(kpi.unit(), kpi.ciLow(), kpi.ciHigh()),
            language + " " + kpi.kpi() + " CI");
        assertContains(
            text, f.value(kpi.unit(), kpi.previous()), language + " " + kpi.kpi() + " previous");
      }
    }
    // The same figures, written out by hand from the fixture.
    for (String figure :
        List.of("93.1%", "92.4–93.8%", "4.1%", "3.7–4.6%", "86.2%", "3.62", "3.51–3.73", "58.3%")) {
      assertContains(PDF_TEXT.get(Language.EN), figure, "en");
      assertContains(PDF_TEXT.get(Language.ZH), figure, "zh");
    }
    assertContains(PDF_TEXT.get(Language.EN), "20.3 h", "en");
    assertContains(PDF_TEXT.get(Language.ZH), "20.3 小时", "zh");
  }

  @Test
  void theChineseReportIsInChineseAndTheEnglishInEnglish() {
    String zh = PDF_TEXT.get(Language.ZH);
    assertContains(zh, "沟通管理月度报告", "title");
    assertContains(zh, "信息覆盖率为 93.1%", "summary");
    assertContains(zh, "附录 B：本月数据接入质量", "appendix");
    String en = PDF_TEXT.get(Language.EN);
    assertContains(en, "Communication management report", "title");
    assertFalse(
        en.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
        "Chinese in the English report");
  }

  @Test
  void everyFontInThePdfIsEmbedded() throws IOException {
    for (Language language : Language.values()) {
      try (PDDocument pdf =
          Loader.loadPDF(RENDERED.get(language).files().get(ReportRenderer.PDF))) {
        int fonts = 0;
        for (PDPage page : pdf.getPages()) {
          PDResources resources = page.getResources();
          for (COSName name : resources.getFontNames()) {
            PDFont pdFont = resources.getFont(name);
            assertTrue(
                pdFont.isEmbedded(), language + ": " + pdFont.getName() + " is not embedded");
            fonts++;
          }
        }
        assertTrue(fonts > 0, "no fonts found");
      }
    }
  }

  @Test
  void noHiddenSatisfactionFigureAppearsAnywhere() {
    for (Language language : Language.values()) {
      assertFalse(PDF_TEXT.get(language).contains(GoldFixture.LEAKED_MEAN), language + " PDF");
      String html = html(language);
      assertFalse(html.contains(GoldFixture.LEAKED_MEAN), language + " HTML");
      assertFalse(
          RENDERED.get(language).texts().stream()
              .anyMatch(t -> t.contains(GoldFixture.LEAKED_MEAN)));
    }
    assertContains(
        PDF_TEXT.get(Language.EN),
        "Human Resources (all questions); Finance (all questions)",
        "note");
  }

  @Test
  void theHtmlIsSelfContainedWithEveryChartInline() {
    for (Language language : Language.values()) {
      String html = html(language);
      assertFalse(
          html.matches("(?s).*(src|href)=\"(?!data:)[^\"]*\".*"), "external reference in the HTML");
      long images = html.split("data:image/png;base64,", -1).length - 1L;
      assertEquals(RENDERED.get(language).figureIds().size(), images);
      assertContains(html, "status-missed", "status colours");
    }
  }

  @Test
  void textFromTheDataIsEscapedInTheHtml() {
    String hostile = "<script>alert('x')</script> & \"more\"";
    List<CoverageRow> coverage = new ArrayList<>();
    for (CoverageRow c : october.coverage()) {
      coverage.add(
          c.decisionId().equals("D02")
              ? new CoverageRow(
                  c.month(),
                  c.decisionId(),
                  hostile,
                  hostile,
                  c.department(),
                  c.employees(),
                  c.aware(),
                  c.share(),
                  c.ciLow(),
                  c.ciHigh(),
                  c.target(),
                  c.pBelowTarget(),
                  c.meetsTarget(),
                  c.status(),
                  c.medianHoursToAware(),
                  c.topChannel(),
                  c.topChannelShare(),
                  c.dataThrough(),
                  c.state())
              : c);
    }
    MonthData data =
        new MonthData(
            october.month(),
            october.versions(),
            october.scorecard(),
            october.history(),
            coverage,
            october.satisfaction(),
            october.responseSla(),
            october.social(),
            october.mistransmission(),
            october.hotspots(),
            october.ab(),
            october.dataQuality(),
            october.departments());
    for (Language language : Language.values()) {
      String html =
          new String(
              ReportRenderer.render(data, language, font, CODE, "/lake")
                  .files()
                  .get(ReportRenderer.HTML),
              StandardCharsets.UTF_8);
      assertFalse(
          html.toLowerCase(Locale.ROOT).contains("<script"),
          language + ": markup from the data got through");
      assertContains(
          html,
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;",
          language.code());
    }
  }

  @Test
  void theFontCanDrawEveryStringTheReportShows() {
    for (Language language : Language.values()) {
      for (String text : RENDERED.get(language).texts()) {
        assertTrue(
            font.canDisplay(text),
            language
                + ": "
                + font.family()
                + " cannot draw \""
                + text
                + "\" at "
                + font.awt().canDisplayUpTo(text));
      }
    }
  }

  @Test
  void theFontCanDrawEveryTextTheCatalogueHolds() {
    List<String> all = new ArrayList<>();
    for (Language language : Language.values()) {
      for (Message message : Message.values()) {
        all.add(message.template(language));
      }
      for (Vocabulary vocabulary : Vocabulary.values()) {
        vocabulary.names().values().forEach(name -> all.add(name.in(language)));
      }
      for (KpiDefinitions.Definition d : KpiDefinitions.ALL) {
        for (Bilingual b : List.of(d.name(), d.definition(), d.target())) {
          all.add(b.in(language));
        }
      }
    }
    all.addAll(List.of("●", "▲", "◆", "–", "↑", "↓", "→", "…", "·"));
    for (String text : all) {
      assertEquals(
          -1, font.awt().canDisplayUpTo(text), font.family() + " cannot draw \"" + text + "\"");
    }
  }

  @Test
  void twoRendersOfTheSameDataGiveTheSameBytes() {
    ReportRenderer.Rendered again =
        ReportRenderer.render(october, Language.ZH, font, CODE, "/lake");
    ReportRenderer.Rendered first = RENDERED.get(Language.ZH);
    assertEquals(first.files().keySet(), again.files().keySet());
    first.files().forEach((name, bytes) -> assertArrayEquals(bytes, again.files().get(name), name));
  }

  private static String html(Language language) {
    return new String(
        RENDERED.get(language).files().get(ReportRenderer.HTML), StandardCharsets.UTF_8);
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
