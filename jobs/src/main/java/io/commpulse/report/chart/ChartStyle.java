package io.commpulse.report.chart;

import java.awt.Font;
import java.awt.RenderingHints;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Fonts and the plain look shared by every chart: white background, no borders or shadows, light
 * grid lines on the value axis only, left-aligned titles that state the finding. Sizes are in
 * points of the logical canvas ({@link Figure#WIDTH} wide), which the PDF shows at about 80% of its
 * size.
 */
public final class ChartStyle {
  private final Font base;

  public ChartStyle(Font base) {
    this.base = base;
  }

  public Font font(float size) {
    return base.deriveFont(Font.PLAIN, size);
  }

  public Font bold(float size) {
    return base.deriveFont(Font.BOLD, size);
  }

  public Font titleFont() {
    return bold(15f);
  }

  public Font subtitleFont() {
    return font(11f);
  }

  public Font tickFont() {
    return font(10f);
  }

  public Font labelFont() {
    return font(10.5f);
  }

  public Font valueFont() {
    return font(9.5f);
  }

  /** A chart with a finding as title and a line that says what is plotted. */
  public JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, titleFont(), plot, legend);
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
    chart.getTitle().setPaint(Palette.INK);
    chart.getTitle().setMargin(new RectangleInsets(2, 4, 2, 4));
    if (subtitle != null) {
      chart.addSubtitle(subtitle(subtitle));
    }
    finish(chart);
    return chart;
  }

  /** A small panel of a multi-panel figure: a short bold title, no subtitle. */
  public JFreeChart panel(String title, Plot plot, boolean legend) {
    return panel(title, plot, legend, 11.5f);
  }

  public JFreeChart panel(String title, Plot plot, boolean legend, float titleSize) {
    JFreeChart chart = new JFreeChart(title, bold(titleSize), plot, legend);
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
    chart.getTitle().setPaint(Palette.INK);
    finish(chart);
    return chart;
  }

  public TextTitle subtitle(String text) {
    TextTitle sub = new TextTitle(text, subtitleFont());
    sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
    sub.setTextAlignment(HorizontalAlignment.LEFT);
    sub.setPaint(Palette.MUTED_INK);
    sub.setMargin(new RectangleInsets(0, 4, 6, 4));
    return sub;
  }

  public TextTitle heading(String text) {
    TextTitle title = new TextTitle(text, titleFont());
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setTextAlignment(HorizontalAlignment.LEFT);
    title.setPaint(Palette.INK);
    title.setMargin(new RectangleInsets(2, 4, 2, 4));
    return title;
  }

  private void finish(JFreeChart chart) {
    chart.setBackgroundPaint(Palette.WHITE);
    chart.setBorderVisible(false);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(font(10f));
      legend.setFrame(BlockBorder.NONE);
      legend.setBackgroundPaint(Palette.WHITE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Palette.WHITE);
    plot.setOutlineVisible(false);
    plot.setNoDataMessageFont(font(11f));
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinesVisible(false);
      xy.setRangeGridlinePaint(Palette.GRID);
      xy.setRangeGridlineStroke(Palette.THIN);
      xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
      for (int i = 0; i < xy.getDomainAxisCount(); i++) {
        axis(xy.getDomainAxis(i));
      }
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        axis(xy.getRangeAxis(i));
      }
    } else if (plot instanceof CategoryPlot cat) {
      cat.setDomainGridlinesVisible(false);
      cat.setRangeGridlinePaint(Palette.GRID);
      cat.setRangeGridlineStroke(Palette.THIN);
      cat.setAxisOffset(RectangleInsets.ZERO_INSETS);
      for (int i = 0; i < cat.getDomainAxisCount(); i++) {
        axis(cat.getDomainAxis(i));
      }
      for (int i = 0; i < cat.getRangeAxisCount(); i++) {
        axis(cat.getRangeAxis(i));
      }
    }
  }

  private void axis(Axis axis) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(labelFont());
    axis.setLabelPaint(Palette.MUTED_INK);
    axis.setTickLabelFont(tickFont());
    axis.setTickLabelPaint(Palette.INK);
    axis.setAxisLinePaint(Palette.GREY);
    axis.setTickMarkPaint(Palette.GREY);
    if (axis instanceof ValueAxis value) {
      value.setTickMarkOutsideLength(3f);
    }
  }
}
