package io.commpulse.report.chart;

import io.commpulse.scorecard.KpiStatus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/**
 * The report's one palette: Okabe-Ito colours, safe for colour-blind readers, and for every status
 * a marker shape as well, so that a grayscale print still tells met from missed.
 */
public final class Palette {
  public static final Color BLUE = new Color(0x0072B2);
  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color SKY = new Color(0x56B4E9);
  public static final Color GREEN = new Color(0x009E73);
  public static final Color PURPLE = new Color(0xCC79A7);
  public static final Color BLACK = new Color(0x000000);
  public static final Color GREY = new Color(0x8C8C8C);
  public static final Color INK = new Color(0x222222);
  public static final Color MUTED_INK = new Color(0x555555);
  public static final Color GRID = new Color(0xE3E3E3);
  public static final Color HIDDEN_FILL = new Color(0xF0F0F0);
  public static final Color WHITE = Color.WHITE;

  /**
   * Targets and reference lines: dashed, so they read as "the line to reach", also in grayscale.
   */
  public static final Stroke TARGET_STROKE =
      new BasicStroke(
          1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  public static final Stroke DATA_STROKE =
      new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  public static final Stroke INTERVAL_STROKE = new BasicStroke(1.4f);
  public static final Stroke THIN = new BasicStroke(0.6f);

  private Palette() {}

  public static Color status(KpiStatus status) {
    return switch (status) {
      case MET -> BLUE;
      case AT_RISK -> ORANGE;
      case MISSED -> VERMILLION;
      case NO_TARGET -> GREY;
    };
  }

  /** A light tint of the status colour for table cells, dark text stays readable on it. */
  public static Color statusTint(KpiStatus status) {
    return switch (status) {
      case MET -> new Color(0xD4E6F3);
      case AT_RISK -> new Color(0xFBE8BF);
      case MISSED -> new Color(0xF6D5C0);
      case NO_TARGET -> new Color(0xEDEDED);
    };
  }

  /** The marker character that goes with the status shape in tables: ● ▲ ◆. */
  public static String statusSymbol(KpiStatus status) {
    return switch (status) {
      case MET -> "●";
      case AT_RISK -> "▲";
      case MISSED -> "◆";
      case NO_TARGET -> "–";
    };
  }

  public static Shape statusShape(KpiStatus status, double size) {
    return switch (status) {
      case MET -> circle(size);
      case AT_RISK -> triangle(size * 1.15);
      case MISSED -> diamond(size * 1.15);
      case NO_TARGET -> circle(size * 0.8);
    };
  }

  public static Shape circle(double size) {
    return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
  }

  public static Shape triangle(double size) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -size / 2);
    p.lineTo(size / 2, size / 2);
    p.lineTo(-size / 2, size / 2);
    p.closePath();
    return p;
  }

  public static Shape diamond(double size) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -size / 2);
    p.lineTo(size / 2, 0);
    p.lineTo(0, size / 2);
    p.lineTo(-size / 2, 0);
    p.closePath();
    return p;
  }

  public static Shape square(double size) {
    return new java.awt.geom.Rectangle2D.Double(-size / 2, -size / 2, size, size);
  }
}
