package io.commpulse.report.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Renders figures to PNG and SVG bytes. Everything that could vary between two renders is fixed:
 * size, scale, rendering hints, no timestamps, and SVG element ids derived from the figure id.
 */
public final class FigureImages {
  /** PNG pixels per logical point: sharp in the PDF at A4 width and on high-density screens. */
  public static final int SCALE = 2;

  private FigureImages() {}

  public static byte[] png(Figure figure) {
    BufferedImage image =
        new BufferedImage(
            figure.width() * SCALE, figure.height() * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      hints(g2);
      g2.setPaint(Palette.WHITE);
      g2.fillRect(0, 0, image.getWidth(), image.getHeight());
      g2.scale(SCALE, SCALE);
      figure.draw(g2);
    } finally {
      g2.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** SVG with text drawn as outlines, so it needs no font on the reader's machine. */
  public static byte[] svg(Figure figure) {
    SVGGraphics2D g2 = new SVGGraphics2D(figure.width(), figure.height());
    g2.setDefsKeyPrefix(figure.id().replaceAll("[^A-Za-z0-9]", ""));
    hints(g2);
    g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    figure.draw(g2);
    return g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
  }

  private static void hints(Graphics2D g2) {
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g2.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g2.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g2.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
  }
}
