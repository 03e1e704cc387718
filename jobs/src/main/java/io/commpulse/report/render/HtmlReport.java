package io.commpulse.report.render;

import io.commpulse.report.chart.Palette;
import io.commpulse.scorecard.KpiStatus;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML file: styles inline, charts as data URIs, no script. Every text from the
 * data is escaped, so a title or comment containing markup shows as text.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static byte[] render(ReportContent c, ReportFont font) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(c.language().equals("zh") ? "zh-CN" : "en")
        .append("\">\n")
        .append("<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(c.title() + " · " + c.subtitle()))
        .append("</title>\n")
        .append("<style>\n")
        .append(css(font))
        .append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<header>\n<h1>")
        .append(escape(c.title()))
        .append("</h1>\n<p class=\"subtitle\">")
        .append(escape(c.subtitle()))
        .append("</p>\n<p class=\"note\">")
        .append(escape(c.sourceNote()))
        .append("</p>\n</header>\n");
    h.append("<section>\n<h2>")
        .append(escape(c.summaryHeading()))
        .append("</h2>\n<ul class=\"summary\">\n");
    for (String sentence : c.summary()) {
      h.append("<li>").append(escape(sentence)).append("</li>\n");
    }
    h.append("</ul>\n</section>\n");
    section(h, c.scorecardHeading(), c.scorecard(), List.of());
    for (ReportContent.Chart chart : c.charts()) {
      h.append("<section class=\"chart\">\n<h2>").append(escape(chart.heading())).append("</h2>\n");
      if (chart.png() != null) {
        h.append("<figure><img src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(chart.png()))
            .append("\" width=\"")
            .append(chart.width())
            .append("\" height=\"")
            .append(chart.height())
            .append("\" alt=\"")
            .append(escape(chart.alt()))
            .append("\"></figure>\n");
      } else {
        h.append("<p class=\"fallback\">").append(escape(chart.fallback())).append("</p>\n");
      }
      notes(h, chart.notes());
      h.append("</section>\n");
    }
    h.append("<section class=\"follow-through\">\n<h2>")
        .append(escape(c.followThroughHeading()))
        .append("</h2>\n");
    for (ReportContent.Part part : c.followThrough()) {
      h.append("<h3>").append(escape(part.heading())).append("</h3>\n");
      if (part.table() != null) {
        table(h, part.table());
      }
      notes(h, part.notes());
    }
    h.append("</section>\n");
    section(h, c.definitionsHeading(), c.definitions(), List.of());
    section(
        h, c.qualityHeading(), c.quality().rows().isEmpty() ? null : c.quality(), c.qualityNotes());
    section(h, c.reproducibilityHeading(), c.versions(), c.reproducibilityNotes());
    h.append("</main>\n</body>\n</html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void section(
      StringBuilder h, String heading, ReportContent.Table table, List<String> notes) {
    h.append("<section>\n<h2>").append(escape(heading)).append("</h2>\n");
    if (table != null) {
      table(h, table);
    }
    notes(h, notes);
    h.append("</section>\n");
  }

  private static void table(StringBuilder h, ReportContent.Table table) {
    h.append("<table>\n<thead><tr>");
    for (String header : table.header()) {
      h.append("<th>").append(escape(header)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (List<ReportContent.Cell> row : table.rows()) {
      h.append("<tr>");
      for (ReportContent.Cell cell : row) {
        h.append("<td");
        String cls =
            (cell.numeric() ? "num" : "")
                + (cell.status() == null ? "" : " status-" + cell.status().code());
        if (!cls.isBlank()) {
          h.append(" class=\"").append(cls.strip()).append("\"");
        }
        h.append(">").append(escape(cell.text())).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void notes(StringBuilder h, List<String> notes) {
    for (String note : notes) {
      h.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
    }
  }

  private static String css(ReportFont font) {
    StringBuilder css = new StringBuilder();
    css.append("body{margin:0;background:#fff;color:#222;font-family:\"")
        .append(escape(font.family()))
        .append(
            "\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;")
        .append("line-height:1.5}\n")
        .append("main{max-width:820px;margin:0 auto;padding:24px}\n")
        .append(
            "h1{font-size:28px;margin:0}h2{font-size:19px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}\n")
        .append(
            ".subtitle{font-size:16px;color:#555;margin:2px 0}.note{font-size:13px;color:#555}\n")
        .append(".summary li{margin:4px 0}.fallback{color:#555}\n")
        .append("figure{margin:0}img{max-width:100%;height:auto}\n")
        .append("table{border-collapse:collapse;width:100%;font-size:13px}\n")
        .append(
            "th,td{border-bottom:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:middle}\n")
        .append(
            "th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}\n");
    for (KpiStatus status : KpiStatus.values()) {
      css.append("td.status-")
          .append(status.code())
          .append("{background:")
          .append(hex(Palette.statusTint(status)))
          .append(";box-shadow:inset 4px 0 0 ")
          .append(hex(Palette.status(status)))
          .append("}\n");
    }
    css.append("@media print{main{max-width:none}section.chart{break-inside:avoid}}\n");
    return css.toString();
  }

  private static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  /** Escapes text for element content and double-quoted attributes. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(ch);
      }
    }
    return s.toString();
  }
}
