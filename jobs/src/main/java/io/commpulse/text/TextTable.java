package io.commpulse.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text laid out in aligned columns for a terminal or a plain-text file. Widths are display
 * widths: East Asian wide and full-width characters take two columns, so Chinese text lines up.
 */
public final class TextTable {
  private final List<String> header;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /** {@code rightAligned[i]} says whether column i is right-aligned (numbers). */
  public TextTable(List<String> header, boolean[] rightAligned) {
    if (header.size() != rightAligned.length) {
      throw new IllegalArgumentException(
          header.size() + " columns but " + rightAligned.length + " alignments");
    }
    this.header = List.copyOf(header);
    this.rightAligned = rightAligned.clone();
  }

  public TextTable add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException(
          "a row of " + row.size() + " cells in a table of " + header.size() + " columns");
    }
    rows.add(List.copyOf(row));
    return this;
  }

  public int rows() {
    return rows.size();
  }

  /**
   * Framed by {@code +---+} rules with cells between {@code |}; the header is left-aligned. Every
   * line ends with {@code \n}.
   */
  public String boxed() {
    int[] widths = widths();
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    rule.append('\n');
    StringBuilder out = new StringBuilder(rule);
    out.append(boxedLine(header, widths, new boolean[widths.length])).append(rule);
    for (List<String> row : rows) {
      out.append(boxedLine(row, widths, rightAligned));
    }
    return out.append(rule).toString();
  }

  /**
   * Columns two blanks apart, the header aligned like its column, no trailing blanks; every line
   * ends with {@code lineSeparator}.
   */
  public String plain(String lineSeparator) {
    int[] widths = widths();
    StringBuilder out = new StringBuilder();
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(rows);
    for (List<String> row : lines) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == 0 ? "" : "  ").append(padded(row.get(i), widths[i], rightAligned[i]));
      }
      out.append(line.toString().stripTrailing()).append(lineSeparator);
    }
    return out.toString();
  }

  private int[] widths() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = displayWidth(header.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], displayWidth(row.get(i)));
      }
    }
    return widths;
  }

  private static String boxedLine(List<String> cells, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < cells.size(); i++) {
      line.append(' ').append(padded(cells.get(i), widths[i], right[i])).append(" |");
    }
    return line.append('\n').toString();
  }

  private static String padded(String cell, int width, boolean right) {
    String pad = " ".repeat(width - displayWidth(cell));
    return right ? pad + cell : cell + pad;
  }

  /** Terminal columns a string takes: East Asian wide and full-width characters take two. */
  public static int displayWidth(String text) {
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
