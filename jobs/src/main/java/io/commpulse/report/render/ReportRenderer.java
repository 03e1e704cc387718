package io.commpulse.report.render;

import io.commpulse.report.chart.ChartSection;
import io.commpulse.report.chart.ChartStyle;
import io.commpulse.report.chart.Figure;
import io.commpulse.report.chart.FigureImages;
import io.commpulse.report.chart.ReportFigures;
import io.commpulse.report.i18n.Language;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.model.MonthData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a month's data into the report's files, in memory: no I/O, so tests can render from plain
 * records.
 */
public final class ReportRenderer {
  public static final String PDF = "report.pdf";
  public static final String HTML = "report.html";

  /**
   * @param files relative path to content, in path order
   * @param texts every string the report shows, for the font check
   */
  public record Rendered(Map<String, byte[]> files, Set<String> texts, List<String> figureIds) {}

  private ReportRenderer() {}

  public static Rendered render(
      MonthData data, Language language, ReportFont font, CodeVersion code, String lakeLocation) {
    Messages m = new Messages(language, data.departments());
    List<ChartSection> sections = ReportFigures.sections(data, m, new ChartStyle(font.awt()));
    Map<String, byte[]> files = new TreeMap<>();
    Map<String, byte[]> pngs = new HashMap<>();
    List<Figure> figures = sections.stream().flatMap(s -> s.figure().stream()).toList();
    for (Figure figure : figures) {
      byte[] png = FigureImages.png(figure);
      pngs.put(figure.id(), png);
      files.put(ReportContent.chartFile(figure.id(), "png"), png);
      files.put(ReportContent.chartFile(figure.id(), "svg"), FigureImages.svg(figure));
    }
    ReportContent content = ReportContent.build(data, m, sections, pngs, code, lakeLocation);
    files.put(PDF, PdfReport.render(content, font));
    files.put(HTML, HtmlReport.render(content, font));
    return new Rendered(files, m.used(), figures.stream().map(Figure::id).toList());
  }
}
