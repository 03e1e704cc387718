package io.commpulse.report.chart;

import java.awt.Color;
import java.awt.Shape;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Horizontal dot-and-whisker rows: a point per row with its interval, rows labelled on the left,
 * reference lines (targets) dashed. Used wherever an estimate and its uncertainty are the message.
 */
final class IntervalDotPlot {
  /** How the points of one group look; each group is one legend entry. */
  record Kind(String legend, Color paint, Shape shape, boolean filled) {}

  /**
   * @param valueLabel text printed in a column right of the plot, e.g. "93.1%"
   */
  record Row(String label, Kind kind, double value, Double low, Double high, String valueLabel) {}

  record Reference(double value, String label) {}

  private IntervalDotPlot() {}

  static XYPlot plot(
      ChartStyle style,
      List<Row> rows,
      String axisLabel,
      NumberFormat ticks,
      List<Reference> references,
      double[] bounds) {
    String[] labels = rows.stream().map(Row::label).toArray(String[]::new);
    SymbolAxis rowAxis = rowAxis(style, labels, rows.size());
    NumberAxis valueAxis = new NumberAxis(axisLabel);
    valueAxis.setNumberFormatOverride(ticks);
    valueAxis.setRange(bounds[0], bounds[1]);
    valueAxis.setAutoRangeIncludesZero(false);

    Map<Kind, YIntervalSeries> series = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double low = row.low() == null ? row.value() : row.low();
      double high = row.high() == null ? row.value() : row.high();
      series
          .computeIfAbsent(row.kind(), k -> new YIntervalSeries(k.legend(), false, true))
          .add(i, row.value(), low, high);
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    List<Kind> kinds = new ArrayList<>(series.keySet());
    kinds.forEach(k -> dataset.addSeries(series.get(k)));

    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setUseFillPaint(true);
    renderer.setCapLength(6);
    renderer.setErrorStroke(Palette.INTERVAL_STROKE);
    for (int s = 0; s < kinds.size(); s++) {
      Kind kind = kinds.get(s);
      renderer.setSeriesPaint(s, kind.paint());
      renderer.setSeriesFillPaint(s, kind.filled() ? kind.paint() : Palette.WHITE);
      renderer.setSeriesShape(s, kind.shape());
      renderer.setSeriesShapesFilled(s, true);
      renderer.setSeriesOutlinePaint(s, kind.paint());
      renderer.setSeriesOutlineStroke(s, Palette.INTERVAL_STROKE);
    }
    renderer.setDrawOutlines(true);
    renderer.setUseOutlinePaint(true);

    XYPlot plot = new XYPlot(dataset, rowAxis, valueAxis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    for (Reference ref : references) {
      plot.addRangeMarker(reference(style, ref), Layer.BACKGROUND);
    }
    if (rows.stream().anyMatch(r -> r.valueLabel() != null)) {
      valueColumn(
          style,
          plot,
          rows.stream().map(r -> r.valueLabel() == null ? "" : r.valueLabel()).toList());
    }
    return plot;
  }

  /**
   * The values as a column right of the plot, aligned with their rows: never in the way of an
   * interval or line.
   */
  static void valueColumn(ChartStyle style, XYPlot plot, List<String> values) {
    SymbolAxis column = rowAxis(style, values.toArray(String[]::new), values.size());
    column.setAxisLineVisible(false);
    column.setTickMarksVisible(false);
    column.setTickLabelFont(style.valueFont());
    plot.setDomainAxis(1, column);
    plot.setDomainAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
  }

  static SymbolAxis rowAxis(ChartStyle style, String[] labels, int rows) {
    SymbolAxis axis = new SymbolAxis(null, labels);
    axis.setGridBandsVisible(false);
    axis.setInverted(true);
    // Room above the first row for the reference labels, which sit at the top of the plot.
    axis.setRange(-0.9, rows - 0.4);
    axis.setTickLabelFont(style.tickFont());
    // Every row keeps its label: the figure heights leave room for them.
    axis.setAutoTickUnitSelection(false);
    axis.setTickUnit(new NumberTickUnit(1));
    return axis;
  }

  static ValueMarker reference(ChartStyle style, Reference ref) {
    ValueMarker marker = new ValueMarker(ref.value(), Palette.MUTED_INK, Palette.TARGET_STROKE);
    if (ref.label() != null) {
      marker.setLabel(ref.label());
      marker.setLabelFont(style.valueFont());
      marker.setLabelPaint(Palette.MUTED_INK);
      marker.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 0));
      marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2, 3, 2, 3));
    }
    return marker;
  }

  /**
   * Axis bounds that hold every interval and reference, {@code labelRoom} of the span added on the
   * right.
   */
  static double[] bounds(
      List<Row> rows, List<Reference> references, double labelRoom, Double floor, Double ceiling) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Row r : rows) {
      min = Math.min(min, r.low() == null ? r.value() : r.low());
      max = Math.max(max, r.high() == null ? r.value() : r.high());
    }
    for (Reference ref : references) {
      min = Math.min(min, ref.value());
      max = Math.max(max, ref.value());
    }
    if (!Double.isFinite(min)) {
      min = 0;
      max = 1;
    }
    double span = Math.max(max - min, Math.abs(max) * 0.02 + 1e-9);
    double low = min - span * 0.08;
    double high = max + span * labelRoom;
    if (floor != null) {
      low = Math.max(low, floor);
    }
    if (ceiling != null) {
      high = Math.min(high, ceiling);
    }
    return new double[] {low, high};
  }
}
