package io.commpulse.report.chart;

import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.MonthData;
import io.commpulse.tickets.AutomationCandidateRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Expected hours of customer waiting saved by automating each of the largest ticket kinds, most
 * first.
 */
public final class HoursSavedChart {
  static final String ID = "09-hours-saved";

  /** The ticket kinds the report shows: the largest by volume. */
  public static final int TOP_KINDS = 5;

  private HoursSavedChart() {}

  /** The largest ticket kinds by volume, in rank order. */
  public static List<AutomationCandidateRow> largest(List<AutomationCandidateRow> kinds) {
    return kinds.stream()
        .sorted(Comparator.comparingInt(AutomationCandidateRow::volumeRank))
        .limit(TOP_KINDS)
        .toList();
  }

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<AutomationCandidateRow> kinds =
        data.followThrough().automation().map(HoursSavedChart::largest).orElse(List.of()).stream()
            .filter(k -> k.expectedHoursSaved() != null)
            .sorted(
                Comparator.comparingDouble(AutomationCandidateRow::expectedHoursSaved)
                    .reversed()
                    .thenComparingInt(AutomationCandidateRow::volumeRank))
            .toList();
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    String key = m.text(Message.COL_HOURS_SAVED);
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    Map<String, String> labels = new HashMap<>();
    for (AutomationCandidateRow k : kinds) {
      String kind = kindName(k, m);
      dataset.addValue(k.expectedHoursSaved(), key, kind);
      labels.put(kind, m.use(m.fmt().hours(k.expectedHoursSaved())));
    }
    CategoryAxis kindAxis = new CategoryAxis(null);
    kindAxis.setMaximumCategoryLabelWidthRatio(0.45f);
    kindAxis.setCategoryMargin(0.25);
    NumberAxis hoursAxis = new NumberAxis(m.text(Message.AXIS_HOURS_SAVED));
    hoursAxis.setNumberFormatOverride(Axes.format("#,##0"));
    hoursAxis.setUpperMargin(0.2);
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setSeriesPaint(0, Palette.BLUE);
    bars.setMaximumBarWidth(0.5);
    bars.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator() {
          @Override
          public String generateLabel(CategoryDataset data, int row, int column) {
            return labels.get((String) data.getColumnKey(column));
          }
        });
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(style.valueFont());
    bars.setDefaultItemLabelPaint(Palette.INK);
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    CategoryPlot plot = new CategoryPlot(dataset, kindAxis, hoursAxis, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    AutomationCandidateRow most = kinds.get(0);
    String title =
        m.text(
            Message.CHART_HOURS_SAVED_TITLE,
            kindName(most, m),
            m.fmt().hours(most.expectedHoursSaved()));
    String subtitle =
        m.text(Message.CHART_HOURS_SAVED_SUBTITLE, m.fmt().target("share", most.automationShare()));
    return Optional.of(
        new Figure.Single(
            ID, title, style.chart(title, subtitle, plot, false), Figure.rowsHeight(kinds.size())));
  }

  /** "Category · channel" in the report's language. */
  public static String kindName(AutomationCandidateRow k, Messages m) {
    return m.text(
        Message.PANEL_VALUE,
        m.name(Vocabulary.HOTSPOT_CATEGORY, k.category()),
        m.name(Vocabulary.CHANNEL, k.channel()));
  }
}
