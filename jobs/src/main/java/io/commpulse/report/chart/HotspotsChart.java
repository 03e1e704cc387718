package io.commpulse.report.chart;

import io.commpulse.commlog.HotspotRow;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.MonthData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A Pareto chart per problem domain: counts by rank with the change on last month, and the
 * cumulative share.
 */
public final class HotspotsChart {
  static final String ID = "07-hotspots";
  static final int PANEL_HEIGHT = 250;

  private HotspotsChart() {}

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<JFreeChart> panels = new ArrayList<>();
    List<String> titleParts = new ArrayList<>();
    for (String domain : List.of("customer", "internal")) {
      List<HotspotRow> rows =
          data.hotspots().stream()
              .filter(r -> domain.equals(r.domain()))
              .sorted(Comparator.comparingInt(HotspotRow::rank).thenComparing(HotspotRow::category))
              .toList();
      if (rows.isEmpty() || rows.stream().mapToLong(HotspotRow::count).sum() == 0) {
        continue;
      }
      panels.add(panel(domain, rows, m, style));
      titleParts.add(
          m.text(
              Message.CHART_HOTSPOTS_TITLE_PART,
              m.name(Vocabulary.HOTSPOT_DOMAIN, domain),
              m.name(Vocabulary.HOTSPOT_CATEGORY, rows.get(0).category())
                  .toLowerCase(m.language().locale())));
    }
    if (panels.isEmpty()) {
      return Optional.empty();
    }
    String title = m.use(String.join(m.text(Message.LIST_SEPARATOR), titleParts));
    return Optional.of(
        new Figure.Panels(
            ID,
            title,
            style.heading(title),
            style.subtitle(m.text(Message.CHART_HOTSPOTS_SUBTITLE)),
            panels,
            2,
            PANEL_HEIGHT));
  }

  private static JFreeChart panel(
      String domain, List<HotspotRow> rows, Messages m, ChartStyle style) {
    String countKey = m.text(Message.LEGEND_PROBLEMS);
    String cumulativeKey = m.text(Message.LEGEND_CUMULATIVE);
    DefaultCategoryDataset counts = new DefaultCategoryDataset();
    DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
    long total = rows.stream().mapToLong(HotspotRow::count).sum();
    long running = 0;
    Map<String, String> labels = new HashMap<>();
    for (HotspotRow r : rows) {
      String category = m.name(Vocabulary.HOTSPOT_CATEGORY, r.category());
      running += r.count();
      counts.addValue(r.count(), countKey, category);
      cumulative.addValue(100.0 * running / total, cumulativeKey, category);
      String change =
          r.changeShare() == null ? "" : " (" + m.fmt().signedShare(r.changeShare()) + ")";
      labels.put(category, m.use(m.fmt().count(r.count()) + change));
    }
    CategoryAxis categoryAxis = new CategoryAxis(null);
    categoryAxis.setMaximumCategoryLabelLines(2);
    categoryAxis.setCategoryMargin(0.3);
    NumberAxis countAxis = new NumberAxis(m.text(Message.AXIS_PROBLEMS));
    countAxis.setNumberFormatOverride(Axes.format("#,##0"));
    countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    countAxis.setUpperMargin(0.18);
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setSeriesPaint(0, Palette.BLUE);
    bars.setMaximumBarWidth(0.22);
    bars.setDefaultItemLabelGenerator(
        new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
          @Override
          public String generateLabel(
              org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            return labels.get((String) dataset.getColumnKey(column));
          }
        });
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(style.valueFont());
    bars.setDefaultItemLabelPaint(Palette.INK);
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));

    CategoryPlot plot = new CategoryPlot(counts, categoryAxis, countAxis, bars);
    NumberAxis shareAxis = new NumberAxis(m.text(Message.AXIS_CUMULATIVE));
    shareAxis.setRange(0, 105);
    shareAxis.setNumberFormatOverride(Axes.format("0"));
    plot.setRangeAxis(1, shareAxis);
    plot.setDataset(1, cumulative);
    plot.mapDatasetToRangeAxis(1, 1);
    LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
    line.setSeriesPaint(0, Palette.BLACK);
    line.setSeriesStroke(0, new java.awt.BasicStroke(1.4f));
    line.setSeriesShape(0, Palette.square(6));
    plot.setRenderer(1, line);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return style.panel(m.name(Vocabulary.HOTSPOT_DOMAIN, domain), plot, false);
  }
}
