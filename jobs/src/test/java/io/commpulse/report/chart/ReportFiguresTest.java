package io.commpulse.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.report.i18n.Language;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.model.AbResults;
import io.commpulse.report.model.GoldFixture;
import io.commpulse.report.model.MonthData;
import io.commpulse.report.render.ReportFont;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {
  private static ChartStyle style;
  private static MonthData october;

  @BeforeAll
  static void font() {
    style = new ChartStyle(ReportFont.locate(Optional.empty(), Language.ZH).awt());
    october = GoldFixture.monthData(GoldFixture.MONTH, GoldFixture.abPresent());
  }

  private static List<ChartSection> sections(MonthData data, Language language) {
    return ReportFigures.sections(data, new Messages(language, data.departments()), style);
  }

  private static Figure figure(List<ChartSection> sections, String id) {
    return sections.stream()
        .flatMap(s -> s.figure().stream())
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no figure " + id));
  }

  @Test
  void everySectionHasItsFigureInReadingOrder() {
    List<String> ids =
        sections(october, Language.EN).stream().map(s -> s.figure().orElseThrow().id()).toList();
    assertEquals(
        List.of(
            "01-kpi-targets",
            "02-kpi-trends",
            "03-satisfaction",
            "04-coverage",
            "05-first-reply",
            "06-social-reply",
            "07-hotspots",
            "08-ab-forest",
            "09-hours-saved"),
        ids);
  }

  @Test
  void pngsHaveTheFigureSizeAndAreNotBlank() throws IOException {
    for (ChartSection section : sections(october, Language.ZH)) {
      Figure figure = section.figure().orElseThrow();
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(FigureImages.png(figure)));
      assertEquals(figure.width() * FigureImages.SCALE, image.getWidth(), figure.id());
      assertEquals(figure.height() * FigureImages.SCALE, image.getHeight(), figure.id());
      assertTrue(inkShare(image) > 0.02, figure.id() + " is nearly blank: " + inkShare(image));
      assertTrue(lumaVariance(image) > 100, figure.id() + " has no contrast");
    }
  }

  @Test
  void twoRendersGiveIdenticalBytes() {
    List<ChartSection> first = sections(october, Language.ZH);
    List<ChartSection> second = sections(october, Language.ZH);
    for (int i = 0; i < first.size(); i++) {
      Figure a = first.get(i).figure().orElseThrow();
      Figure b = second.get(i).figure().orElseThrow();
      assertArrayEquals(FigureImages.png(a), FigureImages.png(b), a.id());
      assertArrayEquals(FigureImages.svg(a), FigureImages.svg(b), a.id());
    }
  }

  @Test
  void hiddenSatisfactionCellsAreMarkedAndNeverPlotted() {
    Messages m = new Messages(Language.EN, october.departments());
    Figure.Single figure =
        (Figure.Single) figure(ReportFigures.sections(october, m, style), "03-satisfaction");
    XYPlot plot = figure.chart().getXYPlot();
    XYZDataset cells = (XYZDataset) plot.getDataset();
    SymbolAxis departments = (SymbolAxis) plot.getDomainAxis();
    List<String> names = List.of(departments.getSymbols());
    for (int i = 0; i < cells.getItemCount(0); i++) {
      String department = names.get((int) cells.getXValue(0, i));
      assertFalse(
          department.equals("Human Resources") || department.equals("Finance"),
          "hidden department plotted: " + department);
      assertTrue(Math.abs(cells.getZValue(0, i) - 1.23) > 1e-9, "hidden figure plotted");
    }
    assertEquals(9, cells.getItemCount(0));
    List<String> labels =
        plot.getAnnotations().stream()
            .filter(a -> a instanceof XYTextAnnotation)
            .map(a -> ((XYTextAnnotation) a).getText())
            .toList();
    assertEquals(6, labels.stream().filter(m.text(Message.SUPPRESSED)::equals).count());
    assertFalse(labels.contains(GoldFixture.LEAKED_MEAN));
    assertTrue(
        figure.title().startsWith("Satisfaction is lowest in Sales (overall mean 3.28)"),
        figure.title());
  }

  @Test
  void srmInvalidComparisonsAreDrawnHollowGreyAndLabelled() {
    Figure.Single forest = (Figure.Single) figure(sections(october, Language.EN), "08-ab-forest");
    XYPlot plot = forest.chart().getXYPlot();
    List<String> rows = List.of(((SymbolAxis) plot.getDomainAxis()).getSymbols());
    assertTrue(
        rows.stream().anyMatch(r -> r.startsWith("EXP-SRM") && r.endsWith("[SRM]")),
        rows.toString());
    XYErrorRenderer renderer = (XYErrorRenderer) plot.getRenderer();
    int invalid = plot.getDataset().getSeriesKey(1).toString().startsWith("Invalid") ? 1 : 0;
    assertEquals(Palette.GREY, renderer.getSeriesPaint(invalid));
    assertEquals(Palette.WHITE, renderer.getSeriesFillPaint(invalid));
    assertEquals("Channel experiments: 2 of 4 comparisons found a winner", forest.title());
  }

  @Test
  void theAbSectionSaysWhyWhenThereIsNothingToPlot() {
    MonthData absent = GoldFixture.monthData(GoldFixture.MONTH, new AbResults.Absent());
    ChartSection ab = sections(absent, Language.EN).get(7);
    assertTrue(ab.figure().isEmpty());
    assertEquals(
        "No A/B results: the table gold.ab_results does not exist in this lake yet.",
        ab.fallback());
    MonthData empty = GoldFixture.monthData(GoldFixture.MONTH, new AbResults.Present(List.of()));
    assertEquals("本月没有渠道实验结果。", sections(empty, Language.ZH).get(7).fallback());
  }

  @Test
  void titlesStateTheFinding() {
    List<ChartSection> en = sections(october, Language.EN);
    assertEquals("2 of 6 KPIs met their target, 2 missed", figure(en, "01-kpi-targets").title());
    assertEquals(
        "Against the previous month 4 KPIs improved and 2 worsened",
        figure(en, "02-kpi-trends").title());
    assertEquals(
        "2 of 3 decisions reached the 95% coverage target", figure(en, "04-coverage").title());
    assertEquals(
        "Complaints: mean first reply within 24 h on 2 of 3 channels",
        figure(en, "05-first-reply").title());
    assertEquals(
        "86.2% of social comments answered within 24 h; lowest on Douyin (71.0%)",
        figure(en, "06-social-reply").title());
    assertEquals(
        "Customer issues: technical support first; Internal problems: process first",
        figure(en, "07-hotspots").title());
    // 0.3 x 432 x 20.5 h = 2656.8 h, the most of the five largest kinds.
    assertEquals(
        "Automating Technical support · E-mail would save the most waiting: 2656.8 h",
        figure(en, "09-hours-saved").title());
    assertEquals(
        "技术支持 · 电子邮件 自动化节省的等待最多：2656.8 小时",
        figure(sections(october, Language.ZH), "09-hours-saved").title());
  }

  @Test
  void theHoursSavedChartPlotsTheFiveLargestKindsMostSavedFirst() {
    Figure.Single chart = (Figure.Single) figure(sections(october, Language.EN), "09-hours-saved");
    org.jfree.data.category.CategoryDataset bars =
        ((org.jfree.chart.plot.CategoryPlot) chart.chart().getPlot()).getDataset();
    // The sixth kind by volume (WeCom, 67.5 h) is left out.
    assertEquals(
        List.of(
            "Technical support · E-mail",
            "Service complaint · Phone",
            "Service complaint · E-mail",
            "Technical support · Online chat",
            "Product suggestion · Online chat"),
        bars.getColumnKeys());
    assertEquals(
        List.of(2656.8, 2160.0, 1800.0, 1050.0, 468.0),
        List.of(
            bars.getValue(0, 0),
            bars.getValue(0, 1),
            bars.getValue(0, 2),
            bars.getValue(0, 3),
            bars.getValue(0, 4)));
    assertEquals(
        "Expected hours of customer waiting saved (h)",
        ((org.jfree.chart.plot.CategoryPlot) chart.chart().getPlot()).getRangeAxis().getLabel());
  }

  @Test
  void withoutTheAutomationTableTheChartSectionSaysSo() {
    MonthData before = october.withFollowThrough(io.commpulse.report.model.FollowThrough.absent());
    ChartSection hours = sections(before, Language.EN).get(8);
    assertTrue(hours.figure().isEmpty());
    assertEquals(
        "Not available for this month (gold.automation_candidates holds no figures for it).",
        hours.fallback());
  }

  @Test
  void suppressedCellsAreListedUnderTheChart() {
    ChartSection satisfaction = sections(october, Language.EN).get(2);
    assertEquals(
        List.of(
            "Hidden to protect anonymity (too few respondents, or a cell that would reveal a small group "
                + "by subtraction): Human Resources (all questions); Finance (all questions)."),
        satisfaction.notes());
  }

  private static double inkShare(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }

  private static double lumaVariance(BufferedImage image) {
    double sum = 0;
    double squares = 0;
    long n = (long) image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        double luma =
            0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        sum += luma;
        squares += luma * luma;
      }
    }
    double mean = sum / n;
    return squares / n - mean * mean;
  }
}
