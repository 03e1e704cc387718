package io.commpulse.catalog;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A result as an aligned text table; numbers are right-aligned, CJK characters count as two columns. */
final class TextTable {
  static final String NULL = "NULL";

  private TextTable() {}

  static void write(StructType schema, Iterator<Row> rows, Writer out) throws IOException {
    StructField[] fields = schema.fields();
    List<String[]> cells = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      String[] line = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        Object value = row.get(i);
        line[i] = value == null ? NULL : ResultFormat.text(value).replaceAll("\\R", " ");
      }
      cells.add(line);
    }
    int[] widths = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      widths[i] = displayWidth(fields[i].name());
      for (String[] line : cells) {
        widths[i] = Math.max(widths[i], displayWidth(line[i]));
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    rule.append('\n');
    out.write(rule.toString());
    String[] header = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      header[i] = fields[i].name();
    }
    out.write(line(header, widths, new boolean[fields.length]));
    out.write(rule.toString());
    boolean[] right = new boolean[fields.length];
    for (int i = 0; i < fields.length; i++) {
      right[i] = fields[i].dataType() instanceof NumericType;
    }
    for (String[] line : cells) {
      out.write(line(line, widths, right));
    }
    out.write(rule.toString());
    out.write("(" + cells.size() + (cells.size() == 1 ? " row)\n" : " rows)\n"));
  }

  private static String line(String[] cells, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(widths[i] - displayWidth(cells[i]));
      line.append(' ').append(right[i] ? pad + cells[i] : cells[i] + pad).append(" |");
    }
    return line.append('\n').toString();
  }

  /** Terminal columns a string takes: East Asian wide and full-width characters take two. */
  static int displayWidth(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      width += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return width;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
