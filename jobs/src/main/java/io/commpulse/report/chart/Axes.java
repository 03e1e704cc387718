package io.commpulse.report.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** Tick formats and label measurements shared by the charts. */
final class Axes {
  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

  private Axes() {}

  static NumberFormat format(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** Values are plotted in percent for shares, as they are read. */
  static double scale(String unit) {
    return "share".equals(unit) ? 100 : 1;
  }

  static Double scaled(Double value, String unit) {
    return value == null ? null : value * scale(unit);
  }

  static double widest(Font font, List<String> labels) {
    return labels.stream()
        .mapToDouble(l -> font.getStringBounds(l, MEASURE).getWidth())
        .max()
        .orElse(0);
  }

  /** Cuts a long label to about {@code max} points wide, ending in an ellipsis. */
  static String fit(Font font, String label, double max) {
    if (font.getStringBounds(label, MEASURE).getWidth() <= max) {
      return label;
    }
    String cut = label;
    while (cut.length() > 1 && font.getStringBounds(cut + "…", MEASURE).getWidth() > max) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut.strip() + "…";
  }
}
