package io.commpulse.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.TextTitle;

/**
 * A chart of the report at a fixed logical size. {@link #id()} names its files; {@link #title()} is
 * the finding it shows, also used as the image's alternative text.
 */
public sealed interface Figure permits Figure.Single, Figure.Panels {
  /** Logical width of every figure; PNGs are rendered at {@link FigureImages#SCALE} times this. */
  int WIDTH = 640;

  /**
   * Height of a chart with one row per item: titles, axis and legend, then a fixed height per row.
   */
  static int rowsHeight(int rows) {
    return 150 + 24 * rows;
  }

  String id();

  String title();

  int width();

  int height();

  void draw(Graphics2D g2);

  /** One JFreeChart filling the figure. */
  record Single(String id, String title, JFreeChart chart, int height) implements Figure {
    @Override
    public int width() {
      return WIDTH;
    }

    @Override
    public void draw(Graphics2D g2) {
      chart.draw(g2, new Rectangle2D.Double(0, 0, width(), height));
    }
  }

  /**
   * Small multiples: a heading and subtitle over a grid of panels, each with its own axis, for
   * quantities that do not share a unit.
   */
  record Panels(
      String id,
      String title,
      TextTitle heading,
      TextTitle subtitle,
      List<JFreeChart> panels,
      int columns,
      int panelHeight)
      implements Figure {
    static final int HEADING_HEIGHT = 46;

    public Panels {
      panels = List.copyOf(panels);
    }

    @Override
    public int width() {
      return WIDTH;
    }

    @Override
    public int height() {
      int rows = (panels.size() + columns - 1) / columns;
      return HEADING_HEIGHT + rows * panelHeight;
    }

    @Override
    public void draw(Graphics2D g2) {
      g2.setPaint(Palette.WHITE);
      g2.fill(new Rectangle2D.Double(0, 0, width(), height()));
      drawTitle(g2, heading, new Rectangle2D.Double(4, 2, width() - 8, 24));
      drawTitle(g2, subtitle, new Rectangle2D.Double(4, 26, width() - 8, 18));
      double panelWidth = (double) width() / columns;
      for (int i = 0; i < panels.size(); i++) {
        int row = i / columns;
        int col = i % columns;
        panels
            .get(i)
            .draw(
                g2,
                new Rectangle2D.Double(
                    col * panelWidth, HEADING_HEIGHT + row * panelHeight, panelWidth, panelHeight));
      }
    }

    /** A title lays its text out in arrange(); drawing without it draws nothing. */
    private static void drawTitle(Graphics2D g2, TextTitle title, Rectangle2D area) {
      title.arrange(
          g2,
          new RectangleConstraint(
              area.getWidth(),
              null,
              LengthConstraintType.FIXED,
              0,
              null,
              LengthConstraintType.NONE));
      title.draw(g2, area);
    }
  }
}
